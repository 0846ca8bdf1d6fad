// Texts the core writes in Dutch only (task titles, who does it, the legal basis) are shown as they
// are in another UI language, marked as Dutch, rather than half-translated. The texts themselves
// carry lang="nl", so a screen reader reads them with Dutch pronunciation.
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
