// How the renderer reaches the door that serves it, before any login: in Electron the preload's
// window.api.invoke (one IPC channel), in the browser preview fetch with the run's token. The
// school server's login session (server/session.ts) builds on this when the desktop app works
// with a school server, and api/client.ts picks the transport for the core's methods.
import type { Result } from '@shared/api';

export type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

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

const previewInvoke: Invoke = async (method, input) => {
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

/** The app's own door: Electron's main process, or the browser preview. */
export const appInvoke: Invoke = window.api ? window.api.invoke : previewInvoke;
