// The app: providers, first run or the shell, and the hash routes to the pages.
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { MantineProvider, Center, Loader, Alert, Container, Title, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { makeTheme, cssVariablesResolver } from './theme';
import { AppProvider, useApp } from './components/AppContext';
import { RouterProvider, useRouter } from './components/router';
import { Shell, navFor } from './components/Shell';
import { isServerMode, serverRole } from './server/session';
import { DiscardQuestion } from './components/dialogGuard';
// Pages load on first visit, each as its own chunk (AG Grid in its own), so the first screen
// downloads only the shell and the page it shows; the first-run screen too (it is seen once).
const FirstRun = lazy(() => import('./pages/FirstRun'));
const Overzicht = lazy(() => import('./pages/Overzicht'));
const Meldingen = lazy(() => import('./pages/Meldingen'));
const MeldingForm = lazy(() => import('./pages/MeldingForm'));
const Personen = lazy(() => import('./pages/Personen'));
const PersoonForm = lazy(() => import('./pages/PersoonForm'));
const Dossier = lazy(() => import('./pages/Dossier'));
const Planning = lazy(() => import('./pages/Planning'));
const Rapportages = lazy(() => import('./pages/Rapportages'));
const Instellingen = lazy(() => import('./pages/Instellingen'));
const LetterPage = lazy(() => import('./components/letters/LetterPage'));
const Melden = lazy(() => import('./pages/Melden'));
import { LockGate } from './components/trust/LockGate';
// The school server's login screens, loaded only when the page is served by the school server.
const ServerGate = lazy(() => import('./server/ServerGate').then((m) => ({ default: m.ServerGate })));
import { WhoIsWorkingProvider } from './components/WhoIsWorking';

const asId = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);

function Page() {
  const { segments, path } = useRouter();
  const { t } = useTranslation('common');
  const [a, b, c] = segments;
  let page: React.ReactNode;
  // On the school server the start page is the first page the role may open (a staff member who
  // only reports starts at "Melden").
  const home = navFor(serverRole())[0]?.key ?? 'overzicht';
  if (!a && home !== 'overzicht') {
    window.location.replace(`#/${home}`);
    return null;
  }
  if (!a || a === 'overzicht') page = <Overzicht />;
  else if (a === 'meldingen' && !b) page = <Meldingen />;
  else if (a === 'meldingen' && b === 'nieuw') page = <MeldingForm id={null} />;
  else if (a === 'meldingen' && asId(b)) page = <MeldingForm id={asId(b)} />;
  else if (a === 'personen' && !b) page = <Personen />;
  else if (a === 'personen' && b === 'nieuw') page = <PersoonForm id={null} />;
  else if (a === 'personen' && asId(b) && c === 'dossier') page = <Dossier id={asId(b) as number} />;
  else if (a === 'personen' && asId(b) && !c) page = <PersoonForm id={asId(b)} />;
  else if (a === 'planning') page = <Planning />;
  else if (a === 'rapportages') page = <Rapportages />;
  else if (a === 'instellingen') page = <Instellingen tab={b ?? null} />;
  else if (a === 'brieven' && asId(b)) page = <LetterPage id={asId(b) as number} />;
  else if (a === 'melden') page = <Melden view={b ?? null} id={asId(c)} />;
  else
    page = (
      <Container>
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text mt="sm">{t('notFound.body')}</Text>
      </Container>
    );
  // A new path is a new page: forms start from their record again.
  return (
    <div key={path}>
      <Suspense
        fallback={
          <Center py="xl">
            <Loader aria-label={t('loading')} />
          </Center>
        }
      >
        {page}
      </Suspense>
    </div>
  );
}

function Root() {
  const { status, error } = useApp();
  const { t } = useTranslation('common');
  if (error && !status)
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title={t('errors.startTitle')}>
          {error}
        </Alert>
      </Container>
    );
  if (!status)
    return (
      <Center h="100vh">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  // One question per session, around both screens, so finishing the first run does not ask again.
  return (
    <WhoIsWorkingProvider>
      {!status.hasSchool ? (
        <Suspense
          fallback={
            <Center h="100vh">
              <Loader aria-label={t('loading')} />
            </Center>
          }
        >
          <FirstRun />
        </Suspense>
      ) : (
        <Shell>
          <Page />
        </Shell>
      )}
    </WhoIsWorkingProvider>
  );
}

export default function App() {
  const { i18n } = useTranslation();
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const on = (l: string) => {
      setLang(l);
      document.documentElement.lang = l;
    };
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', on);
    return () => i18n.off('languageChanged', on);
  }, [i18n]);

  const theme = useMemo(() => makeTheme(i18n.t('common:actions.close', { lng: lang })), [i18n, lang]);

  const app = (
    <LockGate>
      <AppProvider>
        <RouterProvider>
          <Root />
        </RouterProvider>
      </AppProvider>
    </LockGate>
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: lang === 'en' ? 'en' : 'nl', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <DiscardQuestion />
        {/* The lock is outermost: while locked nothing below is mounted or loaded, and at start
            with an app passphrase the database opens only once it is typed (electron/startGate.ts). */}
        {/* On the school server the login comes first (its screens are loaded there only); the
            single-PC app has no gate. */}
        {isServerMode ? (
          <Suspense fallback={null}>
            <ServerGate>{app}</ServerGate>
          </Suspense>
        ) : (
          app
        )}
      </DatesProvider>
    </MantineProvider>
  );
}
