// Reports by staff: #/melden is the short form "Melding doen" (with the reporter's own reports
// below it); #/melden/binnengekomen is the registrar's queue, #/melden/binnengekomen/12 one report.
import { useEffect, useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useApp } from '../components/AppContext';
import { SubmissionForm } from '../components/submissions/SubmissionForm';
import { SubmissionQueue } from '../components/submissions/SubmissionQueue';
import { SubmissionReview } from '../components/submissions/SubmissionReview';
import { currentSession, isServerMode } from '../server/session';

/** The registrar handles the queue: on the single-PC app that is the person working; on the server, a schoolleider account. */
function useIsRegistrar(): boolean {
  const [registrar, setRegistrar] = useState(!isServerMode);
  useEffect(() => {
    if (!isServerMode) return;
    let live = true;
    void currentSession().then((s) => live && setRegistrar(s?.gebruiker.rol === 'schoolleider'));
    return () => {
      live = false;
    };
  }, []);
  return registrar;
}

export default function Melden({ view, id }: { view: string | null; id: number | null }) {
  const { t } = useTranslation('submissions');
  const { status } = useApp();
  const registrar = useIsRegistrar();
  const today = status?.vandaag ?? new Date().toISOString().slice(0, 10);

  if (view === 'binnengekomen' && id)
    return (
      <>
        <PageHeader title={t('review.title', { id })}>
          <Button component="a" href="#/melden/binnengekomen" variant="default">
            {t('review.back')}
          </Button>
        </PageHeader>
        <SubmissionReview id={id} />
      </>
    );
  if (view === 'binnengekomen')
    return (
      <>
        <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')}>
          <Button component="a" href="#/melden" variant="default">
            {t('form.title')}
          </Button>
        </PageHeader>
        <SubmissionQueue />
      </>
    );
  return (
    <>
      <PageHeader title={t('form.title')} subtitle={t('form.subtitle')} />
      <SubmissionForm today={today} showQueueLink={registrar} />
    </>
  );
}
