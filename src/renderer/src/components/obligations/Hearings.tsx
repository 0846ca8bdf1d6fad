// Hearings of a measure (who was heard, when, by whom; a staff member's zienswijze): the list and a
// small form. An invitation that was refused or left unanswered is recorded as such: it too gave the
// party the chance to be heard. Recording one marks the matching hearing task done.
import { useState } from 'react';
import { Group, Radio, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { HOORGESPREK_UITKOMST } from '@shared/api/obligations';
import type { HoorgesprekWie, Hearing } from '@shared/api/obligations';
import { useApp } from '../AppContext';
import { useLoad } from '../useLoad';
import { useFormState } from '../useFormState';
import { DateField, TimeField } from '../fields';
import { shortDate } from '../format';
import { useDoerName } from './useDoer';
import { AddRowForm } from './AddRowForm';
import { can } from '../../server/can';

export function Hearings({ measureId, staff }: { measureId: number; staff: boolean }) {
  const { t } = useTranslation('obligations');
  const { status } = useApp();
  const [naam, remember] = useDoerName();
  const loaded = useLoad(() => call('obligations.hearings.list', { measureId }), [measureId]);
  const [adding, setAdding] = useState(false);
  const wieOpties: HoorgesprekWie[] = staff ? ['medewerker'] : ['leerling', 'ouders', 'docent'];
  const empty = { gehoord: wieOpties[0] as string, uitkomst: 'gehoord', datum: status?.vandaag ?? '', tijd: '', door: naam, notities: '' };
  const f = useFormState(empty);
  const submit = useSubmit();

  const save = () => {
    const v = f.values;
    return submit.run(
      () =>
        call('obligations.hearings.add', {
          measureId,
          gehoord: v.gehoord as HoorgesprekWie,
          uitkomst: v.uitkomst as Hearing['uitkomst'],
          datum: v.datum,
          tijd: v.tijd || null,
          door: v.door,
          notities: v.notities || null,
        }),
      {
        form: f,
        saved: t('hearings.saved'),
        onSuccess: () => {
          remember(v.door);
          setAdding(false);
          f.reset({ ...empty, door: v.door });
        },
      },
    );
  };

  const rows = loaded.data ?? [];
  const uitgenodigd = f.values.uitkomst !== 'gehoord';
  return (
    <Stack gap="xs" data-testid="hoorgesprekken">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('hearings.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hearings.gehoord')}</Table.Th>
              <Table.Th>{t('hearings.verloop')}</Table.Th>
              <Table.Th>{t('hearings.datum')}</Table.Th>
              <Table.Th>{t('hearings.doorKort')}</Table.Th>
              <Table.Th>{t('hearings.notities')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  {t(`hearings.wie.${h.gehoord}`)}
                  {h.persoonNaam ? ` (${h.persoonNaam})` : ''}
                </Table.Td>
                <Table.Td>{t(`hearings.uitkomsten.${h.uitkomst}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {shortDate(h.datum)}
                  {h.tijd ? ` ${h.tijd}` : ''}
                </Table.Td>
                <Table.Td>{h.door}</Table.Td>
                <Table.Td className="sp-wrap">{h.notities}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('obligations.hearings.add') && (
        <AddRowForm label={t('hearings.add')} adding={adding} onAdding={setAdding} onSave={() => void save()}>
          <Group grow align="flex-start">
            <Select
              label={t('hearings.gehoord')}
              data={wieOpties.map((w) => ({ value: w, label: t(`hearings.wie.${w}`) }))}
              value={f.values.gehoord}
              onChange={(v) => f.set('gehoord', v ?? wieOpties[0])}
              allowDeselect={false}
              error={f.err('gehoord')}
            />
            <DateField
              label={t('hearings.datum')}
              value={f.values.datum}
              onChange={(v) => f.set('datum', v)}
              error={f.err('datum')}
              withAsterisk
            />
            <TimeField label={t('hearings.tijd')} value={f.values.tijd} onChange={(v) => f.set('tijd', v)} error={f.err('tijd')} />
            <TextInput
              label={t(uitgenodigd ? 'hearings.uitgenodigdDoor' : 'hearings.door')}
              value={f.values.door}
              onChange={(e) => f.set('door', e.currentTarget.value)}
              error={f.err('door')}
              withAsterisk
            />
          </Group>
          <Radio.Group
            label={t('hearings.uitkomst')}
            description={uitgenodigd ? t('hearings.uitnodigingHint') : undefined}
            value={f.values.uitkomst}
            onChange={(v) => f.set('uitkomst', v)}
            error={f.err('uitkomst')}
          >
            <Group mt={4}>
              {HOORGESPREK_UITKOMST.map((u) => (
                <Radio key={u} value={u} label={t(`hearings.uitkomsten.${u}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('hearings.notities')}
            value={f.values.notities}
            onChange={(e) => f.set('notities', e.currentTarget.value)}
            autosize
            minRows={2}
            error={f.err('notities')}
          />
        </AddRowForm>
      )}
    </Stack>
  );
}
