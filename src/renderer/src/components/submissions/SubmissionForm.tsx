// "Melding doen": the short form any staff member fills in (what, when, where, who, screenshots),
// and below it their own reports with what became of each (a decline shows its reason).
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCATIE, PLATFORM, ROL } from '@shared/domain';
import type { Locatie, Platform, Rol } from '@shared/domain';
import type { PersonRef } from '@shared/api/people';
import { MAX_BEWIJS_BYTES, MAX_BEWIJS_MB } from '@shared/api/incidents';
import { MAX_MELDING_BESTANDEN } from '@shared/api/submissions';
import type { OwnSubmission, SubmissionStatus } from '@shared/api/submissions';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useFormState } from '../useFormState';
import { useLoad } from '../useLoad';
import { DateField, SaveError, Section, TimeField, submitOnly } from '../fields';
import { PersonPicker } from '../people/PersonPicker';
import { readAsBase64 } from '../incident/EvidenceSection';
import { fileSize, label, options, shortDate } from '../format';
import { can } from '../../server/can';

interface Values {
  wat: string;
  datum: string;
  tijd: string;
  locatie: Locatie | '';
  platform: Platform | '';
  platformAnders: string;
  personen: { persoon: PersonRef; rol: Rol }[];
  anderen: string;
  bestanden: { bestandsnaam: string; grootte: number; inhoudBase64: string }[];
}

const empty = (today: string): Values => ({
  wat: '',
  datum: today,
  tijd: '',
  locatie: '',
  platform: '',
  platformAnders: '',
  personen: [],
  anderen: '',
  bestanden: [],
});

/** Light badges: the theme writes their text in shade 9, which has AA contrast on blue and red (not on green or teal). */
export const STATUS_COLOR: Record<SubmissionStatus, string> = {
  nieuw: 'blue',
  geaccepteerd: 'blue',
  samengevoegd: 'blue',
  afgewezen: 'red',
};

