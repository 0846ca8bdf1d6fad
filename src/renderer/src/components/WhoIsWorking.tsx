// "Wie werkt er?": at the start of each session (after the unlock, which mounts this anew) the app
// asks who is working, pre-filled with the person last confirmed under this computer login, so
// every change is recorded under that person rather than the login. Changeable from the header.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isServerMode } from '../server/session';
import { call } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import type { WhoIsWorking as Who } from '@shared/api/session';
import { submitOnly } from './fields';
import { Icon } from './Icon';

interface WhoState {
  /** Null until loaded and while the session's question is still open. */
  who: Who | null;
  /** Opens the question again, to change the person. */
  change(): void;
}

const WhoContext = createContext<WhoState>({ who: null, change: () => {} });

export function WhoIsWorkingProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('werkplek');
  const [who, setWho] = useState<Who | null>(null);
  /** 'start': the session's question, which must be answered; 'change': opened from the header. */
  const [asking, setAsking] = useState<'start' | 'change' | null>(null);
  const [naam, setNaam] = useState('');
  const [functie, setFunctie] = useState('');
  const [errors, setErrors] = useState<{ naam?: string; functie?: string; form?: string }>({});
  const submit = useSubmit();

  const fill = (w: Who) => {
    setNaam(w.persoon?.naam ?? '');
    setFunctie(w.persoon?.functie ?? '');
    setErrors({});
  };

  useEffect(() => {
    let live = true;
    void call('session.who.get', {}).then((r) => {
      if (!live) return;
      if (!r.ok) {
        // Still ask: without an answer every change would go under the computer account. The
        // message stands in the question, and saving tries again.
        setErrors({ form: r.error.message });
        setAsking('start');
        return;
      }
      setWho(r.value);
      fill(r.value);
      // A person the door already named (the command line, tests) is not asked for.
      if (!r.value.vast) setAsking('start');
    });
    return () => {
      live = false;
    };
  }, []);

  /** A field's message goes once the field is changed. */
  const edit = (set: (v: string) => void, field: 'naam' | 'functie', v: string) => {
    set(v);
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const change = useCallback(() => {
    if (who) fill(who);
    setAsking('change');
  }, [who]);

  const confirm = () =>
    submit.run(() => call('session.who.set', { naam, functie }), {
      refusal: (e) => {
        setErrors({ naam: e.fields?.naam, functie: e.fields?.functie, form: e.fields ? undefined : e.message });
        return null;
      },
      onSuccess: (w) => {
        setWho(w);
        setAsking(null);
      },
    });

  const mustAnswer = asking === 'start';
  return (
    <WhoContext.Provider value={{ who: asking === 'start' ? null : who, change }}>
      {children}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        withCloseButton={!mustAnswer}
        closeOnEscape={!mustAnswer}
        closeOnClickOutside={!mustAnswer}
        title={t('title')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        data-testid="wie-werkt-er"
      >
        <form onSubmit={submitOnly(confirm)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('intro')}</Text>
            <TextInput
              label={t('naam')}
              value={naam}
              onChange={(e) => edit(setNaam, 'naam', e.currentTarget.value)}
              error={errors.naam}
              required
              autoComplete="name"
              data-autofocus
            />
            <TextInput
              label={t('functie')}
              description={t('functieHint')}
              value={functie}
              onChange={(e) => edit(setFunctie, 'functie', e.currentTarget.value)}
              error={errors.functie}
              required
              autoComplete="organization-title"
            />
            {who && (
              <Text size="xs" c="dimmed">
                {t('account', { account: who.account })}
              </Text>
            )}
            {errors.form && (
              <Text size="sm" c="red.8" role="alert">
                {errors.form}
              </Text>
            )}
            <Button type="submit" loading={submit.busy} data-testid="wie-bevestigen">
              {who?.persoon && mustAnswer ? t('confirmSame') : t('confirm')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </WhoContext.Provider>
  );
}

/** The header's item: who is working now; a click asks again. */
export function WhoIsWorkingButton() {
  const { t } = useTranslation('werkplek');
  const { who, change } = useContext(WhoContext);
  if (!who) return null;
  // On the school server the person is the login: shown, not changeable here.
  if (isServerMode)
    return (
      <Text size="sm" fw={500} data-testid="wie-werkt" truncate maw={260}>
        {who.actor}
      </Text>
    );
  return (
    <Tooltip label={t('changeHint')} withArrow>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={change}
        aria-label={t('headerLabel', { actor: who.actor })}
        leftSection={<Icon size={18} d="M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1" />}
        data-testid="wie-werkt"
        maw={260}
        style={{ flexShrink: 1, minWidth: 0 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{who.actor}</span>
      </Button>
    </Tooltip>
  );
}
