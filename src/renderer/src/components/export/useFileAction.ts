// Runs an API call that returns a file, downloads it and says so; failures show their Dutch message.
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { Result } from '@shared/api';
import type { FileOut } from '@shared/api/yearReports';
import { downloadFile } from './download';
import { notifyError } from '../notify';
import i18n from '../../i18n';

export function useFileAction(): { busy: string | null; run: (key: string, fn: () => Promise<Result<FileOut>>) => Promise<boolean> } {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, fn: () => Promise<Result<FileOut>>) => {
    setBusy(key);
    try {
      const r = await fn();
      if (!r.ok) {
        notifyError(r.error.message);
        return false;
      }
      downloadFile(r.value);
      notifications.show({ color: 'teal', message: i18n.t('reports:downloaded', { naam: r.value.bestandsnaam }), autoClose: 4000 });
      return true;
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
