// The renderer on the school server (docs/SERVER.md): the server marks the page it serves with
// <meta name="sp-door" content="server">, and then every call goes to POST /api/call with the
// session's CSRF token; the session itself is an HttpOnly cookie the page never sees. Locking
// (the idle time, Ctrl+L) is logging out there, and an ended session brings the login page back.
// The desktop app connected to a school server opens this renderer with ?door=schoolserver: the
// same routes then go through the app's main process (schoolserver.request), which holds the
// cookie and checks the server's certificate (src/main/electron/serverLink.ts).
import type { Result } from '@shared/api/result';
import type { AccountRol } from '@shared/domain';
import { CLIENT_DOOR_PARAM, CLIENT_DOOR_VALUE } from '@shared/api/schoolserver';
import type { RequestOutput, ServerRoute } from '@shared/api/schoolserver';
import { appInvoke } from '../api/transport';

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;

/** The desktop app working with a school server (its main process passes every request on). */
export const isAppClient = new URLSearchParams(window.location.search).get(CLIENT_DOOR_PARAM) === CLIENT_DOOR_VALUE;

/** Logged in on the school server: in the page it serves, or in the desktop app connected to it. */
export const isServerMode = meta('sp-door') === 'server' || isAppClient;

/** The renderer's address for working with the school server (true) or as the single-PC app (false). */
export function doorUrl(client: boolean): string {
  const url = new URL(window.location.href);
  if (client) url.searchParams.set(CLIENT_DOOR_PARAM, CLIENT_DOOR_VALUE);
  else url.searchParams.delete(CLIENT_DOOR_PARAM);
  url.hash = '#/';
  return url.toString();
}

/** The self-signed certificate's SHA-256 fingerprint, to compare at first connection; null with the school's own certificate. */
export const serverFingerprint = (): string | null => meta('sp-fingerprint') || null;

export interface ServerUser {
  gebruikersnaam: string;
  naam: string;
  rol: AccountRol;
}

export interface ServerSession {
  gebruiker: ServerUser;
  openstaand: { wachtwoord: boolean; totp: boolean };
  csrf: string;
  vergrendelNaMinuten: number;
}

let csrf: string | null = null;
let role: AccountRol | null = null;

/** The logged-in account's role on the school server; null on the single-PC app or before login. */
export const serverRole = (): AccountRol | null => role;
const endedListeners = new Set<() => void>();

/** Called when the session ends (logout, lock, time-out, the server restarted). */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

function ended() {
  csrf = null;
  for (const l of endedListeners) l();
}

const lost = (): Result<never> => ({
  ok: false,
  error: { code: 'INTERN', message: 'De verbinding met de schoolserver is verbroken. Controleer het netwerk en probeer het opnieuw.' },
});

let problem: string | null = null;

/** Why the app could not reach its school server at the last try (certificate changed, unreachable), or null. */
export const connectionProblem = (): string | null => problem;

/** One request to the app's main process, which passes it on to the school server. */
async function viaApp(route: ServerRoute, body: unknown): Promise<{ status: number; result: Result<unknown> }> {
  const r = await appInvoke('schoolserver.request', { route, ...(route === 'sessie' ? {} : { body: body ?? {} }), csrf });
  if (!r.ok) {
    // The line itself was refused (another certificate, no network, another version): nothing was sent.
    problem = r.error.message;
    return { status: 0, result: r };
  }
  problem = null;
  const { status, result } = r.value as RequestOutput;
  return { status, result: result as Result<unknown> };
}

async function post(route: ServerRoute, body: unknown): Promise<{ status: number; result: Result<unknown> }> {
  if (isAppClient) return viaApp(route, body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(`/api/${route}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}), credentials: 'same-origin' });
  return { status: res.status, result: (await res.json()) as Result<unknown> };
}

/** The session this browser has, or null (not logged in). */
export async function currentSession(): Promise<ServerSession | null> {
  try {
    const r = (
      isAppClient
        ? (await viaApp('sessie', null)).result
        : await (await fetch('/api/sessie', { credentials: 'same-origin', cache: 'no-store' })).json()
    ) as Result<{ ingelogd: boolean } & Partial<ServerSession>>;
    if (!r.ok || !r.value.ingelogd) return null;
    csrf = r.value.csrf ?? null;
    role = r.value.gebruiker?.rol ?? null;
    return r.value as ServerSession;
  } catch {
    return null;
  }
}

export async function login(input: { gebruikersnaam: string; wachtwoord: string; totp?: string }): Promise<Result<ServerSession>> {
  try {
    const { result } = await post('login', input);
    if (result.ok) {
      csrf = (result.value as ServerSession).csrf;
      role = (result.value as ServerSession).gebruiker.rol;
    }
    return result as Result<ServerSession>;
  } catch {
    return lost();
  }
}

export async function logout(): Promise<void> {
  try {
    await post('logout', {});
  } catch {
    // The session ends on the server at its idle time anyway.
  }
  ended();
}

/** The renderer's transport on the school server (api/client.ts). */
export async function serverInvoke(method: string, input: unknown): Promise<Result<unknown>> {
  try {
    const { status, result } = await post('call', { method, input: input ?? {} });
    // 401: the session is gone (time-out, restart); a lock on the server is a logout.
    if (status === 401 || (method === 'trust.lock' && result.ok)) queueMicrotask(ended);
    return result;
  } catch {
    return lost();
  }
}
