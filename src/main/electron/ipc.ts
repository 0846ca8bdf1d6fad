// The one IPC channel, 'api:invoke' (the preload's only call). Its answer is decided by
// answerInvoke, a pure function: refuse a sender that is not our renderer, refuse a malformed
// method name, otherwise relay to the core (in the utilityProcess) and return its Result.
// When a successful result carries `openFile` (a path inside the app's data folder, e.g. a
// finished letter), the door opens it in the word processor (see openFile.ts).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '@shared/api/result';
import { isTrustedSender } from './security';
import type { DoorOptions, SenderInfo } from './security';

export const API_CHANNEL = 'api:invoke';
/** Every channel the main process listens on. A unit test keeps this list and the preload in step. */
export const IPC_CHANNELS = [API_CHANNEL] as const;

const METHOD_RE = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/;

export type Relay = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface InvokeDeps extends DoorOptions {
  webContentsId: number | null;
  relay: Relay;
  /**
   * Called with `openFile` of a successful result. The change itself is already saved, so a file
   * that cannot be opened does not turn the result into a failure: the opener tells the user.
   */
  openFile?: (file: string) => Promise<void>;
}

export async function answerInvoke(sender: SenderInfo, method: unknown, input: unknown, deps: InvokeDeps): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, deps)) {
    return {
      ok: false,
      error: { code: 'GEEN_TOEGANG', message: 'Dit verzoek komt niet van het venster van Schoolprotocol en is geweigerd.' },
    };
  }
  if (typeof method !== 'string' || method.length > 100 || !METHOD_RE.test(method)) {
    return { ok: false, error: { code: 'ONBEKENDE_METHODE', message: 'Onbekende opdracht.' } };
  }
  const result = await deps.relay(method, input);
  if (result.ok && deps.openFile) {
    const file = openFileOf(result.value);
    if (file) await deps.openFile(file);
  }
  return result;
}

function openFileOf(value: unknown): string | null {
  if (value && typeof value === 'object' && 'openFile' in value) {
    const f = (value as { openFile: unknown }).openFile;
    return typeof f === 'string' && f.length > 0 ? f : null;
  }
  return null;
}

export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame.parent === null };
}

/** Registers the one channel; returns a function that removes it. */
export function registerApiChannel(ipcMain: IpcMain, deps: () => InvokeDeps): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) => answerInvoke(senderOf(event), method, input, deps()));
  return () => ipcMain.removeHandler(API_CHANNEL);
}
