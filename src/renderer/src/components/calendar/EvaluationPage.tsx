// One evaluation (#/planning/evaluatie/<id>, or …/nieuw to plan one): the planning, the record of
// the meeting, closing it (which plans next school year's), the evaluation pack and the .ics.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Evaluation } from '@shared/api/calendar';
import { useApp } from '../AppContext';
import { PageHeader } from '../PageHeader';
import { useRouter } from '../router';
import { useLoad } from '../useLoad';
import { longDate, shortDate, dateTime } from '../format';
import { useFileAction } from '../export/useFileAction';
import { EvaluationPlanForm, planValuesOf } from './EvaluationPlanForm';
import type { PlanValues } from './EvaluationPlanForm';
import { EvaluationRecordForm } from './EvaluationRecordForm';
import { OpenActions } from './OpenActions';
import { ModalActions } from '../ModalActions';
import { can } from '../../server/can';

export function NewEvaluationPage() {
  const { t } = useTranslation('calendar');
  const { school } = useApp();
  const { navigate } = useRouter();
  const initial: PlanValues = {
    datum: '',
    tijdStart: '15:30',
    tijdEind: '17:00',
    locatie: '',
    evaluatieSchooljaar: '',
    agenda: '',
    deelnemers: [
      { personId: null, naam: school?.antiPestNaam ?? '', rol: 'anti_pestcoordinator', email: school?.antiPestEmail ?? '' },
      ...(school?.ondertekenaarNaam ? [{ personId: null, naam: school.ondertekenaarNaam, rol: 'schoolleiding' as const, email: '' }] : []),
    ],
  };
  return (
    <>
      <PageHeader title={t('evaluation.newTitle')}>
        <Button variant="default" component="a" href="#/planning">
          {t('evaluation.back')}
        </Button>
      </PageHeader>
      <EvaluationPlanForm id={null} initial={initial} onSaved={(e) => navigate(`/planning/evaluatie/${e.id}`, { force: true })} />
    </>
  );
}

export function EvaluationPage({ id }: { id: number }) {
  const { t } = useTranslation('calendar');
  const { status } = useApp();
  const loaded = useLoad(() => call('evaluations.get', { id }), [id]);
  const [confirmClose, setConfirmClose] = useState(false);
  const { busy, run } = useFileAction();
  const submit = useSubmit();
  const e = loaded.data;
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!e) return <Loader aria-label={t('common:loading')} />;
  const set = (x: Evaluation) => loaded.setData(x);
  const held = !!status && e.datum <= status.vandaag;

  const close = () => {
    setConfirmClose(false);
    return submit.run(() => call('evaluations.close', { id: e.id }), {
      saved: (v) => t('evaluation.closed', { datum: shortDate(v.volgende.datum) }),
      onSuccess: (v) => set(v.gesloten),
    });
  };

  return (
    <>
      <PageHeader
        title={t('evaluation.title', { datum: longDate(e.datum) })}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="light" color={e.status === 'gesloten' ? 'gray' : 'schoolblauw'} data-testid="evaluatie-status">
              {t(`status.${e.status}`)}
            </Badge>
            <span>
              {e.tijdStart}–{e.tijdEind}
              {e.locatie ? `, ${e.locatie}` : ''} · {e.evaluatieSchooljaar}
            </span>
          </Group>
        }
      >
        <Button variant="default" component="a" href="#/planning">
          {t('evaluation.back')}
        </Button>
        <Button
          variant="default"
          loading={busy === 'ics'}
          onClick={() => void run('ics', () => call('calendar.ics', { schooljaar: e.schooljaar, key: `evaluatie-${e.id}` }))}
          data-testid="evaluatie-ics"
        >
          {t('actions.exportItem')}
        </Button>
        <Button
          variant="light"
          loading={busy === 'pack'}
          onClick={() => void run('pack', () => call('reports.evaluationPack', { evaluationId: e.id }))}
          title={t('evaluation.packHelp')}
          data-testid="evaluatiepakket"
        >
          {t('evaluation.pack')}
        </Button>
        {e.status === 'gehouden' && can('evaluations.close') && (
          <Button color="schoolblauw" onClick={() => setConfirmClose(true)} data-testid="evaluatie-sluiten">
            {t('evaluation.close')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="lg">
        {e.status === 'gesloten' && (
          <Alert color="gray" data-testid="evaluatie-gesloten">
            <Stack gap={4}>
              <Text size="sm">{t('evaluation.closedNotice', { datum: dateTime(e.geslotenOp) })}</Text>
              {e.volgendeId && (
                <Anchor href={`#/planning/evaluatie/${e.volgendeId}`} size="sm" data-testid="volgende-evaluatie">
                  {t('evaluation.openNext')}
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
        {e.vorigeId && (
          <Anchor href={`#/planning/evaluatie/${e.vorigeId}`} size="sm">
            {t('evaluation.previous')}
          </Anchor>
        )}
        <EvaluationPlanForm
          key={`plan-${e.updatedAt}`}
          id={e.id}
          initial={planValuesOf(e)}
          readOnly={e.status === 'gesloten' || !can('evaluations.update')}
          onSaved={set}
        />
        {held || e.status !== 'gepland' ? (
          <EvaluationRecordForm key={`record-${e.status}`} evaluation={e} onSaved={set} />
        ) : (
          <Alert color="schoolblauw" variant="light">
            {t('evaluation.notHeld')}
          </Alert>
        )}
        <OpenActions exceptEvaluationId={e.id} />
      </Stack>
      <Modal opened={confirmClose} onClose={() => setConfirmClose(false)} title={t('evaluation.closeTitle')} centered>
        <Text mb="lg">{t('evaluation.closeBody')}</Text>
        <ModalActions onCancel={() => setConfirmClose(false)} autoFocusCancel>
          <Button onClick={() => void close()} data-testid="evaluatie-sluiten-bevestigen">
            {t('evaluation.close')}
          </Button>
        </ModalActions>
      </Modal>
    </>
  );
}
