// The import log (every applied import with its counts) and the remembered column mappings per
// source, which can be forgotten.
import { Alert, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../useLoad';
import { dateTime } from '../format';

export function ImportHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation('imports');
  const runs = useLoad(() => call('imports.runs.list', { limit: 50 }), [refresh]);
  const sources = useLoad(() => call('imports.sources.list', {}), [refresh]);

  const submit = useSubmit();
  const forget = (id: number, naam: string) =>
    submit.run(() => call('imports.sources.delete', { id }), { saved: t('history.forgotten', { naam }), onSuccess: sources.reload });

  return (
    <Stack gap="md">
      {(runs.loading || sources.loading) && <Loader size="sm" aria-label={t('common:loading')} />}
      {runs.error && <Alert color="red">{runs.error.message}</Alert>}
      {runs.data && runs.data.length === 0 && <Text size="sm">{t('history.none')}</Text>}
      {runs.data && runs.data.length > 0 && (
        <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="import-geschiedenis">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.at')}</Table.Th>
              <Table.Th>{t('history.soort')}</Table.Th>
              <Table.Th>{t('history.bestand')}</Table.Th>
              <Table.Th>{t('history.bron')}</Table.Th>
              <Table.Th>{t('history.aangemaakt')}</Table.Th>
              <Table.Th>{t('history.bijgewerkt')}</Table.Th>
              <Table.Th>{t('history.ongewijzigd')}</Table.Th>
              <Table.Th>{t('history.uitgeschreven')}</Table.Th>
              <Table.Th>{t('history.overgeslagen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{dateTime(r.at)}</Table.Td>
                <Table.Td>{t(`history.soorten.${r.soort}`)}</Table.Td>
                <Table.Td>{r.bestandsnaam}</Table.Td>
                <Table.Td>{r.bronNaam}</Table.Td>
                <Table.Td>{r.aangemaakt}</Table.Td>
                <Table.Td>{r.bijgewerkt}</Table.Td>
                <Table.Td>{r.ongewijzigd}</Table.Td>
                <Table.Td>{r.uitgeschreven}</Table.Td>
                <Table.Td>{r.overgeslagen}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <div>
        <Title order={4} size="h5">
          {t('history.sources')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('history.sourcesHelp')}
        </Text>
        {sources.data && sources.data.length === 0 && <Text size="sm">{t('history.noSources')}</Text>}
        {sources.data && sources.data.length > 0 && (
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.bron')}</Table.Th>
                <Table.Th>{t('history.soort')}</Table.Th>
                <Table.Th>{t('history.kolommen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.naam}</Table.Td>
                  <Table.Td>{t(`history.soorten.${s.soort}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {s.kolommen.map((k, i) => `${k} → ${s.koppeling[i] ? t(`velden.${s.koppeling[i]}`) : '—'}`).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => void forget(s.id, s.naam)}
                      aria-label={t('history.forgetOf', { naam: s.naam })}
                    >
                      {t('history.forget')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Stack>
  );
}
