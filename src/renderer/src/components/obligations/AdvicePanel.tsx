// Advice for an incident or a person, never automatic: the vertrouwensinspecteur,
// aangifte, the meldcode, the school's escalation ladder, and what the school did before in similar
// cases; each item with the sources it rests on.
import { Alert, Anchor, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ERNST, MAATREGEL } from '@shared/domain';
import type { AdviceItem } from '@shared/api/obligations';
import { useLoad } from '../useLoad';
import { useCategories } from '../useCategories';
import { label, shortDate } from '../format';
import { keepNumbers } from '../incidentNumber';

// Orange titles miss AA contrast on their pale background; violet does not.
const COLOR: Record<AdviceItem['soort'], string> = {
  zeden: 'red',
  vertrouwensinspecteur: 'blue',
  aangifte: 'violet',
  meldcode: 'violet',
  ladder: 'gray',
};

export function AdvicePanel({ incidentId, personId, zonderZeden }: { incidentId?: number; personId?: number; zonderZeden?: boolean }) {
  const { t } = useTranslation('obligations');
  const cats = useCategories();
  const loaded = useLoad(() => call('obligations.advice', { incidentId, personId }), [incidentId, personId]);
  if (loaded.loading && !loaded.data) return <Loader size="sm" aria-label={t('common:loading')} />;
  if (loaded.error || !loaded.data) return loaded.error ? <Alert color="red">{loaded.error.message}</Alert> : null;
  const a = loaded.data;
  // The sexual-offence item is left out where the page's checklist already asks or lists it.
  const items = a.items.filter((i) => !(zonderZeden && i.soort === 'zeden'));
  return (
    <Stack gap="sm" data-testid="advies">
      <Text size="sm" c="dimmed">
        {t('advice.intro')}
      </Text>
      {items.length === 0 && a.personen.every((p) => p.eerder.length === 0) && <Text size="sm">{t('advice.geen')}</Text>}
      {items
        .filter((i) => i.soort !== 'ladder')
        .map((i) => (
          <Alert key={i.soort} color={COLOR[i.soort]} title={i.titel}>
            <Text size="sm">{i.tekst}</Text>
            {i.bronTekst && (
              <Text size="xs" mt={4}>
                {t('advice.grondslag', { bronnen: i.bronTekst })}
              </Text>
            )}
          </Alert>
        ))}
      {a.personen.map((p) => (
        <Paper key={p.personId} withBorder p="sm">
          <Title order={3} size="h5">
            {t('advice.persoon', { naam: p.naam, count: p.aantalDitSchooljaar, schooljaar: p.schooljaar })}
          </Title>
          {p.ladderStap && <Text size="sm">{t('advice.ladder', { stap: p.ladderStap })}</Text>}
          {p.volgendeStap && (
            <Text size="sm" c="dimmed">
              {t('advice.volgende', { vanaf: p.volgendeStap.vanaf, stap: p.volgendeStap.stap })}
            </Text>
          )}
          <Text size="sm" fw={600} mt="xs">
            {t('advice.eerder')}
          </Text>
          {p.eerder.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('advice.geenEerder')}
            </Text>
          ) : (
            <Table verticalSpacing={4} mt={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('advice.col.melding')}</Table.Th>
                  <Table.Th>{t('advice.col.datum')}</Table.Th>
                  <Table.Th>{t('advice.col.ernst')}</Table.Th>
                  <Table.Th>{t('advice.col.maatregelen')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.eerder.map((e) => (
                  <Table.Tr key={e.incidentId}>
                    <Table.Td>
                      <Anchor href={`#/meldingen/${e.incidentId}`} size="sm">
                        {keepNumbers(e.nummer)}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {cats.labelOf(e.categorie)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{shortDate(e.datumVoorval)}</Table.Td>
                    <Table.Td>{label(ERNST, e.ernst)}</Table.Td>
                    <Table.Td>
                      {e.maatregelen.length
                        ? e.maatregelen.map((m) => `${label(MAATREGEL, m.soort)} (${shortDate(m.besluitDatum)})`).join(', ')
                        : t('advice.geenMaatregel')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
