// Instellingen → Compliance: the terms the law leaves to the school (objection clause, leerplicht
// notice, ISD overdue threshold, expulsion after documented search), retention years, free days,
// the escalation ladder, and the school holidays per school year (Rijksoverheid dates, editable).
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ComplianceSettings, SchoolHolidays } from '@shared/api/obligations';
import { REGIO } from '@shared/domain';
import { useApp } from '../../components/AppContext';
import { useLoad } from '../../components/useLoad';
import { useFormState } from '../../components/useFormState';
import { useUnsavedGuard } from '../../components/router';
import { DateField } from '../../components/fields';
import { label } from '../../components/format';
import { can } from '../../server/can';

export default function Compliance() {
  const loaded = useLoad(() => call('obligations.settings.get', {}), []);
  const { t } = useTranslation('obligations');
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!loaded.data) return <Loader aria-label={t('common:loading')} />;
  return (
    <Stack gap="lg">
      <SettingsForm initial={loaded.data} />
      <Holidays />
    </Stack>
  );
}

function SettingsForm({ initial }: { initial: ComplianceSettings }) {
  const { t } = useTranslation('obligations');
  const { school } = useApp();
  const f = useFormState<ComplianceSettings>(initial);
  useUnsavedGuard(f.dirty);
  const submit = useSubmit();
  const v = f.values;

  const save = () => submit.run(() => call('obligations.settings.save', v), { form: f, saved: true, onSuccess: f.reset });
  const ladder = v.escalatieladder;
  const setLadder = (l: ComplianceSettings['escalatieladder']) => f.set('escalatieladder', l);

  // On the school server the roles that read these settings without changing them see them disabled.
  const mayEdit = can('obligations.settings.save');

  return (
    <form
      aria-label={t('settings.tab')}
      onSubmit={(e) => {
        e.preventDefault();
        if (mayEdit) void save();
      }}
    >
      <Fieldset variant="unstyled" disabled={!mayEdit} m={0}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('settings.intro')}
          </Text>
          <Paper withBorder p="md" component="section" aria-labelledby="cs-maatregelen">
            <Title order={2} size="h4" id="cs-maatregelen" mb="sm">
              {t('settings.sections.maatregelen')}
            </Title>
            <Stack gap="sm">
              <Switch
                label={t('settings.bezwaarclausule')}
                description={school?.openbaar ? t('settings.bezwaarclausuleOpenbaar') : t('settings.bezwaarclausuleBijzonder')}
                checked={school?.openbaar ? true : v.bezwaarclausule}
                disabled={!!school?.openbaar}
                onChange={(e) => f.set('bezwaarclausule', e.currentTarget.checked)}
              />
              <Switch
                label={t('settings.leerplicht')}
                checked={v.leerplichtBijSchorsing}
                onChange={(e) => f.set('leerplichtBijSchorsing', e.currentTarget.checked)}
              />
              <Group align="flex-end" gap="xs">
                <NumberInput
                  label={t('settings.isdTeLaat')}
                  description={t('settings.isdTeLaatHelp')}
                  value={v.isdTeLaatNaWerkdagen}
                  onChange={(n) => f.set('isdTeLaatNaWerkdagen', typeof n === 'number' ? n : 0)}
                  min={0}
                  max={20}
                  w={380}
                  error={f.err('isdTeLaatNaWerkdagen')}
                />
                <Text size="sm" pb={8}>
                  {t('settings.isdTeLaatSuffix')}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('settings.zoekenUitleg')}
              </Text>
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="cs-ladder">
            <Title order={2} size="h4" id="cs-ladder" mb={4}>
              {t('settings.sections.ladder')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('settings.ladderIntro')}
            </Text>
            <Stack gap="xs">
              {ladder.map((s, i) => (
                <Group key={i} align="flex-end" gap="xs">
                  <NumberInput
                    label={t('settings.ladderVanaf')}
                    value={s.vanaf}
                    min={1}
                    max={50}
                    w={150}
                    onChange={(n) => setLadder(ladder.map((x, j) => (j === i ? { ...x, vanaf: typeof n === 'number' ? n : 1 } : x)))}
                    error={f.err(`escalatieladder.${i}.vanaf`)}
                  />
                  <TextInput
                    label={t('settings.ladderStap')}
                    value={s.stap}
                    style={{ flex: 1 }}
                    onChange={(e) => {
                      const stap = e.currentTarget.value;
                      setLadder(ladder.map((x, j) => (j === i ? { ...x, stap } : x)));
                    }}
                    error={f.err(`escalatieladder.${i}.stap`)}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setLadder(ladder.filter((_, j) => j !== i))}
                    aria-label={t('settings.ladderRemove', { n: i + 1 })}
                  >
                    {t('common:actions.remove')}
                  </Button>
                </Group>
              ))}
              <Button
                variant="light"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                disabled={ladder.length >= 10}
                onClick={() => setLadder([...ladder, { vanaf: (ladder.at(-1)?.vanaf ?? 1) + 1, stap: '' }])}
              >
                {t('settings.ladderAdd')}
              </Button>
            </Stack>
          </Paper>

          <Group grow align="stretch">
            <Paper withBorder p="md" component="section" aria-labelledby="cs-bewaren">
              <Title order={2} size="h4" id="cs-bewaren" mb="sm">
                {t('settings.sections.bewaren')}
              </Title>
              <Stack gap="xs">
                <NumberInput
                  label={t('settings.bewaarLeerling')}
                  suffix={` ${t('settings.jaar')}`}
                  value={v.bewaartermijnLeerlingJaren}
                  min={1}
                  max={30}
                  onChange={(n) => f.set('bewaartermijnLeerlingJaren', typeof n === 'number' ? n : 2)}
                  error={f.err('bewaartermijnLeerlingJaren')}
                />
                <NumberInput
                  label={t('settings.bewaarMedewerker')}
                  suffix={` ${t('settings.jaar')}`}
                  value={v.bewaartermijnMedewerkerJaren}
                  min={1}
                  max={30}
                  onChange={(n) => f.set('bewaartermijnMedewerkerJaren', typeof n === 'number' ? n : 2)}
                  error={f.err('bewaartermijnMedewerkerJaren')}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="cs-feestdagen">
              <Title order={2} size="h4" id="cs-feestdagen" mb="sm">
                {t('settings.sections.feestdagen')}
              </Title>
              <Stack gap="sm">
                <Switch
                  label={t('settings.goedeVrijdag')}
                  checked={v.goedeVrijdagVrij}
                  onChange={(e) => f.set('goedeVrijdagVrij', e.currentTarget.checked)}
                />
                <Select
                  label={t('settings.bevrijdingsdag')}
                  data={(['altijd', 'lustrum', 'nooit'] as const).map((x) => ({
                    value: x,
                    label: t(`settings.bevrijdingsdagOpties.${x}`),
                  }))}
                  value={v.bevrijdingsdagVrij}
                  allowDeselect={false}
                  onChange={(x) => f.set('bevrijdingsdagVrij', (x ?? 'lustrum') as ComplianceSettings['bevrijdingsdagVrij'])}
                />
              </Stack>
            </Paper>
          </Group>
          {mayEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={submit.busy} disabled={!f.dirty} data-testid="compliance-opslaan">
                {t('settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}

type Row = SchoolHolidays['vakanties'][number];

/** The school years around today: last year, this year and the next three. */
function schoolYears(current: string): string[] {
  const start = Number(current.slice(0, 4));
  return [-1, 0, 1, 2, 3].map((d) => `${start + d}-${start + d + 1}`);
}

function Holidays() {
  const { t } = useTranslation('obligations');
  const { status } = useApp();
  const [jaar, setJaar] = useState(status?.huidigSchooljaar ?? '');
  const loaded = useLoad(() => call('obligations.holidays.get', { schooljaar: jaar }), [jaar]);
  const f = useFormState<{ vakanties: Row[] }>({ vakanties: [] });
  const { reset, rebase } = f;
  const data = loaded.data;
  // A new year replaces the rows; a refresh after some other write keeps the rows being edited.
  const shownYear = useRef<string | null>(null);
  useEffect(() => {
    if (!data) return;
    if (data.schooljaar !== shownYear.current) reset({ vakanties: data.vakanties });
    else rebase({ vakanties: data.vakanties });
    shownYear.current = data.schooljaar;
  }, [data, reset, rebase]);
  const submit = useSubmit();
  const rows = f.values.vakanties;
  const setRows = (r: Row[]) => f.set('vakanties', r);

  const save = (vakanties: Row[] | null) =>
    submit.run(
      () =>
        call('obligations.holidays.save', { schooljaar: jaar, vakanties: vakanties?.map((v) => ({ ...v, naam: v.naam || null })) ?? null }),
      {
        form: f,
        saved: t('settings.vakantiesSaved'),
        onSuccess: (h) => {
          reset({ vakanties: h.vakanties });
          loaded.setData(h);
        },
      },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cs-vakanties" data-testid="schoolvakanties">
      <Title order={2} size="h4" id="cs-vakanties" mb={4}>
        {t('settings.sections.vakanties')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.vakantiesIntro', { regio: data ? label(REGIO, data.regio) : '' })}
      </Text>
      <Group align="flex-end" mb="sm">
        <Select
          label={t('settings.schooljaar')}
          data={schoolYears(status?.huidigSchooljaar ?? jaar)}
          value={jaar}
          onChange={(v) => v && setJaar(v)}
          allowDeselect={false}
          w={200}
        />
        {data && (
          <Group gap="xs" pb={6}>
            <Badge variant="light" color={data.bron === 'aangepast' ? 'schoolblauw' : 'gray'}>
              {t(`settings.bron.${data.bron}`)}
            </Badge>
            {data.voorlopig && (
              <Badge variant="filled" color="orange.2" autoContrast>
                {t('settings.bron.voorlopig')}
              </Badge>
            )}
            {data.onbekend && (
              <Badge variant="filled" color="orange.2" autoContrast>
                {t('settings.bron.onbekend')}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {data?.toelichting && (
        <Text size="xs" c="dimmed" mb="sm">
          {data.toelichting}
        </Text>
      )}
      {!data ? (
        <Loader size="sm" aria-label={t('common:loading')} />
      ) : (
        <Fieldset variant="unstyled" disabled={!can('obligations.holidays.save')} m={0}>
          <Stack gap="xs">
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.vakantie.soort')}</Table.Th>
                  <Table.Th>{t('settings.vakantie.naam')}</Table.Th>
                  <Table.Th>{t('settings.vakantie.start')}</Table.Th>
                  <Table.Th>{t('settings.vakantie.eind')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => {
                  const upd = (p: Partial<Row>) => setRows(rows.map((x, j) => (j === i ? { ...x, ...p } : x)));
                  return (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <Select
                          aria-label={`${t('settings.vakantie.soort')} ${i + 1}`}
                          data={(['herfst', 'kerst', 'voorjaar', 'mei', 'zomer', 'extra'] as const).map((s) => ({
                            value: s,
                            label: t(`settings.vakantie.soorten.${s}`),
                          }))}
                          value={r.soort}
                          allowDeselect={false}
                          onChange={(v) => upd({ soort: (v ?? 'extra') as Row['soort'] })}
                          error={f.err(`vakanties.${i}.soort`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${t('settings.vakantie.naam')} ${i + 1}`}
                          value={r.naam ?? ''}
                          onChange={(e) => upd({ naam: e.currentTarget.value })}
                          error={f.err(`vakanties.${i}.naam`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <DateField
                          aria-label={`${t('settings.vakantie.start')} ${i + 1}`}
                          value={r.start}
                          onChange={(v) => upd({ start: v })}
                          error={f.err(`vakanties.${i}.start`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <DateField
                          aria-label={`${t('settings.vakantie.eind')} ${i + 1}`}
                          value={r.eind}
                          onChange={(v) => upd({ eind: v })}
                          error={f.err(`vakanties.${i}.eind`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="red"
                          onClick={() => setRows(rows.filter((_, j) => j !== i))}
                          aria-label={t('settings.vakantie.remove', { n: i + 1 })}
                        >
                          {t('common:actions.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {can('obligations.holidays.save') && (
              <Group justify="space-between">
                <Button
                  variant="light"
                  size="compact-sm"
                  onClick={() => setRows([...rows, { soort: 'extra', naam: '', start: '', eind: '' }])}
                >
                  {t('settings.vakantie.add')}
                </Button>
                <Group gap="xs">
                  {data.bron === 'aangepast' && (
                    <Button variant="default" onClick={() => void save(null)} loading={submit.busy}>
                      {t('settings.vakantiesReset')}
                    </Button>
                  )}
                  <Button onClick={() => void save(rows)} loading={submit.busy} disabled={!f.dirty}>
                    {t('settings.vakantiesSave')}
                  </Button>
                </Group>
              </Group>
            )}
          </Stack>
        </Fieldset>
      )}
    </Paper>
  );
}
