// The window: a "Naar de inhoud" link first, left navigation (folds to icons on a narrow screen;
// the choice is remembered), a header with the school's name, the school year and the language
// switch, and the page using the full width.
import { ActionIcon, AppShell, Group, NavLink, SegmentedControl, Text, Title, Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeadingFocus, useRouter } from './router';
import { useApp } from './AppContext';
import { setLanguage } from '../i18n';
import { WhoIsWorkingButton } from './WhoIsWorking';
import { Icon } from './Icon';
import type { MethodName } from '@shared/api';
import type { AccountRol } from '@shared/domain';
import { isServerMode, serverRole } from '../server/session';
import { roleMayCall } from '../server/can';

// Outline icons (24×24, stroked), drawn here: no icon package for six pictures.
const ICONS = {
  overzicht: 'M3 3h7v9H3zM14 3h7v5h-7zM14 12h7v9h-7zM3 16h7v5H3z',
  meldingen: 'M5 21V4M5 4h12l-2.5 4L17 12H5',
  personen: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.5a4 4 0 0 1 0 7M19 14.5a6 6 0 0 1 3 5.5v1',
  planning: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
  rapportages: 'M3 21h18M6 17v-5M11 17V5M16 17V9',
  instellingen: 'M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1M15 4v4M9 10v4M17 16v4',
  melden: 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z',
} as const;

/**
 * The pages of the menu, each with the method it opens with: on the school server a page is shown
 * only when the contract lets the logged-in role call that method (the core checks it again), and
 * "Melden" appears there for staff who report. The single-PC app's one user sees every page.
 */
export const NAV = [
  { key: 'overzicht', path: '/overzicht', opens: 'obligations.dashboard' },
  { key: 'meldingen', path: '/meldingen', opens: 'incidents.list' },
  { key: 'personen', path: '/personen', opens: 'people.list' },
  { key: 'planning', path: '/planning', opens: 'calendar.list' },
  { key: 'rapportages', path: '/rapportages', opens: 'reports.year' },
  { key: 'melden', path: '/melden', opens: 'submissions.create', serverOnly: true },
  // Every role has its own account there (Mijn account); each tab shows by its own method.
  { key: 'instellingen', path: '/instellingen', opens: 'accounts.me' },
] as const satisfies readonly { key: string; path: string; opens: MethodName; serverOnly?: boolean }[];

/** The menu for the caller: every page on the single-PC app, the pages the role may open on the server. */
export function navFor(role: AccountRol | null): (typeof NAV)[number][] {
  if (!isServerMode || role === null) return NAV.filter((n) => !('serverOnly' in n));
  return NAV.filter((n) => roleMayCall(role, n.opens));
}

const COLLAPSED_KEY = 'schoolprotocol.menuIngeklapt';

/** Folded by default below 1200 px wide, until the user chooses; the choice is remembered. */
function useCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(() => {
    const saved = localStorage.getItem(COLLAPSED_KEY);
    return saved === null ? window.innerWidth < 1200 : saved === '1';
  });
  const toggle = () =>
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  return [collapsed, toggle];
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('common');
  const { segments } = useRouter();
  const { status, school } = useApp();
  const active = segments[0] ?? 'overzicht';
  const [collapsed, toggle] = useCollapsed();
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);

  // The skip link moves the focus without touching the address (the routes live in the hash).
  const skip = (e: MouseEvent) => {
    e.preventDefault();
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    if (!target) return;
    if (target !== main.current) target.tabIndex = -1;
    target.focus();
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: collapsed ? 64 : 220, breakpoint: 0 }} padding="lg">
      <a href="#inhoud" className="sp-skip" onClick={skip}>
        {t('skipLink')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Text fw={700} c="schoolblauw.8" size="lg">
              {t('appName')}
            </Text>
            <Title
              order={2}
              size="h5"
              fw={500}
              className="sp-wrap"
              lineClamp={1}
              title={school?.naam ?? status?.schoolNaam ?? ''}
              data-testid="school-naam"
            >
              {school?.naam ?? status?.schoolNaam ?? ''}
            </Title>
            {status && (
              <Badge variant="outline" color="schoolblauw" size="lg" radius="sm" data-testid="schooljaar" style={{ flexShrink: 0 }}>
                {t('schoolYear', { year: status.huidigSchooljaar })}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <WhoIsWorkingButton />
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
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')} data-testid="hoofdmenu" data-collapsed={collapsed || undefined}>
        <Group justify={collapsed ? 'center' : 'flex-end'} mb={4}>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="lg"
            onClick={toggle}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t('navExpand') : t('navCollapse')}
            data-testid="menu-inklappen"
          >
            <Icon d={collapsed ? 'M9 6l6 6-6 6' : 'M15 6l-6 6 6 6'} />
          </ActionIcon>
        </Group>
        {navFor(serverRole()).map((n) => {
          const label = t(`nav.${n.key}`);
          const link = (
            <NavLink
              key={n.key}
              href={`#${n.path}`}
              label={collapsed ? <VisuallyHidden>{label}</VisuallyHidden> : label}
              leftSection={<Icon d={ICONS[n.key]} />}
              active={active === n.key}
              aria-current={active === n.key ? 'page' : undefined}
              className="sp-nav-link"
              variant="filled"
            />
          );
          return collapsed ? (
            <Tooltip key={n.key} label={label} position="right" withArrow>
              {link}
            </Tooltip>
          ) : (
            link
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="inhoud" ref={main} tabIndex={-1} className="sp-main">
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