export function SubmissionForm({ today, showQueueLink }: { today: string; showQueueLink: boolean }) {
  const { t } = useTranslation('submissions');
  const f = useFormState<Values>(empty(today));
  const v = f.values;
  const submit = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [rol, setRol] = useState<Rol>('dader');
  const [sent, setSent] = useState(false);
  const mine = useLoad(() => call('submissions.mine', {}), []);

  const addPerson = (p: PersonRef | null = person) => {
    if (!p || v.personen.some((x) => x.persoon.id === p.id && x.rol === rol)) return;
    f.set('personen', [...v.personen, { persoon: p, rol }]);
    setPerson(null);
  };

  const addFiles = async (files: File[]) => {
    setError(null);
    const room = MAX_MELDING_BESTANDEN - v.bestanden.length;
    if (files.length > room) return setError(t('form.tooManyFiles', { max: MAX_MELDING_BESTANDEN }));
    const tooBig = files.find((x) => x.size > MAX_BEWIJS_BYTES);
    if (tooBig) return setError(t('form.tooLarge', { naam: tooBig.name, mb: MAX_BEWIJS_MB }));
    const read = await Promise.all(
      files.map(async (x) => ({ bestandsnaam: x.name, grootte: x.size, inhoudBase64: await readAsBase64(x) })),
    );
    f.set('bestanden', [...v.bestanden, ...read]);
  };

  const save = () =>
    submit.run(
      () =>
        call('submissions.create', {
          wat: v.wat,
          datum: v.datum,
          tijd: v.tijd,
          locatie: v.locatie as Locatie,
          platform: v.platform as Platform,
          platformAnders: v.platformAnders,
          personen: v.personen.map((x) => ({ personId: x.persoon.id, rol: x.rol })),
          anderen: v.anderen,
          bestanden: v.bestanden.map(({ bestandsnaam, inhoudBase64 }) => ({ bestandsnaam, inhoudBase64 })),
        }),
      {
        form: f,
        error: setError,
        fieldsShown: t('form.checkFields'),
        done: t('form.sent'),
        onSuccess: () => {
          f.reset(empty(today));
          setSent(true);
        },
      },
    );

  return (
    <Stack gap="lg">
      {sent && (
        <Alert title={t('form.sentTitle')} withCloseButton onClose={() => setSent(false)} closeButtonLabel={t('common:actions.close')}>
          {t('form.sentBody')}
        </Alert>
      )}
      <form onSubmit={submitOnly(save)} noValidate aria-label={t('form.title')}>
        <Stack gap="md">
          <Section title={t('form.what')}>
            <Textarea
              label={t('form.wat')}
              description={t('form.watHint')}
              value={v.wat}
              onChange={(e) => f.set('wat', e.currentTarget.value)}
              error={f.err('wat')}
              autosize
              minRows={4}
              required
              data-testid="melden-wat"
            />
          </Section>
          <Section title={t('form.whenWhere')}>
            <Group align="flex-start" gap="md" wrap="wrap">
              <DateField
                label={t('form.datum')}
                value={v.datum}
                onChange={(d) => f.set('datum', d)}
                error={f.err('datum')}
                required
                w={180}
                maxDate={today}
              />
              <TimeField label={t('form.tijd')} value={v.tijd} onChange={(x) => f.set('tijd', x)} error={f.err('tijd')} />
              <Select
                label={t('form.locatie')}
                data={options(LOCATIE)}
                value={v.locatie || null}
                onChange={(x) => f.set('locatie', (x ?? '') as Locatie | '')}
                error={f.err('locatie')}
                required
                w={260}
                data-testid="melden-locatie"
              />
              <Select
                label={t('form.platform')}
                data={options(PLATFORM)}
                value={v.platform || null}
                onChange={(x) => f.set('platform', (x ?? '') as Platform | '')}
                error={f.err('platform')}
                required
                searchable
                w={200}
                data-testid="melden-platform"
              />
              {v.platform === 'overig' && (
                <TextInput
                  label={t('form.platformAnders')}
                  value={v.platformAnders}
                  onChange={(e) => f.set('platformAnders', e.currentTarget.value)}
                  error={f.err('platformAnders')}
                  w={220}
                />
              )}
            </Group>
          </Section>
          <Section title={t('form.who')}>
            <Stack gap="sm">
              {v.personen.length > 0 && (
                <Table withTableBorder verticalSpacing="xs" data-testid="melden-personen">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('form.persoon')}</Table.Th>
                      <Table.Th w={180}>{t('form.rol')}</Table.Th>
                      <Table.Th w={60}>
                        <VisuallyHidden>{t('common:actions.remove')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.personen.map((x, i) => (
                      <Table.Tr key={`${x.persoon.id}-${x.rol}`}>
                        <Table.Td>
                          {x.persoon.naam}
                          {x.persoon.groep && (
                            <Text size="xs" c="dimmed" span>
                              {' '}
                              · {x.persoon.groep}
                            </Text>
                          )}
                          {f.err(`personen.${i}.personId`) && (
                            <Text size="xs" c="red.9">
                              {f.err(`personen.${i}.personId`)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{label(ROL, x.rol)}</Table.Td>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('form.removePerson', { naam: x.persoon.naam })}
                            onClick={() =>
                              f.set(
                                'personen',
                                v.personen.filter((_, j) => j !== i),
                              )
                            }
                          >
                            ×
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {/* The search needs pupils' names: on the school server not for the anti-pest coordinator, who names others below. */}
              {can('people.search') && (
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <PersonPicker label={t('form.zoekPersoon')} value={person} onChange={setPerson} w={320} data-testid="melden-persoon" />
                  <Select
                    label={t('form.rol')}
                    data={options(ROL, ['dader', 'slachtoffer', 'getuige'])}
                    value={rol}
                    onChange={(x) => setRol((x ?? 'dader') as Rol)}
                    allowDeselect={false}
                    w={170}
                  />
                  <Button variant="default" onClick={() => addPerson()} disabled={!person} data-testid="melden-persoon-toevoegen">
                    {t('form.addPerson')}
                  </Button>
                </Group>
              )}
              <TextInput
                label={t('form.anderen')}
                description={t('form.anderenHint')}
                value={v.anderen}
                onChange={(e) => f.set('anderen', e.currentTarget.value)}
                error={f.err('anderen')}
              />
            </Stack>
          </Section>
          <Section title={t('form.files')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('form.filesHint', { mb: MAX_BEWIJS_MB, max: MAX_MELDING_BESTANDEN })}
              </Text>
              {v.bestanden.length > 0 && (
                <Stack gap={4} data-testid="melden-bestanden">
                  {v.bestanden.map((b, i) => (
                    <Group key={`${b.bestandsnaam}-${i}`} gap="sm">
                      <Text size="sm">
                        {b.bestandsnaam} ({fileSize(b.grootte)})
                      </Text>
                      {f.err(`bestanden.${i}.inhoudBase64`) && (
                        <Text size="xs" c="red.9">
                          {f.err(`bestanden.${i}.inhoudBase64`)}
                        </Text>
                      )}
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        aria-label={t('form.removeFile', { naam: b.bestandsnaam })}
                        onClick={() =>
                          f.set(
                            'bestanden',
                            v.bestanden.filter((_, j) => j !== i),
                          )
                        }
                      >
                        {t('common:actions.remove')}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              )}
              <Group>
                <FileButton
                  onChange={(files) => void addFiles(files)}
                  multiple
                  accept="image/*,application/pdf,video/*,audio/*,.txt,.eml,.docx"
                >
                  {(props) => (
                    <Button variant="default" {...props} data-testid="melden-bestand">
                      {t('form.addFiles')}
                    </Button>
                  )}
                </FileButton>
              </Group>
            </Stack>
          </Section>
          <SaveError error={error} testId="melden-fout" />
          <Group justify="flex-end">
            <Button type="submit" loading={submit.busy} data-testid="melden-versturen">
              {t('form.send')}
            </Button>
          </Group>
        </Stack>
      </form>
      <MySubmissions rows={mine.data ?? null} error={mine.error?.message ?? null} showQueueLink={showQueueLink} />
    </Stack>
  );
}

function MySubmissions({ rows, error, showQueueLink }: { rows: OwnSubmission[] | null; error: string | null; showQueueLink: boolean }) {
  const { t } = useTranslation('submissions');
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('mine.title')}>
      <Group justify="space-between" mb="sm">
        <Text fw={600} component="h2" size="lg" m={0}>
          {t('mine.title')}
        </Text>
        {showQueueLink && (
          <Button component="a" href="#/melden/binnengekomen" variant="subtle" size="compact-sm">
            {t('queue.title')}
          </Button>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {rows && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mine.none')}
        </Text>
      )}
      {rows && rows.length > 0 && (
        <Table verticalSpacing="xs" data-testid="mijn-meldingen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('fields.datum')}</Table.Th>
              <Table.Th>{t('fields.wat')}</Table.Th>
              <Table.Th w={260}>{t('fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{shortDate(r.datum)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.wat}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {t(`status.${r.status}`)}
                  </Badge>
                  {r.incidentNummer && (
                    <Text size="xs" c="dimmed">
                      {t('mine.incident', { nummer: r.incidentNummer })}
                    </Text>
                  )}
                  {r.afwijsreden && (
                    <Text size="xs" data-testid="afwijsreden">
                      {t('mine.reden', { reden: r.afwijsreden })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
