// The "Brief maken" button other pages embed next to a measure or a report to an authority:
//   <LetterButton measureId={m.id} onFinalised={reload} />   <LetterButton reportId={r.id} />
import { useState } from 'react';
import { Button } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LetterDialog } from './LetterDialog';
import type { LetterDialogProps } from './LetterDialog';
import { canAll } from '../../server/can';

export function LetterButton(props: Omit<LetterDialogProps, 'opened' | 'onClose'> & { size?: ButtonProps['size']; label?: string }) {
  const { t } = useTranslation('letters');
  const [open, setOpen] = useState(false);
  const { size, label, ...dialog } = props;
  // The dialog chooses, previews and finalises: only for the roles that may do all of it.
  if (!canAll('letters.kindsFor', 'letters.preview', 'letters.finalise')) return null;
  return (
    <>
      <Button size={size ?? 'compact-sm'} variant="light" onClick={() => setOpen(true)} data-testid="brief-maken">
        {label ?? t('make')}
      </Button>
      {open && <LetterDialog {...dialog} opened={open} onClose={() => setOpen(false)} />}
    </>
  );
}
