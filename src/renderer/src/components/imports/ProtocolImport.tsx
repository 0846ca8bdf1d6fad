// Importing the protocol from its document: choose the .docx/.pdf/.txt; review and correct the
// sections and rules; compare with the previous version (which old rule each rule continues, so
// incidents keep pointing to the right rule) and save it as a new version with its dates.
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ProtocolDraft, ProtocolMatch, RuleMatch } from '@shared/api/imports';
import type { ProtocolVersion } from '@shared/api/protocols';
import { useRouter } from '../router';
import { shortDate } from '../format';
import { readChosenFile } from './file';
import { ChooseFile, WizardHeader } from './WizardParts';
import { ProtocolReview } from './ProtocolReview';
import { fromDraft, matchesByKey, toSaveInput, toSecties } from './protocolDraft';
import type { Review } from './protocolDraft';

type Step = 'kies' | 'review' | 'controle' | 'klaar';
const STEPS: Step[] = ['kies', 'review', 'controle', 'klaar'];

export function ProtocolImport({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation('imports');
  const { navigate } = useRouter();
  const [step, setStep] = useState<Step>('kies');
  const [draft, setDraft] = useState<ProtocolDraft | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [match, setMatch] = useState<ProtocolMatch | null>(null);
  const [matches, setMatches] = useState<Map<string, RuleMatch>>(new Map());
  const [keep, setKeep] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<ProtocolVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const busy = submit.busy;

  const reset = () => {
    setStep('kies');
    setDraft(null);
    setReview(null);
    setMatch(null);
    setSaved(null);
    setError(null);
    setFieldErrors({});
  };

  const choose = async (f: File | null) => {
    if (!f) return;
    const read = await readChosenFile(f);
    if ('error' in read) return setError(read.error);
    await submit.run(() => call('imports.protocol.read', { bestand: read }), {
      error: setError,
      onSuccess: (d) => {
        setDraft(d);
        setReview(fromDraft(d));
        setStep('review');
      },
    });
  };

  const compare = async () => {
    if (!review) return;
    await submit.run(() => call('imports.protocol.match', { ingangsdatum: review.ingangsdatum || null, secties: toSecties(review) }), {
      error: setError,
      onSuccess: (m) => {
        const byKey = matchesByKey(review, m.regels);
        setMatch(m);
        setMatches(byKey);
        setKeep(new Set([...byKey].filter(([, x]) => x.vorigeRegelId !== null).map(([k]) => k)));
        setStep('controle');
      },
    });
  };

  const save = async () => {
    if (!review || !draft) return;
    await submit.run(
      () => {
        setFieldErrors({});
        return call('imports.protocol.save', toSaveInput(review, matches, keep, { naam: draft.bestandsnaam, sha256: draft.sha256 }));
      },
      {
        error: setError,
        refusal: (e) => {
          setFieldErrors(e.fields ?? {});
          // A fault in a rule or a date is corrected in the review.
          if (e.field && e.field !== 'bestand') setStep('review');
          return e.message;
        },
        onSuccess: (v) => {
          setSaved(v);
          setStep('klaar');
          onSaved?.();
        },
      },
    );
  };

  const voortgezet = saved ? saved.secties.flatMap((s) => s.regels).filter((r) => r.vorigeRegelId !== null).length : 0;

  return (
    <Stack gap="md">
      <WizardHeader
        help={t('protocol.help')}
        steps={STEPS.map((s) => t(`protocol.steps.${s}`))}
        active={STEPS.indexOf(step)}
        error={error}
        errorTestId="protocol-fout"
      />

      {step === 'kies' && (
        <ChooseFile
          accept=".docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          busy={busy}
          onChoose={(f) => void choose(f)}
        />
      )}

      {step === 'review' && review && draft && (
        <>
          <Text size="sm">{t('file.chosen', { naam: draft.bestandsnaam })}</Text>
          <ProtocolReview review={review} onChange={setReview} errors={fieldErrors} />
          <Text size="sm" c="dimmed">
            {t('protocol.checkHelp')}
          </Text>
          <Group>
            <Button variant="default" onClick={reset}>
              {t('file.other')}
            </Button>
            <Button onClick={() => void compare()} loading={busy}>
              {t('protocol.check')}
            </Button>
          </Group>
        </>
      )}

      {step === 'controle' && review && match && (
        <Stack gap="sm">
          <Alert color="blue" variant="light">
            {match.vorigeVersie
              ? t('protocol.previous', { versie: match.vorigeVersie.versie, datum: shortDate(match.vorigeVersie.ingangsdatum) })
              : t('protocol.noPrevious')}
          </Alert>
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="protocol-vergelijking">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('plan.nummer')}</Table.Th>
                <Table.Th>{t('protocol.regelTekst')}</Table.Th>
                <Table.Th w={330}>{t('protocol.continues')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.secties.flatMap((s) =>
                s.regels.map((r) => {
                  const m = matches.get(r.key);
                  const name = `${s.nummer}.${r.nummer}`;
                  return (
                    <Table.Tr key={r.key}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {r.tekst}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {m?.vorigeRegelId ? (
                          <Checkbox
                            checked={keep.has(r.key)}
                            onChange={(e) => {
                              const checked = e.currentTarget.checked;
                              setKeep((k) => {
                                const next = new Set(k);
                                if (checked) next.add(r.key);
                                else next.delete(r.key);
                                return next;
                              });
                            }}
                            aria-label={t('protocol.keep', { nummer: m.vorigNummer, name })}
                            label={
                              <span>
                                {m.vorigNummer}{' '}
                                <Badge size="xs" variant="light">
                                  {t(`protocol.reden.${m.reden}`)}
                                </Badge>
                              </span>
                            }
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('protocol.nieuw')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                }),
              )}
            </Table.Tbody>
          </Table>
          {match.vervallen.length > 0 && (
            <>
              <Text fw={600} size="sm">
                {t('protocol.vervallen', { count: match.vervallen.length })}
              </Text>
              <Table verticalSpacing={2} fz="sm">
                <Table.Tbody>
                  {match.vervallen.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td w={70}>{v.volledigNummer}</Table.Td>
                      <Table.Td>{v.tekst}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          <Group>
            <Button variant="default" onClick={() => setStep('review')}>
              {t('roster.back')}
            </Button>
            <Button onClick={() => void save()} loading={busy}>
              {t('protocol.save')}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 'klaar' && saved && (
        <Stack gap="sm">
          <Alert color="teal" data-testid="protocol-klaar">
            {t('protocol.saved', { titel: saved.titel, versie: saved.versie, regels: saved.aantalRegels, voortgezet })}
          </Alert>
          <Group>
            <Button variant="default" onClick={reset}>
              {t('protocol.again')}
            </Button>
            <Button onClick={() => navigate('/instellingen/protocollen')}>{t('protocol.toProtocols')}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
