// Under a small register of a measure (hearings, the search for a new school): the "add" button,
// and the form it opens with Annuleren and Opslaan.
import { Button, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../ModalActions';
import { submitOnly } from '../fields';

export function AddRowForm(props: {
  label: string;
  adding: boolean;
  onAdding: (open: boolean) => void;
  onSave: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  if (!props.adding)
    return (
      <Button variant="light" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => props.onAdding(true)}>
        {props.label}
      </Button>
    );
  return (
    <Paper withBorder p="sm">
      <form aria-label={props.label} onSubmit={submitOnly(props.onSave)}>
        <Stack gap="xs">
          {props.children}
          <ModalActions onCancel={() => props.onAdding(false)}>
            <Button type="submit">{t('actions.save')}</Button>
          </ModalActions>
        </Stack>
      </form>
    </Paper>
  );
}
