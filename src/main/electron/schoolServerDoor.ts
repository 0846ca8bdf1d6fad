// The Electron door's side of "Verbinden met de schoolserver" (docs/SERVER.md, "De app op een
// werkplek"). The door answers its own requests (schoolserver.*, src/shared/api/schoolserver.ts):
// - probe: what is at an address (certificate fingerprint, trusted or not, the server's version);
// - connect: keeps the address and the fingerprint the user confirmed (schoolserver.json beside
//   the database), only when this computer's own database holds no school and the server still
//   shows that same certificate;
// - request: passes the window's login, logout and calls on to the server over the pinned line
//   (serverLink.ts), so the same renderer works there logged in as a person;
// - disconnect: logs out and forgets the server; the app is the single-PC app again.
// While connected, nothing reaches the local core: every other call is refused here.
// Plain Node (no Electron import), tested under vitest and, through the browser preview's relay,
// end to end in Chromium.
import fs from 'node:fs';
import type { Result } from '@shared/api/result';
import { SCHOOLSERVER_METHODS, connectInput, probeInput, requestInput } from '@shared/api/schoolserver';
import type { SchoolServerMethod, SchoolServerStatus } from '@shared/api/schoolserver';
import { CoreError, toApiError } from '../errors/errors';
import { writeAtomic } from '../files/atomic';
import { ServerLink, normalizeAddress, probeServer } from './serverLink';
import type { ServerPin } from './serverLink';
import type { Relay } from './ipc';

export const CLIENT_CONFIG_FILE = 'schoolserver.json';

export interface SchoolServerDoorOptions {
  /** schoolserver.json in the app's data folder. */
  configFile: string;
  appVersion: string;
  /** Whether this computer's own database holds a school (then it stays the single-PC app). */
  localHasSchool: () => Promise<boolean>;
  log?: (line: string) => void;
}

const LOCAL_SCHOOL =
  'Op deze computer staat al een eigen school in Schoolprotocol. Die blijft hier; verbinden met een schoolserver kan alleen bij een nieuwe installatie zonder eigen gegevens.';
const WHILE_CONNECTED = 'Deze app werkt met de schoolserver; dit kan alleen op de schoolserver zelf.';
const NOT_CONNECTED = 'Deze app is niet verbonden met een schoolserver.';

/** The kept connection, or null (none, or a file that is not ours: then the app starts as the single-PC app). */
export function readPin(file: string): ServerPin | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(raw) as Partial<ServerPin>;
    if (typeof v.adres !== 'string' || typeof v.vingerafdruk !== 'string' || typeof v.vertrouwd !== 'boolean') return null;
    return { adres: normalizeAddress(v.adres), vingerafdruk: v.vingerafdruk, vertrouwd: v.vertrouwd };
  } catch {
    return null;
  }
}

export class SchoolServerDoor {
  private link: ServerLink | null;

  constructor(private readonly opts: SchoolServerDoorOptions) {
    const pin = readPin(opts.configFile);
    this.link = pin ? new ServerLink(pin, opts.appVersion) : null;
  }

  get connected(): boolean {
    return this.link !== null;
  }

  static handles(method: string): method is SchoolServerMethod {
    return (SCHOOLSERVER_METHODS as readonly string[]).includes(method);
  }

  /** The door's relay: its own requests here; while connected nothing else; otherwise the local core. */
  relay(local: Relay): Relay {
    return (method, input) => {
      if (SchoolServerDoor.handles(method)) return this.answer(method, input);
      if (this.link) return Promise.resolve({ ok: false, error: { code: 'GEEN_TOEGANG', message: WHILE_CONNECTED } });
      return local(method, input);
    };
  }

  status(): SchoolServerStatus {
    const pin = this.link?.pin ?? null;
    return { verbonden: !!pin, adres: pin?.adres ?? null, vingerafdruk: pin?.vingerafdruk ?? null, vertrouwd: pin?.vertrouwd ?? false };
  }

  async answer(method: SchoolServerMethod, input: unknown): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await this.run(method, input ?? {}) };
    } catch (e) {
      const error = toApiError(e);
      return { ok: false, error: error.field ? { ...error, fields: { [error.field]: error.message } } : error };
    }
  }

  private async run(method: SchoolServerMethod, input: unknown): Promise<unknown> {
    switch (method) {
      case 'schoolserver.status':
        return this.status();
      case 'schoolserver.probe': {
        // A ZodError from parse becomes the Dutch field message (toApiError).
        return probeServer(probeInput.parse(input).adres, this.opts.appVersion);
      }
      case 'schoolserver.connect': {
        const given = connectInput.parse(input);
        if (this.link) throw new CoreError('REGEL', `Deze app is al verbonden met ${this.link.pin.adres}.`);
        if (await this.opts.localHasSchool()) throw new CoreError('REGEL', LOCAL_SCHOOL);
        // Looked at again: the certificate must still be the one the user confirmed a moment ago.
        const found = await probeServer(given.adres, this.opts.appVersion);
        if (found.vingerafdruk !== given.vingerafdruk)
          throw new CoreError(
            'REGEL',
            'De server toont nu een ander certificaat dan u zojuist hebt bevestigd. Er is geen verbinding gemaakt. Controleer het adres en vraag de beheerder om de juiste vingerafdruk.',
          );
        const pin: ServerPin = { adres: found.adres, vingerafdruk: found.vingerafdruk, vertrouwd: found.vertrouwd };
        writeAtomic(this.opts.configFile, JSON.stringify({ ...pin, verbondenOp: new Date().toISOString() }, null, 2) + '\n', 0o600);
        this.link = new ServerLink(pin, this.opts.appVersion);
        this.opts.log?.(
          `[schoolserver] verbonden met ${pin.adres} (${pin.vertrouwd ? 'vertrouwd certificaat' : `vingerafdruk ${pin.vingerafdruk}`})`,
        );
        return this.status();
      }
      case 'schoolserver.request': {
        if (!this.link) throw new CoreError('REGEL', NOT_CONNECTED);
        const { route, body, csrf } = requestInput.parse(input);
        return this.link.request(route, body ?? {}, csrf ?? null);
      }
      case 'schoolserver.disconnect': {
        const link = this.link;
        if (!link) return this.status();
        await link.logout();
        link.close();
        fs.rmSync(this.opts.configFile, { force: true });
        this.link = null;
        this.opts.log?.(`[schoolserver] verbinding met ${link.pin.adres} verbroken`);
        return this.status();
      }
    }
  }

  close(): void {
    this.link?.close();
  }
}
