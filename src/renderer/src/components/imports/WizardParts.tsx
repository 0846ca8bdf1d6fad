// The parts both import wizards (roster and protocol) share: the explanation, the steps with the
// current one, the refusal message, and the button to choose a file.
import { Alert, Button, FileButton, Group, Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function WizardHeader(props: { help: string; steps: string[]; active: number; error: string | null; errorTestId: string }) {
  const { t } = useTranslation('imports');
  return (
    <>
      <Text size="sm">{props.help}</Text>
      <Stepper active={props.active} size="sm" allowNextStepsSelect={false}>
        {props.steps.map((label) => (
          <Stepper.Step key={label} label={label} />
        ))}
      </Stepper>
      {props.error && (
        <Alert color="red" title={t('roster.refused')} data-testid={props.errorTestId}>
          {props.error}
        </Alert>
      )}
    </>
  );
}

export function ChooseFile({ accept, busy, onChoose }: { accept: string; busy: boolean; onChoose: (f: File | null) => void }) {
  const { t } = useTranslation('imports');
  return (
    <Group>
      <FileButton onChange={onChoose} accept={accept}>
        {(props) => (
          <Button {...props} loading={busy}>
            {t('file.choose')}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
