// The shell of an edit page: a new record (id null) goes straight to the editor; an existing one is
// loaded first, with a loader meanwhile and the Dutch "not found" message when it cannot be read.
import type { ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/api';
import { useLoad } from './useLoad';

export function RecordPage<T>({
  id,
  load,
  notFoundTitle,
  children,
}: {
  id: number | null;
  load: (id: number) => Promise<Result<T>>;
  notFoundTitle: string;
  children: (initial: T | null) => ReactNode;
}) {
  const { t } = useTranslation('common');
  // The record changes only with the id (`load` is one API call, new on every render).
  const loaded = useLoad(id ? () => load(id) : null, [id]);
  if (id && loaded.loading) return <Loader aria-label={t('loading')} />;
  if (id && (loaded.error || !loaded.data))
    return (
      <Alert color="red" title={notFoundTitle}>
        {loaded.error?.message}
      </Alert>
    );
  return <>{children(loaded.data)}</>;
}
