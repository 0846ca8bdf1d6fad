// One person, new or existing: the fields letters need, depending on the kind of person (pupil,
// staff, parent, external), and for a pupil the guardians. Sector words: groep or klas.
import { useState } from 'react';
import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import type { Person, PersonInput } from '@shared/api/people';
import { PERSOON_SOORT, GESLACHT } from '@shared/domain';
import type { PersoonSoort } from '@shared/domain';
import { RecordPage } from '../components/RecordPage';
import { useFormState, str } from '../components/useFormState';
import { useRouter, useUnsavedGuard } from '../components/router';
import { useApp, useSectorWords } from '../components/AppContext';
import { PageHeader } from '../components/PageHeader';
import { AuditTrailButton } from '../components/trust/AuditTrail';
import { DateField, Section, SaveError } from '../components/fields';
import { GuardiansSection } from '../components/people/GuardiansSection';
import { options, dateTime, cap, label, shortDate } from '../components/format';
import { ConflictDialog, conflictRows, useConflict } from '../components/ConflictDialog';
import { can } from '../server/can';

type Values = { [K in keyof PersonInput]-?: K extends 'leerjaar' ? number | '' : string };

const TEXT: (keyof Values)[] = [
  'soort',
  'voornaam',
  'roepnaam',
  'tussenvoegsel',
  'achternaam',
  'geslacht',
  'geboortedatum',
  'leerlingnummer',
  'eckId',
  'groep',
  'opleiding',
  'functie',
  'personeelsnummer',
  'organisatie',
  'straat',
  'postcode',
  'plaats',
  'email',
  'telefoon',
  'ingeschrevenOp',
  'uitgeschrevenOp',
  'notities',
];

const FIELD_NAMES = new Set<string>([...TEXT, 'leerjaar']);

const DATES = new Set<keyof Values>(['geboortedatum', 'ingeschrevenOp', 'uitgeschrevenOp']);

/** The form's fields as the user reads them, for the conflict dialog. */
function shown(v: Values): Record<string, string> {
  const out: Record<string, string> = { leerjaar: String(v.leerjaar) };
  for (const k of TEXT) out[k] = DATES.has(k) ? shortDate(v[k] as string) : String(v[k] ?? '');
  out.soort = label(PERSOON_SOORT, v.soort);
  out.geslacht = v.geslacht ? label(GESLACHT, v.geslacht) : '';
  return out;
}

function toValues(p: Person | null, soort: PersoonSoort): Values {
  const v = { leerjaar: p?.leerjaar ?? '' } as Values;
  for (const k of TEXT) (v as Record<string, unknown>)[k] = str(p?.[k as keyof Person] as string | null | undefined);
  if (!p) v.soort = soort;
  return v;
}

export default function PersoonForm({ id }: { id: number | null }) {
  const { t } = useTranslation('people');
  return (
    <RecordPage id={id} load={(recordId) => call('people.get', { id: recordId })} notFoundTitle={t('form.notFound')}>
      {(initial) => <PersonEditor initial={initial} />}
    </RecordPage>
  );
}

