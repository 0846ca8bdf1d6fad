// Instellingen → School: the school's details (letterhead, sector words, holiday region, signatory).
import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../components/AppContext';
import { SchoolForm } from '../../components/SchoolForm';

export default function School() {
  const { t } = useTranslation('settings');
  const { school, refresh } = useApp();
  if (!school) return <Loader aria-label={t('common:loading')} />;
  return <SchoolForm school={school} onSaved={() => void refresh()} />;
}
