// Every field of school.save, used on first run and in Instellingen → School. The core validates; its
// Dutch messages appear next to the fields.
import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import type { School, SchoolInput } from '@shared/api/school';
import { SECTOR, REGIO } from '@shared/domain';
import { useFormState, str } from './useFormState';
import { useUnsavedGuard } from './router';
import { options } from './format';
import { Section, SaveError } from './fields';
import { can } from '../server/can';

type Values = Record<Exclude<keyof SchoolInput, 'openbaar'>, string> & { openbaar: boolean };

const TEXT_FIELDS = [
  'naam',
  'brin',
  'bevoegdGezag',
  'straat',
  'postcode',
  'plaats',
  'telefoon',
  'email',
  'website',
  'ondertekenaarNaam',
  'ondertekenaarFunctie',
  'antiPestNaam',
  'antiPestEmail',
] as const;

const FIELD_NAMES = new Set<string>([...TEXT_FIELDS, 'sector', 'regio', 'openbaar']);

function toValues(s: School | null): Values {
  const v = { sector: s?.sector ?? '', regio: s?.regio ?? '', openbaar: s?.openbaar ?? false } as Values;
  for (const k of TEXT_FIELDS) v[k] = str(s?.[k]);
  return v;
}

export function SchoolForm({ school, onSaved, guard = true }: { school: School | null; onSaved: (s: School) => void; guard?: boolean }) {
  const { t, i18n } = useTranslation('settings');
  const f = useFormState<Values>(toValues(school), (p) => FIELD_NAMES.has(p));
  const submit = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  useUnsavedGuard(guard && f.dirty);

  const text = (k: (typeof TEXT_FIELDS)[number], extra?: { required?: boolean; description?: string; type?: string }) => (
    <TextInput
      label={t(`school.fields.${k}`)}
      value={f.values[k]}
      onChange={(e) => f.set(k, e.currentTarget.value)}
      error={f.err(k)}
      required={extra?.required}
      description={extra?.description}
      type={extra?.type}
    />
  );

  const save = () =>
    submit.run(() => call('school.save', f.values as unknown as SchoolInput), {
      form: f,
      error: setFormError,
      saved: true,
      onSuccess: (saved) => {
        f.reset(toValues(saved));
        onSaved(saved);
      },
    });

  // On the school server every role reads the school's details; only the school leader changes them.
  const mayEdit = can('school.save');

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (mayEdit) void save();
      }}
      noValidate
    >
      <Fieldset variant="unstyled" disabled={!mayEdit} m={0}>
        <Stack gap="md">
          <SaveError error={formError} />
          <Section title={t('school.sections.school')}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text('naam', { required: true })}
              <Select
                label={t('school.fields.sector')}
                data={options(SECTOR)}
                value={f.values.sector || null}
                onChange={(v) => f.set('sector', v ?? '')}
                error={f.err('sector')}
                required
                key={`sector-${i18n.language}`}
              />
              {text('brin', { description: t('school.hints.brin') })}
              <Select
                label={t('school.fields.regio')}
                description={t('school.hints.regio')}
                data={options(REGIO)}
                value={f.values.regio || null}
                onChange={(v) => f.set('regio', v ?? '')}
                error={f.err('regio')}
                required
              />
              {text('bevoegdGezag')}
              <Checkbox
                mt="lg"
                label={t('school.fields.openbaar')}
                description={t('school.hints.openbaar')}
                checked={f.values.openbaar}
                onChange={(e) => f.set('openbaar', e.currentTarget.checked)}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('school.sections.adres')}>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {text('straat')}
              {text('postcode', { description: t('school.hints.postcode') })}
              {text('plaats')}
              {text('telefoon', { type: 'tel' })}
              {text('email', { type: 'email' })}
              {text('website')}
            </SimpleGrid>
          </Section>
          <Section title={t('school.sections.personen')}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {text('ondertekenaarNaam', { description: t('school.hints.ondertekenaar') })}
              {text('ondertekenaarFunctie')}
              {text('antiPestNaam')}
              {text('antiPestEmail', { type: 'email' })}
            </SimpleGrid>
          </Section>
          {mayEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={submit.busy}>
                {school ? t('common:actions.save') : t('school.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
