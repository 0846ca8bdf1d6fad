// Getting a final letter or an export to the user: in Electron the door opens the file in the word
// processor (it reads `openFile` from the result); in the browser preview the file is downloaded.
import { call, isPreview } from '../../api/client';
import type { ApiError } from '@shared/api';

export function downloadBase64(
  base64: string,
  fileName: string,
  mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens (Electron) or downloads (browser preview) a final letter; resolves to an error or null. */
export async function deliverLetter(id: number): Promise<ApiError | null> {
  if (!isPreview) {
    const r = await call('letters.open', { id });
    return r.ok ? null : r.error;
  }
  const r = await call('letters.download', { id });
  if (!r.ok) return r.error;
  downloadBase64(r.value.inhoudBase64, r.value.bestandsnaam);
  return null;
}
