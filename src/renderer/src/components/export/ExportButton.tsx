// "Exporteren" for a grid page: the grid's current filters as CSV for Dutch Excel or as .xlsx.
// Embed it in the page header, e.g.
//   <ExportButton method="exports.incidents" input={{ filter, sort, search }} />
// The core audits every export (personal data leaving the app).
import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Input, Result } from '@shared/api';
import type { FileOut } from '@shared/api/yearReports';
import { useFileAction } from './useFileAction';
import { can } from '../../server/can';

type ExportMethod = 'exports.incidents' | 'exports.people';

export function ExportButton<M extends ExportMethod>({
  method,
  input,
  testId,
}: {
  method: M;
  input: Omit<Input<M>, 'format'>;
  testId?: string;
}) {
  const { t } = useTranslation('reports');
  const { busy, run } = useFileAction();
  // Both export methods answer with a FileOut.
  const go = (format: 'csv' | 'xlsx') => void run(format, () => call(method, { ...input, format } as Input<M>) as Promise<Result<FileOut>>);
  // On the school server only the roles the contract lets export see the button.
  if (!can(method)) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy !== null} data-testid={testId ?? 'export-knop'}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => go('csv')}>{t('export.csv')}</Menu.Item>
        <Menu.Item onClick={() => go('xlsx')}>{t('export.xlsx')}</Menu.Item>
        <Menu.Divider />
        <Text size="xs" c="dimmed" px="sm" py={4} maw={260}>
          {t('export.note')}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}
