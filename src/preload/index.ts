// The bridge between the sandboxed renderer and the main process, nothing more: exactly one
// function, window.api.invoke(method, input), over the one IPC channel 'api:invoke'. The renderer
// gets no ipcRenderer, no Node and no Electron object; every answer is a Result (data, not a throw).
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '@shared/api/result';

/** The one channel (checked by src/main/electron/ipc.ts; keep the two in step). */
const CHANNEL = 'api:invoke';

const api = {
  invoke: (method: string, input: unknown): Promise<Result<unknown>> => {
    if (typeof method !== 'string') return Promise.resolve({ ok: false, error: { code: 'VALIDATIE', message: 'Onbekende opdracht.' } });
    return ipcRenderer.invoke(CHANNEL, method, input) as Promise<Result<unknown>>;
  },
};

contextBridge.exposeInMainWorld('api', api);
