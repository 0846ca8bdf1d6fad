// Our default social-media protocol (resources/protocol-template.json), imported as JSON so it is
// part of the bundle under tsx, vitest and electron-vite alike. Checked against the contract's
// own schema, so a broken template fails loudly in the tests, never silently in a school.
import template from '../../../resources/protocol-template.json';
import type { Ctx } from '../context/context';
import { protocolInput } from '@shared/api/protocols';
import type { ProtocolVersion } from '@shared/api/protocols';
import { createProtocol } from './save';

export function createFromTemplate(ctx: Ctx, ingangsdatum: string): ProtocolVersion {
  const parsed = protocolInput.parse({ ...template, ingangsdatum });
  return createProtocol(ctx, parsed);
}
