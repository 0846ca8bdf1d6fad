// Runs an API call that returns a file, downloads it and says so; failures show their Dutch message.
import { notifications } from '@mantine/notifications';
import type { Result } from '@shared/api';
import type { FileOut } from '@shared/api/yearReports';
import { downloadFile } from './download';
import { useSubmit } from '../../api/useSubmit';
import i18n from '../../i18n';

export function useFileAction(): { busy: string | null; run: (key: string, fn: () => Promise<Result<FileOut>>) => Promise<boolean> } {
  const submit = useSubmit();
  const run = async (key: string, fn: () => Promise<Result<FileOut>>) => {
    const r = await submit.run(fn, {
      key,
      concurrent: true,
      onSuccess: (file) => {
        downloadFile(file);
        notifications.show({ color: 'teal', message: i18n.t('reports:downloaded', { naam: file.bestandsnaam }), autoClose: 4000 });
      },
    });
    return !!r?.ok;
  };
  return { busy: submit.busyKey as string | null, run };
}
