// The window: left navigation, a header with the school's name, the school year and the language
// switch, and the page using the full width.
import { AppShell, Group, NavLink, SegmentedControl, Text, Title, Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from './router';
import { useApp } from './AppContext';
import { setLanguage } from '../i18n';

export const NAV = [
  { key: 'overzicht', path: '/overzicht' },
  { key: 'meldingen', path: '/meldingen' },
  { key: 'personen', path: '/personen' },
  { key: 'planning', path: '/planning' },
  { key: 'rapportages', path: '/rapportages' },
  { key: 'instellingen', path: '/instellingen' },
] as const;

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('common');
  const { segments } = useRouter();
  const { status, school } = useApp();
  const active = segments[0] ?? 'overzicht';

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Text fw={700} c="schoolblauw.8" size="lg">
              {t('appName')}
            </Text>
            <Title order={2} size="h5" fw={500} className="sp-wrap" data-testid="school-naam">
              {school?.naam ?? status?.schoolNaam ?? ''}
            </Title>
            {status && (
              <Badge variant="outline" color="schoolblauw" size="lg" radius="sm" data-testid="schooljaar">
                {t('schoolYear', { year: status.huidigSchooljaar })}
              </Badge>
            )}
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={t('language')}
            value={i18n.language === 'en' ? 'en' : 'nl'}
            onChange={(v) => setLanguage(v as 'nl' | 'en')}
            data={[
              { value: 'nl', label: 'NL' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {NAV.map((n) => (
          <NavLink
            key={n.key}
            href={`#${n.path}`}
            label={t(`nav.${n.key}`)}
            active={active === n.key}
            aria-current={active === n.key ? 'page' : undefined}
            className="sp-nav-link"
            variant="filled"
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
