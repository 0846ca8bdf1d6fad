// The people involved in an incident, each with a role (dader/betrokkene, slachtoffer, getuige,
// melder); any number per role. Add by searching, or create a person on the spot.
import { useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROL } from '@shared/domain';
import type { Rol } from '@shared/domain';
import type { PersonRef } from '@shared/api/people';
import { PersonPicker } from '../people/PersonPicker';
import { QuickPersonModal } from '../people/QuickPersonModal';
import { options, label } from '../format';
import type { InvolvedValue } from './types';
import { can } from '../../server/can';

interface Props {
  value: InvolvedValue[];
  onChange: (v: InvolvedValue[]) => void;
  err: (path: string) => string | undefined;
}

export function InvolvedEditor({ value, onChange, err }: Props) {
  const { t } = useTranslation('incidents');
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [rol, setRol] = useState<Rol>('dader');
  const [quick, setQuick] = useState(false);

  const add = (p: PersonRef | null = person) => {
    if (!p) return;
    if (value.some((b) => b.persoon.id === p.id && b.rol === rol)) return;
    onChange([...value, { persoon: p, rol, toelichting: '' }]);
    setPerson(null);
  };
  const update = (i: number, patch: Partial<InvolvedValue>) => onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  return (
    <Stack gap="sm">
      {value.length > 0 ? (
        <Table withTableBorder verticalSpacing="xs" data-testid="betrokkenen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('involved.persoon')}</Table.Th>
              <Table.Th w={220}>{t('involved.rol')}</Table.Th>
              <Table.Th>{t('involved.toelichting')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('common:actions.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((b, i) => (
              <Table.Tr key={`${b.persoon.id}-${b.rol}-${i}`}>
                <Table.Td>
                  <a href={`#/personen/${b.persoon.id}/dossier`}>{b.persoon.naam}</a>
                  <Text size="xs" c="dimmed">
                    {[b.persoon.groep, b.persoon.leerlingnummer ?? b.persoon.functie].filter(Boolean).join(' · ')}
                  </Text>
                  {err(`betrokkenen.${i}.personId`) && (
                    <Text size="xs" c="red.9">
                      {err(`betrokkenen.${i}.personId`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('involved.rolVan', { naam: b.persoon.naam })}
                    data={options(ROL)}
                    value={b.rol}
                    allowDeselect={false}
                    onChange={(v) => v && update(i, { rol: v as Rol })}
                    error={err(`betrokkenen.${i}.rol`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('involved.toelichtingVan', { naam: b.persoon.naam })}
                    value={b.toelichting}
                    onChange={(e) => update(i, { toelichting: e.currentTarget.value })}
                    error={err(`betrokkenen.${i}.toelichting`)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('involved.remove', { naam: b.persoon.naam, rol: label(ROL, b.rol) })}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('involved.none')}
        </Text>
      )}
      {err('betrokkenen') && (
        <Text size="sm" c="red.9">
          {err('betrokkenen')}
        </Text>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <PersonPicker label={t('involved.zoek')} value={person} onChange={setPerson} w={360} data-testid="betrokkene-zoek" />
        <Select
          label={t('involved.rol')}
          data={options(ROL)}
          value={rol}
          allowDeselect={false}
          onChange={(v) => v && setRol(v as Rol)}
          w={220}
          data-testid="betrokkene-rol"
        />
        <Button variant="light" onClick={() => add()} disabled={!person}>
          {t('involved.add')}
        </Button>
        {can('people.create') && (
          <Button variant="subtle" onClick={() => setQuick(true)}>
            {t('involved.newPerson')}
          </Button>
        )}
      </Group>
      <QuickPersonModal opened={quick} onClose={() => setQuick(false)} onCreated={(p) => add(p)} />
    </Stack>
  );
}
