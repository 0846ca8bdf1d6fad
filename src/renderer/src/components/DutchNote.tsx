// Texts the core still writes in Dutch only (the plain-Dutch basis of a task, an article text or a
// settled task's title it has no English for, a task title in the calendar) are shown as they are in
// another UI language, marked as Dutch, rather than half-translated. The core's English texts (task
// titles, who acts, article texts, the report summary) need no note. The Dutch texts themselves carry
// lang="nl", so a screen reader reads them with Dutch pronunciation.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const isDutchUi = (language: string) => language.startsWith('nl');

/** "(Dutch legal text)" in a non-Dutch UI; nothing in the Dutch one. */
export function DutchNote() {
  const { t, i18n } = useTranslation('common');
  if (isDutchUi(i18n.language)) return null;
  return (
    <Text span size="xs" c="dimmed" data-testid="dutch-note">
      {t('dutchText')}
    </Text>
  );
}
