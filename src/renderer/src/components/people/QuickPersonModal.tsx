// Adds a person without leaving the form you are in (e.g. a pupil not yet in the roster).
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { PersonRef, PersonInput } from '@shared/api/people';
import { PERSOON_SOORT } from '@shared/domain';
import type { PersoonSoort } from '@shared/domain';
import { useFormState } from '../useFormState';
import { options, cap } from '../format';
import { useSectorWords } from '../AppContext';
import { submitOnly } from '../fields';

interface Values {
  soort: string;
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  groep: string;
  functie: string;
  organisatie: string;
}

export function QuickPersonModal({
  opened,
  onClose,
  onCreated,
  defaultSoort = 'leerling',
  allowed,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (p: PersonRef) => void;
  defaultSoort?: PersoonSoort;
  allowed?: PersoonSoort[];
}) {
  const { t } = useTranslation('people');
  const words = useSectorWords();
  const empty: Values = { soort: defaultSoort, voornaam: '', tussenvoegsel: '', achternaam: '', groep: '', functie: '', organisatie: '' };
  const f = useFormState<Values>(empty, (p) => p in empty);
  const submit = useSubmit();
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const v = f.values;
    const input: PersonInput = {
      soort: v.soort as PersoonSoort,
      voornaam: v.voornaam,
      tussenvoegsel: v.tussenvoegsel,
      achternaam: v.achternaam,
      groep: v.soort === 'leerling' ? v.groep : '',
      functie: v.soort === 'medewerker' ? v.functie : '',
      organisatie: v.soort === 'extern' ? v.organisatie : '',
    };
    return submit.run(() => call('people.create', input), {
      form: f,
      error: setError,
      onSuccess: (p) => {
        onCreated({ id: p.id, soort: p.soort, naam: p.naam, groep: p.groep, leerlingnummer: p.leerlingnummer, functie: p.functie });
        f.reset(empty);
        onClose();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('quick.title')} size="lg">
      <form noValidate onSubmit={submitOnly(save)}>
        {error && (
          <Alert color="red" mb="sm">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.soort')}
            data={options(PERSOON_SOORT, allowed)}
            value={f.values.soort}
            onChange={(v) => f.set('soort', v ?? '')}
            error={f.err('soort')}
            required
            allowDeselect={false}
          />
          {f.values.soort === 'leerling' && (
            <TextInput
              label={t('fields.groepSector', { groep: cap(words.groep) })}
              value={f.values.groep}
              onChange={(e) => f.set('groep', e.currentTarget.value)}
              error={f.err('groep')}
            />
          )}
          {f.values.soort === 'medewerker' && (
            <TextInput
              label={t('fields.functie')}
              value={f.values.functie}
              onChange={(e) => f.set('functie', e.currentTarget.value)}
              error={f.err('functie')}
            />
          )}
          {f.values.soort === 'extern' && (
            <TextInput
              label={t('fields.organisatie')}
              value={f.values.organisatie}
              onChange={(e) => f.set('organisatie', e.currentTarget.value)}
              error={f.err('organisatie')}
            />
          )}
          {f.values.soort === 'ouder' && <div />}
          <TextInput
            label={t('fields.voornaam')}
            value={f.values.voornaam}
            onChange={(e) => f.set('voornaam', e.currentTarget.value)}
            error={f.err('voornaam')}
            required
            data-autofocus
          />
          <TextInput
            label={t('fields.tussenvoegsel')}
            value={f.values.tussenvoegsel}
            onChange={(e) => f.set('tussenvoegsel', e.currentTarget.value)}
            error={f.err('tussenvoegsel')}
          />
          <TextInput
            label={t('fields.achternaam')}
            value={f.values.achternaam}
            onChange={(e) => f.set('achternaam', e.currentTarget.value)}
            error={f.err('achternaam')}
            required
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={submit.busy}>
            {t('quick.create')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
