// Instellingen → Beveiliging: the backup folder, the daily automatic backup, a backup now, the
// backups in the folder and restoring one (checked first; see RestoreModal).
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { BackupOverview, TrustSettingsView } from '@shared/api/trust';
import { Section } from '../fields';
import { dateTime, fileSize } from '../format';
import { useLoad } from '../useLoad';
import { RestoreModal } from './RestoreModal';

export function BackupSection({ settings, onSettings }: { settings: TrustSettingsView; onSettings: (s: TrustSettingsView) => void }) {
  const { t } = useTranslation('trust');
  const overview = useLoad(() => call('trust.backup.overview', {}), []);
  const [map, setMap] = useState(settings.backupMap ?? '');
  const [mapError, setMapError] = useState<string | null>(null);
  const submit = useSubmit();
  const busy = submit.busyKey as 'save' | 'now' | null;
  const [restoring, setRestoring] = useState<string | null>(null);
  const [otherPath, setOtherPath] = useState('');

  // Saving the folder and making a backup are separate buttons: one may run while the other does.
  const saveFolder = (patch: { backupMap?: string | null; automatischeBackup?: boolean }) =>
    submit.run(() => call('trust.settings.save', patch), {
      key: 'save',
      concurrent: true,
      refusal: (e) => {
        setMapError(e.fields?.backupMap ?? e.message);
        return null;
      },
      saved: true,
      onSuccess: (s) => {
        setMapError(null);
        onSettings(s);
        setMap(s.backupMap ?? '');
        overview.reload();
      },
    });

  const backupNow = () =>
    submit.run(
      () => {
        const pending = call('trust.backup.now', {});
        // The backup is made beside the app, which keeps working: show it as being made (or waiting).
        overview.reload();
        return pending;
      },
      {
        key: 'now',
        concurrent: true,
        saved: (b) => t('backup.made', { naam: b.backup.naam }),
        onSuccess: overview.reload,
        onError: overview.reload,
      },
    );

  const o: BackupOverview | null = overview.data;
  // While a backup is being made (the automatic one may have started with the app), look again
  // every few seconds, so the notice goes when it is done.
  const running = !!o?.bezig;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(overview.reload, 3000);
    return () => clearInterval(timer);
  }, [running, overview.reload]);
  return (
    <Section title={t('backup.section')}>
      <Stack gap="sm">
        <Text size="sm">{t('backup.intro')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveFolder({ backupMap: map.trim() ? map.trim() : null });
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('backup.folder')}
              description={t('backup.folderHelp')}
              value={map}
              onChange={(e) => setMap(e.currentTarget.value)}
              error={mapError}
              w={520}
              maw="100%"
              spellCheck={false}
            />
            <Button type="submit" variant="default" loading={busy === 'save'}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </form>
        <Switch
          label={t('backup.automatic')}
          checked={settings.automatischeBackup}
          onChange={(e) => void saveFolder({ automatischeBackup: e.currentTarget.checked })}
        />
        {o && !o.map && <Alert color="yellow">{t('backup.noFolder')}</Alert>}
        {o?.laatsteMislukt && (
          <Alert color="red">
            {t('backup.lastFailed', { when: dateTime(o.laatsteMislukt.gestartOp), fout: o.laatsteMislukt.fout ?? '' })}
          </Alert>
        )}
        {o?.achterstand && !o.laatsteMislukt && !o.bezig && <Alert color="yellow">{t('backup.behind')}</Alert>}
        {o?.laatsteGelukt?.fout && (
          <Alert color="orange" role="alert" title={t('backup.filesWarningTitle')}>
            {o.laatsteGelukt.fout}
          </Alert>
        )}
        {o?.bezig && (
          <Alert color="blue" role="status">
            {t('backup.busy', { soort: t(`backup.soort.${o.bezig.soort}`).toLocaleLowerCase('nl-NL'), when: dateTime(o.bezig.sinds) })}
            {o.bezig.wachtend > 0 && ` ${t('backup.busyWaiting', { count: o.bezig.wachtend })}`}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void backupNow()} loading={busy === 'now'} disabled={!settings.backupMap}>
            {t('backup.now')}
          </Button>
          <Text size="sm" c="dimmed">
            {o?.laatsteGelukt ? t('backup.lastOk', { when: dateTime(o.laatsteGelukt.gestartOp) }) : t('backup.none')}
          </Text>
        </Group>
        {o && o.backups.length > 0 && (
          <Table striped withTableBorder aria-label={t('backup.list')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.col.gemaakt')}</Table.Th>
                <Table.Th>{t('backup.col.soort')}</Table.Th>
                <Table.Th>{t('backup.col.grootte')}</Table.Th>
                <Table.Th>{t('backup.col.bestanden')}</Table.Th>
                <Table.Th>{t('backup.col.acties')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.backups.map((b) => (
                <Table.Tr key={b.naam}>
                  <Table.Td>
                    {dateTime(b.gemaaktOp)}
                    {!b.vanDezeInstallatie && (
                      <Badge ml="xs" color="gray" variant="light">
                        {t('backup.otherInstallation')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`backup.soort.${b.soort}`)}</Table.Td>
                  <Table.Td>{fileSize(b.grootte)}</Table.Td>
                  <Table.Td>{b.bestanden}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setRestoring(b.pad)}
                      aria-label={`${t('backup.restore')} ${dateTime(b.gemaaktOp)}`}
                    >
                      {t('backup.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (otherPath.trim()) setRestoring(otherPath.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('backup.restoreOther')}
              placeholder={t('backup.restorePath')}
              value={otherPath}
              onChange={(e) => setOtherPath(e.currentTarget.value)}
              w={520}
              maw="100%"
              spellCheck={false}
            />
            <Button type="submit" variant="default" disabled={!otherPath.trim()}>
              {t('backup.restore')}
            </Button>
          </Group>
        </form>
      </Stack>
      {restoring && <RestoreModal bron={restoring} onClose={() => setRestoring(null)} />}
    </Section>
  );
}
