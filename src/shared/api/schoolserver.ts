// The desktop app as a client of the school server (docs/SERVER.md, "De app op een werkplek"):
// what the renderer and the Electron door say to each other about the connection. These are the
// door's own requests, not the core's methods: the door answers them itself (the contract's
// permission check applies to the calls it passes on to the server).
import { z } from 'zod';

/** The door's own requests (src/main/electron/schoolServerDoor.ts answers them). */
export const SCHOOLSERVER_METHODS = [
  'schoolserver.status',
  'schoolserver.probe',
  'schoolserver.connect',
  'schoolserver.request',
  'schoolserver.disconnect',
] as const;
export type SchoolServerMethod = (typeof SCHOOLSERVER_METHODS)[number];

/** The URL parameter the renderer opens with when the app works with a school server. */
export const CLIENT_DOOR_PARAM = 'door';
export const CLIENT_DOOR_VALUE = 'schoolserver';

/** The school server's routes the app may pass on (src/main/server/server.ts). */
export const SERVER_ROUTES = ['sessie', 'login', 'logout', 'call'] as const;
export type ServerRoute = (typeof SERVER_ROUTES)[number];

/** What this computer knows of its school server. */
export interface SchoolServerStatus {
  verbonden: boolean;
  /** https://naam:poort */
  adres: string | null;
  /** The certificate's SHA-256 fingerprint as pinned at the first connection. */
  vingerafdruk: string | null;
  /** Whether the certificate was issued by an authority this computer trusts (then not pinned). */
  vertrouwd: boolean;
}

/** What the app found at an address, before the user confirms the connection. */
export interface SchoolServerProbe {
  /** The address as the app will use it (https://naam:poort). */
  adres: string;
  vingerafdruk: string;
  /** Issued by a trusted authority for this name; otherwise the fingerprint is what protects. */
  vertrouwd: boolean;
  /** The server's app version (it must be this app's version). */
  versie: string;
}

const adres = z.string().max(300, 'Het adres is te lang.');

export const probeInput = z.object({ adres }).strict();
export type ProbeInput = z.output<typeof probeInput>;

export const connectInput = z
  .object({
    adres,
    /** The fingerprint the user saw and confirmed. */
    vingerafdruk: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Dit is geen vingerafdruk van een certificaat.'),
  })
  .strict();
export type ConnectInput = z.output<typeof connectInput>;

export const requestInput = z
  .object({
    route: z.enum(SERVER_ROUTES),
    body: z.unknown().optional(),
    csrf: z.string().max(200).nullable().optional(),
  })
  .strict();
export type RequestInput = z.output<typeof requestInput>;

/** The server's answer to a passed-on request: its HTTP status and its Result. */
export interface RequestOutput {
  status: number;
  result: unknown;
}
