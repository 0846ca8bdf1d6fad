// The renderer's typed client. It cannot tell which door it came through: in Electron the preload
// exposes window.api.invoke; in the browser preview the same calls go over fetch with the run's token;
// on the school server over fetch with the login session (server/session.ts).
import { api, type MethodName, type Input, type Output, type Result } from '@shared/api';
import { isServerMode, serverInvoke } from '../server/session';

type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

declare global {
  interface Window {
    api?: { invoke: Invoke };
  }
}

const TOKEN_KEY = 'schoolprotocol.token';

function previewToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar and history.
    const url = new URL(window.location.href);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const fetchInvoke: Invoke = async (method, input) => {
  try {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${previewToken() ?? ''}` },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERN', message: 'De verbinding met de app is verbroken. Start de voorvertoning opnieuw.' } };
  }
};

const transport: Invoke = window.api ? window.api.invoke : isServerMode ? serverInvoke : fetchInvoke;

// The data version: every successful write bumps it, so whatever was loaded before may be stale
// (a hearing closes a task on the incident page and on Overzicht alike). useLoad listens to it.
let dataVersion = 0;
const versionListeners = new Set<() => void>();

export const getDataVersion = (): number => dataVersion;

export function subscribeDataVersion(listener: () => void): () => void {
  versionListeners.add(listener);
  return () => versionListeners.delete(listener);
}

function bumpDataVersion(): void {
  dataVersion += 1;
  for (const l of versionListeners) l();
}

/** Calls an API method; the answer is always a Result, never a thrown error. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const r = (await transport(method, input)) as Result<Output<M>>;
  if (r.ok && api[method].kind === 'write') bumpDataVersion();
  return r;
}

/** Calls an API method and throws an ApiCallError when it fails (for react effects and loaders). */
export async function callOrThrow<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await call(method, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

export class ApiCallError extends Error {
  constructor(readonly error: import('@shared/api').ApiError) {
    super(error.message);
  }
}

/** True in the browser preview (files download instead of opening in Word). */
export const isPreview = !window.api;
