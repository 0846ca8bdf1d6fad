// The feiten of one letter: the proposal from the incident description (other people named by their
// role) or the school leader's edit, with the names that remain marked under it. An edit is saved on
// the button, on leaving the field, and when the editor closes (nothing typed is lost).
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { notifyError } from '../notify';
import type { ApiError } from '@shared/api';
import type { LetterFeiten, LetterKind } from '@shared/api/letters';

export interface FeitenKey {
  soort: LetterKind;
  measureId?: number;
  reportId?: number;
  personId?: number;
}

export interface FeitenEditorProps {
  feitenKey: FeitenKey;
  feiten: LetterFeiten;
  /** After a save or a reset: the preview must follow. */
  onChanged: (f: LetterFeiten) => void;
}

export function FeitenEditor({ feitenKey, feiten, onChanged }: FeitenEditorProps) {
  const { t } = useTranslation('letters');
  const [draft, setDraft] = useState(feiten.tekst);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useSubmit();
  // The latest draft, what the core has (or is being sent), and for which letter: read when the editor closes.
  const latest = useRef({ draft, stored: feiten.tekst, key: feitenKey });
  latest.current = { draft, stored: latest.current.stored, key: feitenKey };
  const tRef = useRef(t);
  tRef.current = t;
  const unsaved = () => latest.current.draft.trim() !== latest.current.stored.trim();

  useEffect(() => {
    latest.current.stored = feiten.tekst;
    setDraft(feiten.tekst);
  }, [feiten.tekst]);

  const save = async () => {
    if (!unsaved()) return;
    const { draft: tekst, stored, key } = latest.current;
    latest.current.stored = tekst;
    await submit.run(() => call('letters.feiten.save', { ...key, tekst }), {
      concurrent: true,
      refusal: (e) => {
        latest.current.stored = stored;
        setError(e);
        return null;
      },
      onSuccess: (f) => {
        setError(null);
        latest.current.stored = f.tekst;
        onChanged(f);
      },
    });
  };

  const reset = () =>
    submit.run(() => call('letters.feiten.reset', latest.current.key), {
      concurrent: true,
      refusal: (e) => {
        setError(e);
        return null;
      },
      onSuccess: (f) => {
        setError(null);
        latest.current.stored = f.tekst;
        setDraft(f.tekst);
        onChanged(f);
      },
    });

  // Closing the dialog (or choosing another kind) unmounts the editor: keep what was typed.
  useEffect(
    () => () => {
      const { draft: tekst, key } = latest.current;
      if (unsaved() && tekst.trim())
        void call('letters.feiten.save', { ...key, tekst }).then((r) => {
          // The editor is gone: a refusal would otherwise lose what was typed without a word.
          if (!r.ok) notifyError(r.error.message, tRef.current('feitenNotSaved'));
        });
    },
    [],
  );

  const dirty = unsaved();
  return (
    <Stack gap={6} data-testid="brief-feiten">
      <Textarea
        label={t('feiten')}
        description={feiten.bewerkt ? t('feitenEdited') : t('feitenProposal')}
        autosize
        minRows={4}
        maxRows={12}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => void save()}
        error={error?.message}
        data-testid="brief-feiten-tekst"
        // Saved on leaving the field and when the dialog closes: closing it throws nothing away.
        data-autosave
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => void save()} disabled={!dirty} loading={submit.busy} data-testid="brief-feiten-opslaan">
          {t('feitenSave')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => void reset()}
          disabled={!feiten.bewerkt && !dirty}
          data-testid="brief-feiten-herstel"
        >
          {t('feitenReset')}
        </Button>
      </Group>
      {feiten.meldingGewijzigd && (
        <Alert color="yellow" p="xs">
          <Text size="xs">{t('feitenChanged')}</Text>
        </Alert>
      )}
      {feiten.nakijken.length > 0 && (
        <Alert color="yellow" p="xs" data-testid="brief-feiten-nakijken">
          <Text size="xs" fw={600}>
            {t('feitenCheck')}
          </Text>
          {feiten.nakijken.map((z) => (
            <Text size="xs" key={z}>
              {z}
            </Text>
          ))}
        </Alert>
      )}
      {(feiten.namen.length > 0 || feiten.woorden.length > 0) && (
        <Stack gap={4} data-testid="brief-feiten-namen">
          {feiten.namen.length > 0 && (
            <>
              <Text size="xs" fw={600}>
                {t('feitenNames')}
              </Text>
              <Group gap={4}>
                {feiten.namen.map((n) => (
                  <Badge
                    key={n.tekst}
                    color={n.gedeeld ? 'gray' : n.leerling ? 'red' : 'orange'}
                    variant="light"
                    tt="none"
                    title={n.gedeeld ? t('feitenSharedHint') : undefined}
                  >
                    {n.tekst}
                    {n.leerling ? ` · ${t('feitenPupil')}` : ''}
                    {n.gedeeld ? ` · ${t('feitenShared')}` : ''}
                  </Badge>
                ))}
              </Group>
            </>
          )}
          {feiten.woorden.length > 0 && (
            <>
              <Text size="xs" fw={600}>
                {t('feitenWords')}
              </Text>
              <Group gap={4}>
                {feiten.woorden.map((w) => (
                  <Badge key={w} color="gray" variant="light" tt="none">
                    {w}
                  </Badge>
                ))}
              </Group>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
