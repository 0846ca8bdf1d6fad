// The dry run (or the result) of a roster import: the counts, every problem with its file line and
// Dutch explanation, and who will be created, updated (with the changed fields), marked as left,
// and which guardians are created or linked.
import { Accordion, Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanWaarde, RosterPlan } from '@shared/api/imports';

const MAX_ROWS = 200;

function Count({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {/* A number stands out; a sentence (the guardians' three counts) stays at reading size. */}
      <Text fw={700} size={typeof value === 'number' ? 'lg' : 'sm'} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function More({ total }: { total: number }) {
  const { t } = useTranslation('imports');
  return total > MAX_ROWS ? (
    <Text size="sm" c="dimmed" mt={4}>
      {t('plan.more', { count: total - MAX_ROWS })}
    </Text>
  ) : null;
}

/** One part of the plan (who is created, updated, …) as a folding list of at most MAX_ROWS rows. */
function PlanList<T>(props: {
  value: string;
  title: string;
  intro?: string;
  headers: string[];
  rows: T[];
  rowKey: (row: T, i: number) => string | number;
  cells: (row: T) => ReactNode[];
}) {
  const { value, title, intro, headers, rows, rowKey, cells } = props;
  if (rows.length === 0) return null;
  return (
    <Accordion.Item value={value}>
      <Accordion.Control>
        {title} ({rows.length})
      </Accordion.Control>
      <Accordion.Panel>
        {intro && (
          <Text size="sm" mb={4}>
            {intro}
          </Text>
        )}
        <Table verticalSpacing={2} fz="sm" data-testid={`plan-lijst-${value}`}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, MAX_ROWS).map((row, i) => (
              <Table.Tr key={rowKey(row, i)}>
                {cells(row).map((c, j) => (
                  <Table.Td key={j}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <More total={rows.length} />
      </Accordion.Panel>
    </Accordion.Item>
  );
}

export function RosterPlanView({ plan }: { plan: RosterPlan }) {
  const { t } = useTranslation('imports');
  const tt = plan.totalen;
  const waarde = (v: PlanWaarde) => (v === null || v === '' ? t('plan.leeg') : String(v));
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
        <Count label={t('plan.aanmaken')} value={tt.aanmaken} testId="plan-aanmaken" />
        <Count label={t('plan.bijwerken')} value={tt.bijwerken} testId="plan-bijwerken" />
        <Count label={t('plan.ongewijzigd')} value={tt.ongewijzigd} testId="plan-ongewijzigd" />
        <Count label={t('plan.uitschrijven')} value={tt.uitschrijven} testId="plan-uitschrijven" />
        <Count label={t('plan.overgeslagen')} value={tt.overgeslagen} testId="plan-overgeslagen" />
        <Count
          label={t('plan.ouders')}
          value={t('plan.oudersCount', { aanmaken: tt.oudersAanmaken, koppelen: tt.oudersKoppelen, bijwerken: tt.oudersBijwerken })}
          testId="plan-ouders"
        />
      </SimpleGrid>

      {plan.problemen.length === 0 ? (
        <Text size="sm">{t('plan.geenProblemen')}</Text>
      ) : (
        <Table
          withTableBorder
          verticalSpacing={4}
          fz="sm"
          data-testid="plan-problemen"
          aria-label={t('plan.problemen', { count: plan.problemen.length })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('plan.regel')}</Table.Th>
              <Table.Th w={110}>{t('plan.soort')}</Table.Th>
              <Table.Th>{t('plan.melding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.problemen.slice(0, MAX_ROWS).map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{p.regel ?? t('plan.bestand')}</Table.Td>
                <Table.Td>
                  <Badge color={p.ernst === 'fout' ? 'red.9' : 'yellow.9'} variant="filled" radius="sm" size="sm">
                    {p.ernst === 'fout' ? t('plan.fout') : t('plan.waarschuwing')}
                  </Badge>
                </Table.Td>
                <Table.Td>{p.melding}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Accordion multiple variant="separated" defaultValue={plan.bijwerken.length ? ['bijwerken'] : []}>
        <PlanList
          value="aanmaken"
          title={t('plan.aanmaken')}
          headers={[t('plan.regel'), t('plan.nummer'), t('plan.naam'), t('plan.groep')]}
          rows={plan.aanmaken}
          rowKey={(a) => `${a.regel}-${a.sleutel}`}
          cells={(a) => [a.regel, a.sleutel, a.naam, a.groep]}
        />
        <PlanList
          value="bijwerken"
          title={t('plan.bijwerken')}
          headers={[t('plan.regel'), t('plan.nummer'), t('plan.naam'), t('plan.wijzigingen')]}
          rows={plan.bijwerken}
          rowKey={(b) => b.personId}
          cells={(b) => [
            b.regel,
            b.sleutel,
            b.naam,
            b.wijzigingen.map((w) => (
              <div key={w.veld}>
                {t(`velden.${w.veld}`)}: {waarde(w.oud)} → <b>{waarde(w.nieuw)}</b>
              </div>
            )),
          ]}
        />
        <PlanList
          value="uitschrijven"
          title={t('plan.uitschrijven')}
          intro={t('plan.leaversWarning', { count: plan.uitschrijven.length })}
          headers={[t('plan.nummer'), t('plan.naam'), t('plan.groep')]}
          rows={plan.uitschrijven}
          rowKey={(u) => u.personId}
          cells={(u) => [u.sleutel, u.naam, u.groep]}
        />
        <PlanList
          value="ouders"
          title={t('plan.ouders')}
          headers={[t('plan.regel'), t('plan.leerling'), t('plan.ouder'), t('plan.actie')]}
          rows={plan.ouders}
          rowKey={(_o, i) => i}
          cells={(o) => [
            o.regel,
            o.leerling,
            <Group gap={6} key="naam">
              {o.naam}
              {o.email && (
                <Text size="xs" c="dimmed">
                  {o.email}
                </Text>
              )}
            </Group>,
            t(`plan.acties.${o.actie}`),
          ]}
        />
      </Accordion>
    </>
  );
}
