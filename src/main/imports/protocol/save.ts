// Saving a reviewed protocol import as a new version: through the protocols service (rule ids in
// the input continue the matched rules of the previous version, see protocols/save.ts), logged as
// an import run and audited.
import type { Ctx } from '../../context/context';
import type { Parsed } from '@shared/api';
import type { ProtocolVersion } from '@shared/api/protocols';
import { createProtocol } from '../../protocols/save';
import { logRun } from '../runs';

export function saveImportedProtocol(ctx: Ctx, input: Parsed<'imports.protocol.save'>): ProtocolVersion {
  const { bestand, ...protocol } = input;
  const saved = createProtocol(ctx, protocol);
  const rules = saved.secties.flatMap((s) => s.regels);
  const ext = bestand.naam.split('.').pop()?.toLowerCase() ?? '';
  logRun(ctx, {
    soort: 'protocol',
    bestandsnaam: bestand.naam,
    sha256: bestand.sha256,
    formaat: ['docx', 'pdf', 'txt'].includes(ext) ? ext : 'txt',
    bronId: null,
    bronNaam: null,
    volledig: false,
    aangemaakt: rules.length,
    bijgewerkt: 0,
    ongewijzigd: 0,
    uitgeschreven: 0,
    overgeslagen: 0,
    protocolId: saved.id,
    samenvatting: { secties: saved.secties.length, regels: rules.length, voortgezet: rules.filter((r) => r.vorigeRegelId !== null).length },
  });
  return saved;
}
