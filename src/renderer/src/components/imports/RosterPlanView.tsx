// The dry run (or the result) of a roster import: the counts, every problem with its file line and
// Dutch explanation, and who will be created, updated (with the changed fields), marked as left,
// and which guardians are created or linked.
import { Accordion, Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanWaarde, RosterPlan } from '../../../../shared/api/imports';

const MAX_ROWS = 200;

function Count({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
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
        {plan.aanmaken.length > 0 && (
          <Accordion.Item value="aanmaken">
            <Accordion.Control>
              {t('plan.aanmaken')} ({plan.aanmaken.length})
            </Accordion.Control>
            <Accordion.Panel>
              <Table verticalSpacing={2} fz="sm" data-testid="plan-lijst-aanmaken">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.regel')}</Table.Th>
                    <Table.Th>{t('plan.nummer')}</Table.Th>
                    <Table.Th>{t('plan.naam')}</Table.Th>
                    <Table.Th>{t('plan.groep')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.aanmaken.slice(0, MAX_ROWS).map((a) => (
                    <Table.Tr key={`${a.regel}-${a.sleutel}`}>
                      <Table.Td>{a.regel}</Table.Td>
                      <Table.Td>{a.sleutel}</Table.Td>
                      <Table.Td>{a.naam}</Table.Td>
                      <Table.Td>{a.groep}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <More total={plan.aanmaken.length} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {plan.bijwerken.length > 0 && (
          <Accordion.Item value="bijwerken">
            <Accordion.Control>
              {t('plan.bijwerken')} ({plan.bijwerken.length})
            </Accordion.Control>
            <Accordion.Panel>
              <Table verticalSpacing={2} fz="sm" data-testid="plan-lijst-bijwerken">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.regel')}</Table.Th>
                    <Table.Th>{t('plan.nummer')}</Table.Th>
                    <Table.Th>{t('plan.naam')}</Table.Th>
                    <Table.Th>{t('plan.wijzigingen')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.bijwerken.slice(0, MAX_ROWS).map((b) => (
                    <Table.Tr key={b.personId}>
                      <Table.Td>{b.regel}</Table.Td>
                      <Table.Td>{b.sleutel}</Table.Td>
                      <Table.Td>{b.naam}</Table.Td>
                      <Table.Td>
                        {b.wijzigingen.map((w) => (
                          <div key={w.veld}>
                            {t(`velden.${w.veld}`)}: {waarde(w.oud)} → <b>{waarde(w.nieuw)}</b>
                          </div>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <More total={plan.bijwerken.length} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {plan.uitschrijven.length > 0 && (
          <Accordion.Item value="uitschrijven">
            <Accordion.Control>
              {t('plan.uitschrijven')} ({plan.uitschrijven.length})
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" mb={4}>
                {t('plan.leaversWarning', { count: plan.uitschrijven.length })}
              </Text>
              <Table verticalSpacing={2} fz="sm" data-testid="plan-lijst-uitschrijven">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.nummer')}</Table.Th>
                    <Table.Th>{t('plan.naam')}</Table.Th>
                    <Table.Th>{t('plan.groep')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.uitschrijven.slice(0, MAX_ROWS).map((u) => (
                    <Table.Tr key={u.personId}>
                      <Table.Td>{u.sleutel}</Table.Td>
                      <Table.Td>{u.naam}</Table.Td>
                      <Table.Td>{u.groep}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <More total={plan.uitschrijven.length} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {plan.ouders.length > 0 && (
          <Accordion.Item value="ouders">
            <Accordion.Control>
              {t('plan.ouders')} ({plan.ouders.length})
            </Accordion.Control>
            <Accordion.Panel>
              <Table verticalSpacing={2} fz="sm" data-testid="plan-lijst-ouders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.regel')}</Table.Th>
                    <Table.Th>{t('plan.leerling')}</Table.Th>
                    <Table.Th>{t('plan.ouder')}</Table.Th>
                    <Table.Th>{t('plan.actie')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.ouders.slice(0, MAX_ROWS).map((o, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{o.regel}</Table.Td>
                      <Table.Td>{o.leerling}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          {o.naam}
                          {o.email && (
                            <Text size="xs" c="dimmed">
                              {o.email}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{t(`plan.acties.${o.actie}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <More total={plan.ouders.length} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </>
  );
}
