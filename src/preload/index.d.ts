// What the preload exposes to the renderer (src/preload/index.ts): window.api.invoke only.
// In the browser preview window.api is absent and the renderer's client uses fetch instead.
import type { Result } from '@shared/api/result';

export interface PreloadApi {
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}