function PersonEditor({ initial }: { initial: Person | null }) {
  const { t } = useTranslation('people');
  const { navigate } = useRouter();
  const { school } = useApp();
  const words = useSectorWords();
  const [person, setPerson] = useState<Person | null>(initial);
  const f = useFormState<Values>(toValues(initial, 'leerling'), (p) => FIELD_NAMES.has(p));
  const submit = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  useUnsavedGuard(f.dirty);
  const v = f.values;
  const soort = v.soort as PersoonSoort;

  const conflict = useConflict<Person>();

  /** `versie`: the version to save over (the stored one, after "Mijn versie opslaan"). */
  const save = (versie?: number) => {
    const input = { ...v, leerjaar: v.leerjaar === '' ? null : v.leerjaar } as PersonInput;
    return submit.run(
      () => (person ? call('people.update', { ...input, id: person.id, versie: versie ?? person.versie }) : call('people.create', input)),
      {
        form: f,
        error: setFormError,
        conflict: conflict.open,
        fieldsShown: t('form.checkFields'),
        saved: (p) => t('form.saved', { naam: p.naam }),
        onSuccess: (p) => {
          if (!person) {
            f.reset(f.values);
            navigate(`/personen/${p.id}`, { force: true });
            return;
          }
          setPerson(p);
          f.reset(toValues(p, soort));
        },
      },
    );
  };
  const keepMine = () =>
    conflict.choose((huidig) => {
      setPerson(huidig);
      return save(huidig.versie);
    });
  const takeTheirs = () =>
    conflict.choose(async (huidig) => {
      const fresh = await call('people.get', { id: huidig.id });
      const p = fresh.ok ? fresh.value : huidig;
      setPerson(p);
      f.reset(toValues(p, p.soort));
    });
  const conflictLabels: Record<string, string> = {
    ...Object.fromEntries(TEXT.map((k) => [k, t(`fields.${k}`)])),
    groep: t('fields.groep'),
    leerjaar: t('fields.leerjaar'),
  };
  // On the school server a role that may read the person but not change them (a mentor) sees the
  // details without the save buttons, the fields disabled.
  const mayEdit = can(person ? 'people.update' : 'people.create');
  useHotkeys(
    [
      [
        'mod+S',
        () => {
          if (mayEdit) void save();
        },
      ],
    ],
    [],
  );

  const text = (k: keyof Values, lbl: string, extra?: { required?: boolean; type?: string; description?: string }) => (
    <TextInput
      label={lbl}
      value={v[k] as string}
      onChange={(e) => f.set(k, e.currentTarget.value)}
      error={f.err(k)}
      required={extra?.required}
      type={extra?.type}
      description={extra?.description}
    />
  );
  const date = (k: keyof Values, lbl: string) => (
    <DateField label={lbl} value={v[k] as string} onChange={(d) => f.set(k, d)} error={f.err(k)} />
  );

  const groepLabel = t('fields.groepSector', { groep: cap(words.groep) });
  const title = person ? person.naam : t('form.titleNew');

  return (
    <>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (mayEdit) void save();
        }}
      >
        <PageHeader title={title} subtitle={person ? t('form.lastChanged', { when: dateTime(person.updatedAt) }) : t('form.newHint')}>
          {person && <AuditTrailButton entity="persoon" entityId={person.id} />}
          <Button variant="default" component="a" href="#/personen">
            {t('form.backToList')}
          </Button>
          {person && (
            <Button variant="light" component="a" href={`#/personen/${person.id}/dossier`}>
              {t('form.dossier')}
            </Button>
          )}
          {mayEdit && (
            <Button type="submit" loading={submit.busy} data-testid="persoon-opslaan">
              {t('common:actions.save')}
            </Button>
          )}
        </PageHeader>
        <Fieldset variant="unstyled" disabled={!mayEdit} m={0} data-testid="persoon-velden">
          <Stack gap="md">
            <SaveError error={formError} />
            <Section title={t('form.sections.persoon')}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <Select
                  label={t('fields.soort')}
                  data={options(PERSOON_SOORT)}
                  value={v.soort || null}
                  onChange={(x) => f.set('soort', x ?? '')}
                  error={f.err('soort')}
                  required
                  allowDeselect={false}
                />
                {text('voornaam', t('fields.voornaam'), { required: true })}
                {text('tussenvoegsel', t('fields.tussenvoegsel'))}
                {text('achternaam', t('fields.achternaam'), { required: true })}
                {text('roepnaam', t('fields.roepnaam'))}
                <Select
                  label={t('fields.geslacht')}
                  data={options(GESLACHT)}
                  value={v.geslacht || null}
                  onChange={(x) => f.set('geslacht', x ?? '')}
                  error={f.err('geslacht')}
                  clearable
                />
                {(soort === 'leerling' || soort === 'medewerker') && date('geboortedatum', t('fields.geboortedatum'))}
              </SimpleGrid>
            </Section>

            {soort === 'leerling' && (
              <Section title={t('form.sections.school', { persoon: words.persoon })}>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                  {text('leerlingnummer', t('fields.leerlingnummer'))}
                  {text('groep', groepLabel)}
                  <NumberInput
                    label={t('fields.leerjaar')}
                    value={v.leerjaar}
                    onChange={(x) => f.set('leerjaar', typeof x === 'number' ? x : '')}
                    error={f.err('leerjaar')}
                    min={0}
                    max={12}
                    allowDecimal={false}
                  />
                  {school?.sector === 'MBO' && text('opleiding', t('fields.opleiding'))}
                  {text('eckId', t('fields.eckId'), { description: t('form.eckHint') })}
                  {date('ingeschrevenOp', t('fields.ingeschrevenOp'))}
                  {date('uitgeschrevenOp', t('fields.uitgeschrevenOp'))}
                </SimpleGrid>
              </Section>
            )}

            {soort === 'medewerker' && (
              <Section title={t('form.sections.werk')}>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                  {text('functie', t('fields.functie'))}
                  {text('personeelsnummer', t('fields.personeelsnummer'))}
                  {date('ingeschrevenOp', t('fields.inDienst'))}
                  {date('uitgeschrevenOp', t('fields.uitDienst'))}
                </SimpleGrid>
              </Section>
            )}

            {soort === 'extern' && (
              <Section title={t('form.sections.extern')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {text('organisatie', t('fields.organisatie'))}
                  {text('functie', t('fields.functie'))}
                </SimpleGrid>
              </Section>
            )}

            <Section title={t('form.sections.contact')}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {text('straat', t('fields.straat'))}
                {text('postcode', t('fields.postcode'), { description: t('form.postcodeHint') })}
                {text('plaats', t('fields.plaats'))}
                {text('email', t('fields.email'), { type: 'email' })}
                {text('telefoon', t('fields.telefoon'), { type: 'tel' })}
              </SimpleGrid>
            </Section>

            <Section title={t('fields.notities')}>
              <Textarea
                aria-label={t('fields.notities')}
                description={t('form.notitiesHint')}
                value={v.notities}
                onChange={(e) => f.set('notities', e.currentTarget.value)}
                error={f.err('notities')}
                autosize
                minRows={2}
              />
            </Section>

            {person && (person.soort === 'leerling' || person.soort === 'ouder') && (
              <Section title={person.soort === 'leerling' ? t('guardians.title') : t('guardians.titleChildren')}>
                <GuardiansSection person={person} onChange={setPerson} />
              </Section>
            )}

            {mayEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={submit.busy}>
                  {t('common:actions.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
      <ConflictDialog
        message={conflict.conflict?.message ?? null}
        rows={conflict.conflict ? conflictRows(conflictLabels, shown(toValues(conflict.conflict.huidig, soort)), shown(v)) : []}
        busy={submit.busy}
        onKeepMine={keepMine}
        onTakeTheirs={() => void takeTheirs()}
        onClose={conflict.close}
      />
    </>
  );
}
