// Rapportages: the yearly report's figures for a school year (the same figures as the Word
// document): analysis, summary, key figures, a chart and a table per breakdown, people by kind and
// role, repeat rate and obligations; and the .docx itself. Inside the school the real numbers; the
// version for outside the school (board, MR, website) suppresses small counts about people.
import { Alert, Button, Group, List, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { useApp } from '../components/AppContext';
import { useLoad } from '../components/useLoad';
import { useSessionState } from '../components/useSessionState';
import { useCategories } from '../components/useCategories';
import { YearPicker, useSchoolYears } from '../components/reports/YearPicker';
import { FigureChart } from '../components/reports/FigureChart';
import { FigureTableView } from '../components/reports/FigureTableView';
import { BoardSection } from '../components/reports/BoardSection';
import { rowLabel, rolLabel, soortLabel } from '../components/reports/labels';
import { useFileAction } from '../components/export/useFileAction';
import type { FigureTable, FigureRow, YearReport } from '@shared/api/yearReports';
import { ROL } from '@shared/domain';

const VERTICAL = new Set<FigureTable['key']>(['maand']);
const NO_CHART = new Set<FigureTable['key']>(['externeMelding', 'verplichtingen']);

function Kpi({
  label,
  row,
  years,
  value,
  previous,
  help,
}: {
  label: string;
  row?: FigureRow;
  years: YearReport;
  value?: string;
  previous?: string;
  help?: string;
}) {
  const { t } = useTranslation('reports');
  return (
    <Paper withBorder p="md" radius="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c="schoolblauw.8" data-testid={`kpi-${label}`}>
        {value ?? row?.huidig.tekst}
      </Text>
      {previous !== '' && <Text size="sm">{t('kpi.vorig', { year: years.vorigSchooljaar, value: previous ?? row?.vorig.tekst })}</Text>}
      {row && <Text size="sm">{t('kpi.change', { value: row.verandering })}</Text>}
      {help && (
        <Text size="xs" c="dimmed" mt={4}>
          {help}
        </Text>
      )}
    </Paper>
  );
}

export default function Rapportages() {
  const { t, i18n } = useTranslation('reports');
  const { status } = useApp();
  const years = useSchoolYears();
  const cats = useCategories();
  // (useSessionState keeps objects.)
  const [chosen, setChosen] = useSessionState<{ jaar: string | null; extern?: boolean }>('sp.rapportages', { jaar: null });
  const setYear = (jaar: string) => setChosen({ ...chosen, jaar });
  const year = chosen.jaar ?? status?.huidigSchooljaar ?? null;
  const extern = chosen.extern === true;
  // The summary and analysis come in the UI language; the Word report stays Dutch.
  const taal = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const report = useLoad(year ? () => call('reports.year', { schooljaar: year, extern, taal }) : null, [year, extern, taal]);
  const { busy, run } = useFileAction();
  const r = report.data;
  const yrs = r ? { huidig: r.schooljaar, vorig: r.vorigSchooljaar } : { huidig: '', vorig: '' };
  const table = (key: FigureTable['key']) => r?.tabellen.find((x) => x.key === key);
  const named = (tb: FigureTable) => tb.rows.map((row) => ({ ...row, naam: rowLabel(tb.key, row.key, row.label, cats.labelOf) }));
  const verpl = table('verplichtingen');
  const tv = r?.tijdigheid;
  const judged = tv ? tv.opTijd + tv.teLaat + tv.openTeLaat : 0;
  const d = r?.doorlooptijd;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Group align="flex-end" gap="sm">
          <YearPicker years={years} value={year} onChange={setYear} />
          <SegmentedControl
            aria-label={t('version.label')}
            value={extern ? 'extern' : 'intern'}
            onChange={(v) => setChosen({ ...chosen, extern: v === 'extern' })}
            data={[
              { value: 'intern', label: t('version.intern') },
              { value: 'extern', label: t('version.extern') },
            ]}
            data-testid="versie"
          />
          <Button
            loading={busy === 'docx'}
            disabled={!year}
            onClick={() => year && void run('docx', () => call('reports.yearDocx', { schooljaar: year, extern }))}
            data-testid="jaarverslag-docx"
          >
            {t('docx')}
          </Button>
        </Group>
      </PageHeader>

      {report.error && <Alert color="red">{report.error.message}</Alert>}
      {!r && report.loading && <Loader aria-label={t('common:loading')} />}
      {r && (
        <Stack gap="lg" data-testid="rapportage">
          <Alert
            color="schoolblauw"
            variant="light"
            title={t(r.extern ? 'version.externTitle' : 'version.internTitle')}
            data-testid="versie-uitleg"
          >
            {t(r.extern ? 'version.externBody' : 'version.internBody', { min: r.minimaleGroepsgrootte })}
          </Alert>

          <Paper withBorder p="md" radius="sm" component="section" aria-label={t('analysis')}>
            <Title order={2} size="h4" mb="xs">
              {t('analysis')}
            </Title>
            <Text lang={taal} data-testid="analyse">
              {r.analyse.join(' ')}
            </Text>
          </Paper>

          <SimpleGrid cols={{ base: 2, lg: 5 }}>
            <Kpi label={t('kpi.meldingen')} row={r.meldingen} years={r} />
            {table('maatregel') && <Kpi label={t('kpi.maatregelen')} row={(table('maatregel') as FigureTable).totaal} years={r} />}
            <Kpi
              label={t('kpi.herhaling')}
              years={r}
              value={r.herhaling.percentage}
              previous={r.vorigJaarGegevens ? r.herhaling.vorigPercentage : 'geen gegevens'}
            />
            {r.verplichtingenBeschikbaar && tv && verpl && (
              <Kpi
                label={t('kpi.opTijd')}
                years={r}
                value={tv.percentage}
                previous=""
                help={
                  judged
                    ? t('onTime.help', {
                        judged,
                        opTijd: tv.opTijd,
                        teLaat: tv.teLaat,
                        openTeLaat: tv.openTeLaat,
                        open: tv.openBinnenTermijn,
                      })
                    : t('onTime.none')
                }
              />
            )}
            {d && (
              <Kpi
                label={t('handling.title')}
                years={r}
                value={d.mediaanDagen === null ? '–' : t('handling.value', { days: d.mediaanDagen })}
                previous=""
                help={
                  d.mediaanDagen !== null && d.langsteDagen !== null
                    ? t('handling.help', { longest: t('handling.value', { days: d.langsteDagen }), closed: d.afgehandeld.tekst })
                    : d.afgehandeld.waarde === 0
                      ? t('handling.none')
                      : t('handling.hidden', { closed: d.afgehandeld.tekst })
                }
              />
            )}
          </SimpleGrid>

          <Paper withBorder p="md" radius="sm" component="section" aria-label={t('summary')}>
            <Title order={2} size="h4" mb="xs">
              {t('summary')}
            </Title>
            <List spacing={4} data-testid="samenvatting" lang={taal}>
              {r.samenvatting.map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
          </Paper>

          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
            {r.tabellen.map((tb) => {
              const title = t(`tables.${tb.key}`);
              if (tb.key === 'verplichtingen' && !r.verplichtingenBeschikbaar) return null;
              const rows = named(tb);
              return (
                <Paper key={tb.key} withBorder p="md" radius="sm" component="section" aria-label={title}>
                  <Title order={2} size="h4" mb="sm">
                    {title}
                  </Title>
                  {!NO_CHART.has(tb.key) && <FigureChart rows={rows} years={yrs} vertical={VERTICAL.has(tb.key)} title={title} />}
                  <FigureTableView
                    caption={title}
                    labelHeader={title}
                    rows={rows}
                    totaal={tb.totaal}
                    years={yrs}
                    testId={`tabel-${tb.key}`}
                  />
                </Paper>
              );
            })}

            <Paper withBorder p="md" radius="sm" component="section" aria-label={t('roles.title')}>
              <Title order={2} size="h4" mb={4}>
                {t('roles.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('roles.help')}
              </Text>
              <Table withTableBorder striped verticalSpacing={4} fz="sm" aria-label={t('roles.title')} data-testid="tabel-rollen">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{r.schooljaar}</Table.Th>
                    {ROL.codes.map((c) => (
                      <Table.Th key={c} scope="col" style={{ textAlign: 'right' }}>
                        {rolLabel(c)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.rollen.rows.map((row) => (
                    <Table.Tr key={row.soort}>
                      <Table.Th scope="row" fw={400}>
                        {soortLabel(row.soort)}
                      </Table.Th>
                      {ROL.codes.map((c) => (
                        <Table.Td key={c} style={{ textAlign: 'right' }}>
                          {row.cellen[c].tekst}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Th scope="row">{t('table.total')}</Table.Th>
                    {ROL.codes.map((c) => (
                      <Table.Td key={c} style={{ textAlign: 'right' }}>
                        {r.rollen.totaal[c].tekst}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Title order={3} size="h5" mt="md" mb={4}>
                {t('repeat.title')}
              </Title>
              <Text size="sm">
                {t('repeat.body', {
                  daders: r.herhaling.daders.tekst,
                  herhaal: r.herhaling.herhaalDaders.tekst,
                  pct: r.herhaling.percentage,
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('repeat.previous', {
                  year: r.vorigSchooljaar,
                  pct: r.vorigJaarGegevens ? r.herhaling.vorigPercentage : 'geen gegevens',
                })}
              </Text>
              {!r.verplichtingenBeschikbaar && (
                <Text size="sm" c="dimmed" mt="md">
                  {t('obligationsMissing')}
                </Text>
              )}
            </Paper>
          </SimpleGrid>
        </Stack>
      )}
      <Stack mt="xl">
        <BoardSection years={years} initialYear={year} />
      </Stack>
    </>
  );
}
