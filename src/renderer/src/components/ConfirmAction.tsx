// An action that asks first, in place: a button, and after a click the question with "Annuleren"
// and the action itself (for what cannot be undone: a new start password, clearing someone's
// authenticator app, forgetting the school server). The question closes once the action is done.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import { ModalActions } from './ModalActions';

export function ConfirmAction({
  label,
  question,
  busy,
  onConfirm,
  variant = 'default',
}: {
  /** The button's text, and the confirming button's. */
  label: string;
  question: string;
  busy: boolean;
  onConfirm: () => unknown;
  variant?: ButtonProps['variant'];
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Group>
        <Button variant={variant} onClick={() => setAsking(true)}>
          {label}
        </Button>
      </Group>
    );
  return (
    <Alert color="yellow" variant="light">
      <Stack gap="xs">
        <Text size="sm">{question}</Text>
        <ModalActions onCancel={() => setAsking(false)}>
          <Button
            color="red.8"
            loading={busy}
            onClick={async () => {
              await onConfirm();
              setAsking(false);
            }}
          >
            {label}
          </Button>
        </ModalActions>
      </Stack>
    </Alert>
  );
}
