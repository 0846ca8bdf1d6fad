// Immediate actions (post removed, account reported, parents informed, …), each with its date.
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIRECTE_ACTIE } from '@shared/domain';
import { DateField } from '../fields';
import { options, label } from '../format';
import type { ActionValue } from './types';

interface Props {
  value: ActionValue[];
  onChange: (v: ActionValue[]) => void;
  err: (path: string) => string | undefined;
  today: string;
}

export function ActionsEditor({ value, onChange, err, today }: Props) {
  const { t } = useTranslation('incidents');
  const update = (i: number, patch: Partial<ActionValue>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('actions.none')}
        </Text>
      )}
      {value.map((a, i) => (
        <Group key={i} align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('actions.actie')}
            data={options(DIRECTE_ACTIE)}
            value={a.actie || null}
            onChange={(v) => update(i, { actie: v ?? '' })}
            error={err(`directeActies.${i}.actie`)}
            w={260}
            required
          />
          <DateField
            label={t('actions.datum')}
            value={a.datum}
            onChange={(d) => update(i, { datum: d })}
            error={err(`directeActies.${i}.datum`)}
            w={160}
            required
          />
          <TextInput
            label={t('actions.toelichting')}
            value={a.toelichting}
            onChange={(e) => update(i, { toelichting: e.currentTarget.value })}
            error={err(`directeActies.${i}.toelichting`)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('actions.remove', { actie: label(DIRECTE_ACTIE, a.actie) || i + 1 })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, { actie: '', datum: today, toelichting: '' }])}>
          {t('actions.add')}
        </Button>
      </Group>
    </Stack>
  );
}
