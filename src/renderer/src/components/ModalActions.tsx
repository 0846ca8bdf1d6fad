// The footer of a dialog: "Annuleren" on the left of the dialog's own buttons, right-aligned.
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ModalActions({
  onCancel,
  autoFocusCancel,
  children,
}: {
  onCancel: () => void;
  autoFocusCancel?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} data-autofocus={autoFocusCancel || undefined}>
        {t('actions.cancel')}
      </Button>
      {children}
    </Group>
  );
}
