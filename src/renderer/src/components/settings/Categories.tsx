// The incident categories: the standard list plus the school's own. A category in use
// is never deleted, only switched off, so old incidents keep their label.
import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Category } from '@shared/api/protocols';
import { useCategories } from '../useCategories';
import { can } from '../../server/can';

export function Categories() {
  const { t } = useTranslation('settings');
  const cats = useCategories();
  const [nieuw, setNieuw] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = useSubmit();

  // Each row saves on its own (a label on blur, a switch on click), so saves may overlap.
  const save = async (c: { code?: string; label: string; actief: boolean }) => {
    const r = await submit.run(() => call('categories.save', c), { concurrent: true, onSuccess: () => cats.reload() });
    return !!r?.ok;
  };

  const add = () =>
    submit.run(() => call('categories.save', { label: nieuw, actief: true }), {
      concurrent: true,
      error: (m) => setError(m ?? undefined),
      refusal: (e) => e.fields?.label ?? e.message,
      saved: (c) => t('categories.added', { label: c.label }),
      onSuccess: () => {
        setNieuw('');
        cats.reload();
      },
    });

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('categories.intro')}
      </Text>
      <Table withTableBorder verticalSpacing={4} data-testid="categorieen">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('categories.label')}</Table.Th>
            <Table.Th w={140}>{t('categories.soort')}</Table.Th>
            <Table.Th w={120}>{t('categories.actief')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cats.list.map((c) => (
            <CategoryRow key={c.code} c={c} onSave={save} />
          ))}
        </Table.Tbody>
      </Table>
      {can('categories.save') && (
        <Group align="flex-end">
          <TextInput label={t('categories.new')} value={nieuw} onChange={(e) => setNieuw(e.currentTarget.value)} error={error} w={360} />
          <Button variant="light" onClick={() => void add()} disabled={!nieuw.trim()}>
            {t('categories.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CategoryRow({ c, onSave }: { c: Category; onSave: (c: { code?: string; label: string; actief: boolean }) => Promise<boolean> }) {
  const { t } = useTranslation('settings');
  const [value, setValue] = useState(c.label);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={t('categories.labelOf', { label: c.label })}
          size="xs"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onBlur={() => value.trim() !== c.label && value.trim() && void onSave({ code: c.code, label: value, actief: c.actief })}
          disabled={!can('categories.save')}
        />
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={c.standaard ? 'gray' : 'schoolblauw'} radius="sm">
          {c.standaard ? t('categories.standaard') : t('categories.eigen')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('categories.actiefOf', { label: c.label })}
          checked={c.actief}
          onChange={(e) => void onSave({ code: c.code, label: c.label, actief: e.currentTarget.checked })}
          disabled={!can('categories.save')}
        />
      </Table.Td>
    </Table.Tr>
  );
}
