// "Brief maken": choose the kind of letter for a measure or a report, fill what it needs (the
// appointment of an invitation, attachments, what a correction changes), see the letter(s) exactly as
// they will be written — one per addressee — edit the letter's own feiten, and make them final after
// a confirmation (which names any other pupil still in the feiten). Other pages embed this through
// LetterButton.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Modal, Select, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call, isPreview } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ApiError } from '@shared/api';
import { feitenPupilNames } from '@shared/api/letters';
import type { FinaliseResult, LetterKind, LetterPreview, LetterRequest } from '@shared/api/letters';
import { DateField, TimeField } from '../fields';
import { notifyError } from '../notify';
import { LetterView } from './LetterView';
import { FeitenEditor } from './FeitenEditor';
import { deliverLetter } from './files';

export interface LetterDialogProps {
  opened: boolean;
  onClose: () => void;
  measureId?: number;
  reportId?: number;
  /** For a note about a report without a person: whose dossier. */
  personId?: number;
  /** A correction of this final letter. */
  correctieVan?: string;
  /** Preselect this kind (e.g. the kind of the letter being corrected). */
  soort?: LetterKind;
  onFinalised?: (r: FinaliseResult) => void;
}

export function LetterDialog(props: LetterDialogProps) {
  const { t } = useTranslation('letters');
  const [kinds, setKinds] = useState<{ soort: LetterKind; titel: string; afspraak: boolean }[] | null>(null);
  const [soort, setSoort] = useState<LetterKind | null>(props.soort ?? null);
  const [datum, setDatum] = useState('');
  const [tijd, setTijd] = useState('');
  const [plaats, setPlaats] = useState('');
  const [metWie, setMetWie] = useState('');
  const [bijlagen, setBijlagen] = useState('');
  const [reden, setReden] = useState('');
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [namenOk, setNamenOk] = useState(false);
  const submit = useSubmit();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!props.opened) return;
    let live = true;
    void call('letters.kindsFor', props.measureId ? { measureId: props.measureId } : { reportId: props.reportId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setKinds(r.value);
        if (!soort && r.value.length === 1) setSoort(r.value[0].soort);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
    // Load once per opening; the kind list does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.opened, props.measureId, props.reportId]);

  // The core says which kinds need an appointment.
  const needsAppointment = !!kinds?.find((k) => k.soort === soort)?.afspraak;
  const request = useMemo((): LetterRequest | null => {
    if (!soort) return null;
    if (needsAppointment && (!datum || !tijd)) return null;
    return {
      soort,
      ...(props.measureId ? { measureId: props.measureId } : {}),
      ...(props.reportId ? { reportId: props.reportId } : {}),
      ...(props.personId ? { personId: props.personId } : {}),
      ...(needsAppointment ? { afspraak: { datum, tijd, plaats: plaats || null, metWie: metWie || null } } : {}),
      bijlagen: bijlagen
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      ...(props.correctieVan ? { correctieVan: props.correctieVan, correctieReden: reden } : {}),
    };
  }, [
    soort,
    needsAppointment,
    datum,
    tijd,
    plaats,
    metWie,
    bijlagen,
    reden,
    props.measureId,
    props.reportId,
    props.personId,
    props.correctieVan,
  ]);

  // The preview follows the choices (a short pause so typing does not flood the core).
  useEffect(() => {
    if (!props.opened || !request || (props.correctieVan && !reden.trim())) {
      setPreview(null);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      void call('letters.preview', request).then((r) => {
        if (!live) return;
        setLoading(false);
        if (r.ok) {
          setPreview(r.value);
          setError(null);
        } else {
          setPreview(null);
          setError(r.error);
        }
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.opened, request, tick, props.correctieVan, reden]);

  const namen = feitenPupilNames(preview?.feiten);
  const feitenKey = useMemo(
    () =>
      soort
        ? {
            soort,
            ...(props.measureId ? { measureId: props.measureId } : {}),
            ...(props.reportId ? { reportId: props.reportId } : {}),
            ...(props.personId ? { personId: props.personId } : {}),
          }
        : null,
    [soort, props.measureId, props.reportId, props.personId],
  );

  const finalise = async () => {
    if (!request) return;
    await submit.run(() => call('letters.finalise', { ...request, ...(namen.length ? { namenBevestigd: namenOk } : {}) }), {
      // The refusal shows in the dialog and as a notification.
      refusal: (e) => {
        setConfirming(false);
        setError(e);
        return e.message;
      },
      onSuccess: async (v) => {
        setConfirming(false);
        notifications.show({
          color: 'teal',
          title: t('finalised', { kenmerken: v.brieven.map((b) => b.kenmerk).join(', ') }),
          message: [
            isPreview ? t('downloaded') : t('opened'),
            v.verplichtingenAfgerond.length ? t('obligationsDone', { titels: v.verplichtingenAfgerond.join('; ') }) : '',
          ]
            .filter(Boolean)
            .join(' '),
          autoClose: 6000,
        });
        // Electron opened the first letter already (openFile); the browser preview downloads each one.
        if (isPreview) {
          for (const b of v.brieven) {
            const err = await deliverLetter(b.id);
            if (err) notifyError(err.message);
          }
        }
        props.onFinalised?.(v);
        props.onClose();
      },
    });
  };

  const brieven = preview?.brieven ?? [];
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.correctieVan ? `${t('dialogTitle')} — ${t('correction')} ${props.correctieVan}` : t('dialogTitle')}
      size="min(1100px, 96vw)"
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Stack gap="sm">
          {kinds === null && !error && <Loader size="sm" aria-label={t('common:loading')} />}
          {kinds && kinds.length === 0 && <Alert color="gray">{t('noKinds')}</Alert>}
          {kinds && kinds.length > 0 && (
            <Select
              label={t('kind')}
              placeholder={t('kindPlaceholder')}
              data={kinds.map((k) => ({ value: k.soort, label: k.titel }))}
              value={soort}
              onChange={(v) => setSoort((v as LetterKind) || null)}
              allowDeselect={false}
              data-testid="brief-soort"
            />
          )}
          {needsAppointment && (
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('appointment')}
              </Text>
              <DateField label={t('date')} value={datum} onChange={setDatum} required />
              <TimeField label={t('time')} value={tijd} onChange={setTijd} />
              <TextInput
                label={t('place')}
                description={t('placeHint')}
                value={plaats}
                onChange={(e) => setPlaats(e.currentTarget.value)}
              />
              <TextInput
                label={t('withWhom')}
                description={t('withWhomHint')}
                value={metWie}
                onChange={(e) => setMetWie(e.currentTarget.value)}
              />
            </Stack>
          )}
          {props.correctieVan && (
            <Textarea
              label={t('correctionReason')}
              required
              autosize
              minRows={2}
              value={reden}
              onChange={(e) => setReden(e.currentTarget.value)}
            />
          )}
          <Textarea
            label={t('attachments')}
            description={t('attachmentsHint')}
            autosize
            minRows={2}
            value={bijlagen}
            onChange={(e) => setBijlagen(e.currentTarget.value)}
          />
          {/* Only the feiten of the kind chosen now: after a switch the old preview shows until the new one comes. */}
          {preview?.feiten && feitenKey && preview.brieven[0]?.soort === feitenKey.soort && (
            <FeitenEditor key={feitenKey.soort} feitenKey={feitenKey} feiten={preview.feiten} onChanged={() => setTick((n) => n + 1)} />
          )}
          {preview && preview.waarschuwingen.length > 0 && (
            <Alert color="yellow" title={t('warnings')}>
              {preview.waarschuwingen.map((w) => (
                <Text key={w} size="sm">
                  {w}
                </Text>
              ))}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button variant="default" onClick={() => setTick((n) => n + 1)} disabled={!request}>
              {t('refresh')}
            </Button>
            <Button
              onClick={() => {
                setNamenOk(false);
                setConfirming(true);
              }}
              disabled={!preview || loading}
              data-testid="brief-definitief"
            >
              {t('finalise')}
            </Button>
          </Group>
        </Stack>
        <div
          style={{ gridColumn: 'span 2', background: '#e9ecef', padding: 12, borderRadius: 4, minHeight: 300 }}
          aria-live="polite"
          aria-busy={loading}
        >
          {loading && <Loader size="sm" aria-label={t('common:loading')} />}
          {!loading && brieven.length === 1 && <LetterView model={brieven[0]} logoDataUrl={preview!.logoDataUrl} />}
          {!loading && brieven.length > 1 && (
            <Tabs defaultValue="0" keepMounted={false}>
              <Tabs.List>
                {brieven.map((b, i) => (
                  <Tabs.Tab key={i} value={String(i)}>
                    {t('letterOf', { n: i + 1, total: brieven.length })}: {b.geadresseerde.regels[0]}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {brieven.map((b, i) => (
                <Tabs.Panel key={i} value={String(i)} pt="sm">
                  <LetterView model={b} logoDataUrl={preview!.logoDataUrl} />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </div>
      </SimpleGrid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('finaliseConfirmTitle')} centered>
        <Text size="sm">{t('finaliseConfirm', { count: brieven.length })}</Text>
        {namen.length > 0 && (
          <Alert color="red" mt="sm" title={t('namesTitle')}>
            <Text size="sm">{t('namesText', { namen: namen.map((n) => `“${n}”`).join(', ') })}</Text>
            <Checkbox
              mt="xs"
              label={t('namesConfirm')}
              checked={namenOk}
              onChange={(e) => setNamenOk(e.currentTarget.checked)}
              data-testid="brief-namen-bevestigd"
            />
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => void finalise()}
            loading={submit.busy}
            disabled={namen.length > 0 && !namenOk}
            data-testid="brief-bevestig"
          >
            {t('finalise')}
          </Button>
        </Group>
      </Modal>
    </Modal>
  );
}
