// The search for another school during an (intended) expulsion, and a case at the Geschillencommissie
// passend onderwijs (which pauses the objection term).
import { useEffect, useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { ZOEK_RESULTAAT } from '@shared/api/obligations';
import type { ZoekResultaat } from '@shared/api/obligations';
import { useApp } from '../AppContext';
import { useLoad } from '../useLoad';
import { useFormState } from '../useFormState';
import { DateField, submitOnly } from '../fields';
import { shortDate } from '../format';
import { useDoerName } from './useDoer';
import { AddRowForm } from './AddRowForm';
import { can } from '../../server/can';

export function ExpulsionSearch({ measureId }: { measureId: number }) {
  const { t } = useTranslation('obligations');
  const { status } = useApp();
  const [naam, remember] = useDoerName();
  const loaded = useLoad(() => call('obligations.searches.list', { measureId }), [measureId]);
  const [adding, setAdding] = useState(false);
  const empty = { datum: status?.vandaag ?? '', school: '', contactpersoon: '', resultaat: 'benaderd', door: naam, toelichting: '' };
  const f = useFormState(empty);
  const submit = useSubmit();
  const save = () => {
    const v = f.values;
    return submit.run(
      () =>
        call('obligations.searches.add', {
          measureId,
          datum: v.datum,
          school: v.school,
          contactpersoon: v.contactpersoon || null,
          resultaat: v.resultaat as ZoekResultaat,
          door: v.door,
          toelichting: v.toelichting || null,
        }),
      {
        form: f,
        saved: t('searches.saved'),
        onSuccess: () => {
          remember(v.door);
          setAdding(false);
          f.reset({ ...empty, door: v.door });
        },
      },
    );
  };
  const rows = loaded.data ?? [];
  return (
    <Stack gap="xs" data-testid="zoektocht">
      <Text size="sm" c="dimmed">
        {t('searches.intro')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('searches.empty')}</Text>
      ) : (
        <Table verticalSpacing={4} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('searches.datum')}</Table.Th>
              <Table.Th>{t('searches.school')}</Table.Th>
              <Table.Th>{t('searches.resultaat')}</Table.Th>
              <Table.Th>{t('searches.door')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{shortDate(s.datum)}</Table.Td>
                <Table.Td>
                  {s.school}
                  {s.contactpersoon ? ` (${s.contactpersoon})` : ''}
                </Table.Td>
                <Table.Td>{t(`searches.resultaten.${s.resultaat}`)}</Table.Td>
                <Table.Td>{s.door}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('obligations.searches.add') && (
        <AddRowForm label={t('searches.add')} adding={adding} onAdding={setAdding} onSave={() => void save()}>
          <Group grow align="flex-start">
            <DateField
              label={t('searches.datum')}
              value={f.values.datum}
              onChange={(v) => f.set('datum', v)}
              error={f.err('datum')}
              withAsterisk
            />
            <TextInput
              label={t('searches.school')}
              value={f.values.school}
              onChange={(e) => f.set('school', e.currentTarget.value)}
              error={f.err('school')}
              withAsterisk
            />
            <TextInput
              label={t('searches.contactpersoon')}
              value={f.values.contactpersoon}
              onChange={(e) => f.set('contactpersoon', e.currentTarget.value)}
              error={f.err('contactpersoon')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('searches.resultaat')}
              data={ZOEK_RESULTAAT.map((r) => ({ value: r, label: t(`searches.resultaten.${r}`) }))}
              value={f.values.resultaat}
              onChange={(v) => f.set('resultaat', v ?? 'benaderd')}
              allowDeselect={false}
            />
            <TextInput
              label={t('searches.door')}
              value={f.values.door}
              onChange={(e) => f.set('door', e.currentTarget.value)}
              error={f.err('door')}
              withAsterisk
            />
            <TextInput
              label={t('searches.toelichting')}
              value={f.values.toelichting}
              onChange={(e) => f.set('toelichting', e.currentTarget.value)}
              error={f.err('toelichting')}
            />
          </Group>
        </AddRowForm>
      )}
    </Stack>
  );
}

export function DisputeForm({ measureId }: { measureId: number }) {
  const { t } = useTranslation('obligations');
  const loaded = useLoad(() => call('obligations.dispute.get', { measureId }), [measureId]);
  const f = useFormState({ ingediendOp: '', oordeelOp: '', toelichting: '' });
  const submit = useSubmit();
  const { rebase } = f;
  const stored = loaded.data;
  // rebase, not reset: a refresh after a write elsewhere keeps what is being typed.
  useEffect(() => {
    if (stored) rebase({ ingediendOp: stored.ingediendOp, oordeelOp: stored.oordeelOp ?? '', toelichting: stored.toelichting ?? '' });
  }, [stored, rebase]);
  const save = () => {
    const v = f.values;
    return submit.run(
      () =>
        call('obligations.dispute.save', {
          measureId,
          ingediendOp: v.ingediendOp,
          oordeelOp: v.oordeelOp || null,
          toelichting: v.toelichting || null,
        }),
      {
        form: f,
        saved: t('dispute.saved'),
        onSuccess: () => f.reset(v),
      },
    );
  };
  return (
    <form aria-label={t('dispute.title')} onSubmit={submitOnly(save)}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('dispute.intro')}
        </Text>
        <Group grow align="flex-start">
          <DateField
            label={t('dispute.ingediendOp')}
            value={f.values.ingediendOp}
            onChange={(v) => f.set('ingediendOp', v)}
            error={f.err('ingediendOp')}
          />
          <DateField
            label={t('dispute.oordeelOp')}
            value={f.values.oordeelOp}
            onChange={(v) => f.set('oordeelOp', v)}
            error={f.err('oordeelOp')}
          />
          <TextInput
            label={t('dispute.toelichting')}
            value={f.values.toelichting}
            onChange={(e) => f.set('toelichting', e.currentTarget.value)}
            error={f.err('toelichting')}
          />
        </Group>
        {can('obligations.dispute.save') && (
          <Group justify="flex-end">
            <Button type="submit" variant="light" disabled={!f.dirty}>
              {t('dispute.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
