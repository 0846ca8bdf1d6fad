// The sexual-offence path of an incident (docs/LAW.md), at the top of the incident page: while
// someone working at the school is dader against a minor pupil and the school has not yet answered
// "possibly a sexual offence?", that question stands first, impossible to miss; once answered, a
// quiet line says what was recorded. When the path applies, its steps follow, each recorded with
// date AND time. The data comes from useChecklist, shared with the page's task list and advice.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Checklist as ChecklistData } from '@shared/api/obligations';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../useLoad';
import type { Loaded } from '../useLoad';
import { ObligationItem } from './ObligationItem';
import { useDoerName } from './useDoer';
import { can } from '../../server/can';

/** On the school server only for the roles that may read it (the school leader, zorg): none for the others. */
export const useChecklist = (incidentId: number | null): Loaded<ChecklistData> =>
  useLoad(incidentId && can('obligations.checklist.get') ? () => call('obligations.checklist.get', { incidentId }) : null, [incidentId]);

/** Whether the checklist shows anything (then the page leaves the same points out elsewhere). */
export const checklistShows = (c: ChecklistData | null): boolean => !!c && (c.actief || c.vraagZedenVermoeden || c.stappen.length > 0);

export function Checklist({ loaded }: { loaded: Loaded<ChecklistData> }) {
  const { t } = useTranslation('obligations');
  const c = loaded.data;
  const [reopen, setReopen] = useState(false);
  if (loaded.error && !c) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!c || !checklistShows(c)) return null;
  const mayAnswer = can('obligations.checklist.setVermoeden');
  const ask = mayAnswer && c.vraagZedenVermoeden && (c.zedenVermoeden === null || reopen);
  return (
    <Stack gap="sm" data-testid="zeden-checklist">
      {ask && (
        <ZedenQuestion
          c={c}
          onAnswered={() => setReopen(false)}
          onCancel={c.zedenVermoeden !== null ? () => setReopen(false) : undefined}
        />
      )}
      {!ask && c.vraagZedenVermoeden && c.zedenVermoeden !== null && (
        <Group gap="xs" data-testid="zeden-antwoord">
          <Text size="sm">
            {t('checklist.vraagTitel')}{' '}
            {t('checklist.beantwoord', { antwoord: c.zedenVermoeden ? t('checklist.antwoordJa') : t('checklist.antwoordNee') })}
          </Text>
          {mayAnswer && (
            <Button variant="subtle" size="compact-sm" onClick={() => setReopen(true)}>
              {t('checklist.wijzig')}
            </Button>
          )}
        </Group>
      )}
      {c.stappen.length > 0 && (
        <Alert color={c.afgerond ? 'teal' : 'red'} title={t('checklist.title')}>
          <Text size="sm" mb="sm">
            {c.afgerond ? t('checklist.afgerond') : c.reden}
          </Text>
          <Stack gap="xs">
            {c.stappen.map((s) => (
              <ObligationItem key={s.id} o={{ ...s, titel: `${t('checklist.stap', { n: s.stap })}: ${s.titel}` }} showSource={false} />
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function ZedenQuestion({ c, onAnswered, onCancel }: { c: ChecklistData; onAnswered: () => void; onCancel?: () => void }) {
  const { t } = useTranslation('obligations');
  const [naam, remember] = useDoerName();
  const [door, setDoor] = useState(naam);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const busy = submit.busyKey as boolean | null;
  const ref = useRef<HTMLDivElement>(null);
  // Appearing after a save with the page scrolled down (the save button is at the bottom too): bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  const answer = async (vermoeden: boolean) => {
    if (!door.trim()) return setError(t('checklist.doorNodig'));
    await submit.run(() => call('obligations.checklist.setVermoeden', { incidentId: c.incidentId, vermoeden, door: door.trim() }), {
      key: vermoeden,
      error: setError,
      onSuccess: () => {
        remember(door);
        onAnswered();
      },
    });
  };

  return (
    <Alert ref={ref} color="red" variant="outline" title={t('checklist.vraagTitel')} data-testid="zeden-vraag">
      <Text size="sm" mb="sm">
        {t('checklist.vraagBody')}
      </Text>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('checklist.door')}
          value={door}
          onChange={(e) => {
            setDoor(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          w={260}
        />
        <Group gap="xs" mt={25}>
          <Button color="red.9" onClick={() => void answer(true)} loading={busy === true} disabled={busy === false}>
            {t('checklist.ja')}
          </Button>
          <Button variant="default" onClick={() => void answer(false)} loading={busy === false} disabled={busy === true}>
            {t('checklist.nee')}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          )}
        </Group>
      </Group>
    </Alert>
  );
}
