// The sexual-offence checklist of an incident (docs/LAW.md): shown the moment the path applies or
// the app asks whether this is possibly a sexual offence (someone working at the school as dader
// against a minor pupil, any category), each step recorded with date AND time.
import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useLoad } from '../useLoad';
import { notifyError } from '../notify';
import { ObligationItem } from './ObligationItem';
import { useDoerName } from './useDoer';

export function Checklist({ incidentId, onChanged, refreshKey }: { incidentId: number; onChanged?: () => void; refreshKey?: unknown }) {
  const { t } = useTranslation('obligations');
  const loaded = useLoad(() => call('obligations.checklist.get', { incidentId }), [incidentId, refreshKey]);
  const [naam, remember] = useDoerName();
  const [door, setDoor] = useState(naam);
  const [busy, setBusy] = useState(false);
  if (loaded.loading && !loaded.data) return <Loader size="sm" aria-label={t('common:loading')} />;
  const c = loaded.data;
  if (!c) return loaded.error ? <Alert color="red">{loaded.error.message}</Alert> : null;
  if (!c.actief && !c.vraagZedenVermoeden && c.stappen.length === 0) return null;

  const answer = async (vermoeden: boolean) => {
    setBusy(true);
    const r = await call('obligations.checklist.setVermoeden', { incidentId, vermoeden, door });
    setBusy(false);
    if (!r.ok) return notifyError(r.error.message);
    remember(door);
    loaded.setData(r.value);
    onChanged?.();
  };
  const changed = () => {
    loaded.reload();
    onChanged?.();
  };

  return (
    <Stack gap="sm" data-testid="zeden-checklist">
      {c.vraagZedenVermoeden && (
        <Alert color="orange" title={t('checklist.vraagTitel')}>
          <Text size="sm" mb="xs">
            {t('checklist.vraagBody')}
          </Text>
          {c.zedenVermoeden !== null && (
            <Text size="sm" fw={600} mb="xs">
              {t('checklist.beantwoord', { antwoord: c.zedenVermoeden ? t('checklist.antwoordJa') : t('checklist.antwoordNee') })}
            </Text>
          )}
          <Group align="flex-end" gap="xs">
            <TextInput label={t('checklist.door')} value={door} onChange={(e) => setDoor(e.currentTarget.value)} size="sm" />
            <Button color="red" onClick={() => void answer(true)} loading={busy} disabled={c.zedenVermoeden === true}>
              {t('checklist.ja')}
            </Button>
            <Button variant="default" onClick={() => void answer(false)} loading={busy} disabled={c.zedenVermoeden === false}>
              {t('checklist.nee')}
            </Button>
          </Group>
        </Alert>
      )}
      {c.stappen.length > 0 && (
        <Alert color={c.afgerond ? 'teal' : 'red'} title={t('checklist.title')}>
          <Text size="sm" mb="sm">
            {c.afgerond ? t('checklist.afgerond') : c.reden}
          </Text>
          <Stack gap="xs">
            {c.stappen.map((s) => (
              <ObligationItem
                key={s.id}
                o={{ ...s, titel: `${t('checklist.stap', { n: s.stap })}: ${s.titel}` }}
                onChanged={changed}
                showSource={false}
              />
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
