// The renderer's typed client. It cannot tell which door it came through: in Electron the preload
// exposes window.api.invoke; in the browser preview the same calls go over fetch with the run's token;
// on the school server with the login session (server/session.ts): over fetch in its browser page,
// through the app's main process when the desktop app works with a school server.
import { api, type MethodName, type Input, type Output, type Result } from '@shared/api';
import { isAppClient, isServerMode, serverInvoke } from '../server/session';
import { appInvoke } from './transport';
import type { Invoke } from './transport';

// Logged in on the school server (in its browser page, or the desktop app connected to it): every
// call goes with the session; otherwise to the app's own door.
const transport: Invoke = isServerMode ? serverInvoke : appInvoke;

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

/**
 * Files download instead of opening in Word: in the browser (the preview, the school server's
 * page) and in the desktop app working with a school server (the files are made there).
 */
export const isPreview = !window.api || isAppClient;
