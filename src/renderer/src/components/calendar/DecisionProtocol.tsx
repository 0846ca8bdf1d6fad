// Under a saved decision: start a new protocol version from it (a copy whose rules continue the
// old ones), edit its text in Instellingen › Protocollen, and record its adoption (MT, MR).
import { useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Decision, Evaluation } from '@shared/api/calendar';
import { DateField } from '../fields';
import { shortDate } from '../format';
import { ModalActions } from '../ModalActions';
import { can } from '../../server/can';

type Dialog = 'start' | 'adopt' | null;

export function DecisionProtocol({
  evaluation,
  decision,
  onChanged,
}: {
  evaluation: Evaluation;
  decision: Decision;
  onChanged: (e: Evaluation) => void;
}) {
  const { t } = useTranslation('calendar');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [versie, setVersie] = useState('');
  const [ingangsdatum, setIngang] = useState('');
  const [mt, setMt] = useState('');
  const [mr, setMr] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const p = decision.protocol;

  const send = () =>
    submit.run(
      () =>
        dialog === 'start'
          ? call('evaluations.startProtocol', { id: evaluation.id, besluitId: decision.id, versie, ingangsdatum })
          : call('evaluations.adoptProtocol', { id: evaluation.id, besluitId: decision.id, vastgesteldOp: mt, mrInstemmingOp: mr || null }),
      {
        refusal: (e) => {
          setErrors(e.fields ?? {});
          return !e.fields || e.code !== 'VALIDATIE' ? e.message : null;
        },
        saved: (v) => (dialog === 'start' ? t('protocol.started', { versie: v.protocol.versie }) : t('protocol.adoptedDone')),
        onSuccess: (v) => {
          setDialog(null);
          onChanged(v.evaluation);
        },
      },
    );

  return (
    <>
      {p ? (
        <Group gap="xs" data-testid={`besluit-protocol-${decision.id}`}>
          <Text size="sm">
            {t('protocol.status', { versie: p.versie, datum: shortDate(p.ingangsdatum) })}:{' '}
            {p.vastgesteldOp ? t('protocol.adopted', { mt: shortDate(p.vastgesteldOp) }) : t('protocol.notAdopted')}
            {p.mrInstemmingOp ? `, ${t('protocol.mrConsent', { mr: shortDate(p.mrInstemmingOp) })}` : ''}
          </Text>
          {can('protocols.update') && (
            <Anchor href="#/instellingen/protocollen" size="sm">
              {t('protocol.edit')}
            </Anchor>
          )}
          {can('evaluations.adoptProtocol') && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                setMt(p.vastgesteldOp ?? '');
                setMr(p.mrInstemmingOp ?? '');
                setErrors({});
                setDialog('adopt');
              }}
            >
              {t('protocol.adopt')}
            </Button>
          )}
        </Group>
      ) : (
        can('evaluations.startProtocol') && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              setErrors({});
              setDialog('start');
            }}
            data-testid={`protocol-starten-${decision.id}`}
          >
            {t('protocol.start')}
          </Button>
        )
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'start' ? t('protocol.startTitle') : t('protocol.adoptTitle')}
        centered
      >
        <Stack>
          {dialog === 'start' ? (
            <>
              <Text size="sm">{t('protocol.startBody')}</Text>
              <TextInput
                label={t('protocol.version')}
                value={versie}
                onChange={(e) => setVersie(e.currentTarget.value)}
                error={errors.versie}
                required
                data-autofocus
              />
              <DateField label={t('protocol.effective')} value={ingangsdatum} onChange={setIngang} error={errors.ingangsdatum} required />
            </>
          ) : (
            <>
              <DateField label={t('protocol.mtDate')} value={mt} onChange={setMt} error={errors.vastgesteldOp} required />
              <DateField label={t('protocol.mrDate')} value={mr} onChange={setMr} error={errors.mrInstemmingOp} />
            </>
          )}
          <ModalActions onCancel={() => setDialog(null)}>
            <Button onClick={() => void send()} loading={submit.busy}>
              {dialog === 'start' ? t('protocol.start') : t('protocol.adopt')}
            </Button>
          </ModalActions>
        </Stack>
      </Modal>
    </>
  );
}
