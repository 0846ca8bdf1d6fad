// Reading a roster into the app, in four steps: choose the file; check the columns (mapped from the
// headers or the remembered mapping of this source, changed by hand where needed); the dry run with
// every change and problem; apply in one transaction. Nothing is written before "Toepassen".
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { RosterPlan, RosterPreview, RosterResult, RosterSoort, RosterVeld } from '@shared/api/imports';
import { useRouter } from '../router';
import { ColumnMapping } from './ColumnMapping';
import { RosterPlanView } from './RosterPlanView';
import { readChosenFile } from './file';
import { ChooseFile, WizardHeader } from './WizardParts';
import type { ChosenFile } from './file';

type Step = 'kies' | 'koppel' | 'proef' | 'klaar';
const STEPS: Step[] = ['kies', 'koppel', 'proef', 'klaar'];
const DELIMITER_NAMES: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab' };

export function RosterImport({ onApplied }: { onApplied?: () => void }) {
  const { t } = useTranslation('imports');
  const { navigate } = useRouter();
  const [step, setStep] = useState<Step>('kies');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [soort, setSoort] = useState<RosterSoort>('leerlingen');
  const [koppeling, setKoppeling] = useState<(RosterVeld | null)[]>([]);
  const [bronNaam, setBronNaam] = useState('');
  const [volledig, setVolledig] = useState(false);
  const [skipErrors, setSkipErrors] = useState(false);
  const [plan, setPlan] = useState<RosterPlan | null>(null);
  const [result, setResult] = useState<RosterResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const busy = submit.busy;

  const reset = () => {
    setStep('kies');
    setFile(null);
    setPreview(null);
    setPlan(null);
    setResult(null);
    setError(null);
    setSkipErrors(false);
    setVolledig(false);
  };

  const loadPreview = (f: ChosenFile, s?: RosterSoort) =>
    submit.run(() => call('imports.roster.preview', { bestand: f, soort: s }), {
      error: setError,
      onSuccess: (p) => {
        setPreview(p);
        setSoort(p.soort);
        setKoppeling(p.kolommen.map((k) => k.veld));
        if (!s) setBronNaam(p.bron?.naam ?? p.voorgesteldeBronNaam);
        setStep('koppel');
      },
    });

  const choose = async (f: File | null) => {
    if (!f) return;
    const read = await readChosenFile(f);
    if ('error' in read) return setError(read.error);
    setFile(read);
    setPlan(null);
    await loadPreview(read);
  };

  const input = () => ({
    bestand: file!,
    soort,
    bronNaam,
    koppeling: preview?.formaat === 'edexml' ? undefined : koppeling,
    volledig,
    foutRegelsOverslaan: skipErrors,
  });

  const dryRun = () =>
    submit.run(() => call('imports.roster.dryRun', input()), {
      error: setError,
      onSuccess: (p) => {
        setPlan(p);
        setSkipErrors(false);
        setStep('proef');
      },
    });

  const apply = () =>
    submit.run(() => call('imports.roster.apply', { ...input(), onthouden: true }), {
      error: setError,
      onSuccess: (r) => {
        setResult(r);
        setStep('klaar');
        onApplied?.();
      },
    });

  const canApply = plan !== null && (plan.totalen.fouten === 0 || skipErrors);

  return (
    <Stack gap="md">
      <WizardHeader
        help={t('roster.help')}
        steps={STEPS.map((s) => t(`roster.steps.${s}`))}
        active={STEPS.indexOf(step)}
        error={error}
        errorTestId="import-fout"
      />

      {step === 'kies' && (
        <ChooseFile
          accept=".csv,.txt,.tsv,.xlsx,.xml,text/csv,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          busy={busy}
          onChoose={(f) => void choose(f)}
        />
      )}

      {step === 'koppel' && preview && file && (
        <Stack gap="sm">
          <Group gap="lg">
            <Text size="sm">{t('file.chosen', { naam: file.naam })}</Text>
            <Text size="sm">
              {t('roster.format')}: <b>{t(`roster.formats.${preview.formaat}`)}</b>
            </Text>
            {preview.codering && (
              <Text size="sm">
                {t('roster.encoding')}: <b>{preview.codering}</b>
              </Text>
            )}
            {preview.scheidingsteken && (
              <Text size="sm">
                {t('roster.delimiter')}: <b>{t(`roster.delimiters.${DELIMITER_NAMES[preview.scheidingsteken] ?? 'puntkomma'}`)}</b>
              </Text>
            )}
            <Text size="sm">
              {t('roster.rows')}: <b>{preview.aantalRijen}</b>
            </Text>
          </Group>
          {preview.opmerkingen.length > 0 && (
            <Alert color="blue" variant="light">
              <List size="sm">
                {preview.opmerkingen.map((o) => (
                  <List.Item key={o}>{o}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview.formaat !== 'edexml' && (
            <>
              <div>
                <Text size="sm" fw={500} mb={4} id="roster-soort-label">
                  {t('roster.soort')}
                </Text>
                <SegmentedControl
                  aria-labelledby="roster-soort-label"
                  value={soort}
                  onChange={(v) => void loadPreview(file, v as RosterSoort)}
                  data={[
                    { value: 'leerlingen', label: t('roster.soorten.leerlingen') },
                    { value: 'medewerkers', label: t('roster.soorten.medewerkers') },
                  ]}
                />
              </div>
              <TextInput
                label={t('roster.bron')}
                description={t('roster.bronHelp')}
                value={bronNaam}
                onChange={(e) => setBronNaam(e.currentTarget.value)}
                maw={420}
              />
              <ColumnMapping preview={preview} soort={soort} koppeling={koppeling} onChange={setKoppeling} />
            </>
          )}
          <Checkbox
            label={t('roster.volledig')}
            description={t('roster.volledigHelp')}
            checked={volledig}
            onChange={(e) => setVolledig(e.currentTarget.checked)}
          />
          <Text size="sm" c="dimmed">
            {t('roster.nummers')}
          </Text>
          <Group>
            <Button variant="default" onClick={reset}>
              {t('file.other')}
            </Button>
            <Button onClick={() => void dryRun()} loading={busy}>
              {t('roster.dryRun')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 'proef' && plan && (
        <Stack gap="sm" aria-label={t('plan.title')} role="region">
          <Alert color="blue" variant="light">
            {t('plan.noteDryRun')}
          </Alert>
          <RosterPlanView plan={plan} />
          {plan.totalen.fouten > 0 && (
            <>
              <Alert color="red" variant="light">
                {t('plan.errorsBlock')}
              </Alert>
              <Checkbox label={t('plan.skipErrors')} checked={skipErrors} onChange={(e) => setSkipErrors(e.currentTarget.checked)} />
            </>
          )}
          <Group>
            <Button variant="default" onClick={() => setStep('koppel')}>
              {t('roster.back')}
            </Button>
            <Button onClick={() => void apply()} loading={busy} disabled={!canApply}>
              {t('roster.apply')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 'klaar' && result && (
        <Stack gap="sm">
          <Alert color="teal" title={t('roster.doneTitle')} data-testid="import-klaar">
            {t('roster.done', { ...result.totalen })}
          </Alert>
          <RosterPlanView plan={result} />
          <Group>
            <Button variant="default" onClick={reset}>
              {t('roster.again')}
            </Button>
            <Button onClick={() => navigate('/personen')}>{t('roster.toPeople')}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
