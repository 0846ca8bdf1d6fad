// Reports by staff: #/melden is the short form "Melding doen" (with the reporter's own reports
// below it); #/melden/binnengekomen is the registrar's queue, #/melden/binnengekomen/12 one report.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { useApp } from '../components/AppContext';
import { SubmissionForm } from '../components/submissions/SubmissionForm';
import { SubmissionQueue } from '../components/submissions/SubmissionQueue';
import { SubmissionReview } from '../components/submissions/SubmissionReview';
import { can } from '../server/can';

export default function Melden({ view, id }: { view: string | null; id: number | null }) {
  const { t } = useTranslation('submissions');
  const { status } = useApp();
  // The registrar handles the queue: the person working on the single-PC app; on the server, the roles that may read it.
  const registrar = can('submissions.list');
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
