// Saves a file the core made (base64 + name) through the browser's download: in the preview it
// lands in the downloads folder, in Electron the save dialog asks where.
import type { FileOut } from '@shared/api/yearReports';

export function downloadFile(file: FileOut): void {
  const bin = atob(file.inhoudBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.bestandsnaam;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download time to start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
