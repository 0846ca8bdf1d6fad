// Reading a chosen file for an import: the 20 MB limit is checked before the file is read, and the
// bytes go to the core as base64 (the same in Electron and the browser preview).
import { MAX_BESTAND_BYTES } from '@shared/api/imports';
import i18n from '../../i18n';

export interface ChosenFile {
  naam: string;
  inhoud: string;
}

/** The file as the API takes it, or a Dutch message why not. */
export function readChosenFile(file: File): Promise<ChosenFile | { error: string }> {
  if (file.size > MAX_BESTAND_BYTES) return Promise.resolve({ error: i18n.t('imports:file.tooLarge') });
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve({ naam: file.name, inhoud: String(r.result).replace(/^data:[^,]*,/, '') });
    r.onerror = () => resolve({ error: i18n.t('imports:file.readFailed') });
    r.readAsDataURL(file);
  });
}
