// The footer of a dialog: "Annuleren" on the left of the dialog's own buttons, right-aligned.
import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '@shared/api/result';
import { notifyError } from './notify';

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

/**
 * A dialog's refused save: the core's field messages go beside their fields; a refusal without
 * fields (a rule, a conflict) becomes a notification. Returns true when the save succeeded.
 */
export function showRefusal<T>(r: Result<T>, setErrors: (fields: Record<string, string>) => void): r is { ok: true; value: T } {
  if (r.ok) return true;
  const e: ApiError = r.error;
  setErrors(e.fields ?? {});
  if (!e.fields) notifyError(e.message);
  return false;
}
