// The protocol rules an incident broke, from the version in force on the incident date
// (protocols.inForce); fetched again when that date changes. The rules that fit the chosen
// category are offered with a button (protocols.suggestRules), never ticked for the user. The
// principles ("Uitgangspunten") are shown as context, without a tick box: nobody breaks them.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Paper, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { ProtocolRule, ProtocolVersion } from '@shared/api/protocols';
import { longDate } from '../format';

interface Props {
  datum: string;
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
  /** Rules already cited (edit mode), shown even when the date now points at another version. */
  cited?: { id: number; volledigNummer: string; tekst: string }[];
  /** The incident's category, for the suggestions. */
  categorie?: { code: string; label: string } | null;
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

export function RulePicker({ datum, value, onChange, error, cited = [], categorie = null }: Props) {
  const { t } = useTranslation('incidents');
  const [protocol, setProtocol] = useState<ProtocolVersion | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [suggested, setSuggested] = useState<number[]>([]);

  useEffect(() => {
    if (!isDate(datum)) {
      setProtocol(undefined);
      return;
    }
    let live = true;
    void call('protocols.inForce', { datum }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setProtocol(r.value);
        setLoadError(null);
      } else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [datum]);

  const code = categorie?.code ?? '';
  useEffect(() => {
    setSuggested([]);
    if (!code || !isDate(datum)) return;
    let live = true;
    // A suggestion is a help, not a must: when it fails the picker works as before.
    void call('protocols.suggestRules', { datum, categorie: code }).then((r) => live && r.ok && setSuggested(r.value));
    return () => {
      live = false;
    };
  }, [datum, code]);

  const ruleIds = useMemo(() => new Set(protocol?.secties.flatMap((s) => s.regels.map((r) => r.id)) ?? []), [protocol]);
  // Cited rules of another version (the date moved): shown so they can be unticked, not lost silently.
  const foreign = cited.filter((r) => value.includes(r.id) && protocol !== undefined && !ruleIds.has(r.id));
  const all = protocol?.secties.flatMap((s) => s.regels) ?? [];
  const chosen = all.filter((r) => value.includes(r.id));
  const open = all.filter((r) => suggested.includes(r.id) && !value.includes(r.id));
  const q = filter.trim().toLowerCase();
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));

  if (loadError) return <Alert color="red">{loadError}</Alert>;
  if (protocol === undefined && isDate(datum)) return <Loader size="sm" aria-label={t('common:loading')} />;

  return (
    <Stack gap="xs">
      {protocol ? (
        <Text size="sm" c="dimmed">
          {t('rules.inForce', { titel: protocol.titel, versie: protocol.versie, datum: longDate(protocol.ingangsdatum) })}
        </Text>
      ) : (
        <Alert color="yellow" variant="light">
          {t('rules.noProtocol')}
        </Alert>
      )}
      {foreign.length > 0 && (
        <Alert color="yellow" variant="light" title={t('rules.otherVersion')}>
          {foreign.map((r) => (
            <Checkbox key={r.id} mt={4} checked label={`${r.volledigNummer} ${r.tekst}`} onChange={() => toggle(r.id, false)} />
          ))}
        </Alert>
      )}
      {chosen.length > 0 && (
        <Stack gap={2} data-testid="gekozen-regels">
          <Text size="sm" fw={600}>
            {t('rules.chosen', { count: chosen.length })}
          </Text>
          {chosen.map((r) => (
            <Text key={r.id} size="sm" className="sp-rule-text" lineClamp={2}>
              <strong>{r.volledigNummer}</strong> {r.tekst}
            </Text>
          ))}
        </Stack>
      )}
      {open.length > 0 && categorie && (
        <Paper withBorder p="sm" data-testid="voorgestelde-regels">
          <Text size="sm" fw={600}>
            {t('rules.suggested', { categorie: categorie.label })}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('rules.suggestedHint')}
          </Text>
          <Stack gap={6}>
            {open.map((r) => (
              <Group key={r.id} gap="sm" wrap="nowrap" align="flex-start">
                <Button
                  size="compact-sm"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  onClick={() => toggle(r.id, true)}
                  aria-label={t('rules.addSuggestedLabel', { nummer: r.volledigNummer })}
                >
                  {t('rules.addSuggested')}
                </Button>
                <Text size="sm" className="sp-rule-text" lineClamp={2} title={r.tekst} miw={0}>
                  <strong>{r.volledigNummer}</strong> {r.tekst}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {protocol && (
        <>
          <TextInput
            label={t('rules.filter')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={320}
            size="xs"
            type="search"
          />
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap={6} role="group" aria-label={t('fields.regels')} data-testid="regels">
              {protocol.secties.map((s) => {
                const regels = s.regels.filter((r) => !q || `${r.volledigNummer} ${r.tekst}`.toLowerCase().includes(q));
                if (!regels.length) return null;
                if (s.uitgangspunten)
                  return (
                    <Principles
                      key={s.id}
                      titel={[s.nummer, s.titel].filter(Boolean).join('. ')}
                      regels={regels}
                      value={value}
                      onUntick={(id) => toggle(id, false)}
                    />
                  );
                return (
                  <div key={s.id}>
                    <Title order={4} size="h6" mt={6} mb={4}>
                      {[s.nummer, s.titel].filter(Boolean).join('. ')}
                    </Title>
                    {regels.map((r) => (
                      <Checkbox
                        key={r.id}
                        mb={4}
                        checked={value.includes(r.id)}
                        onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                        label={
                          <span className="sp-rule-text">
                            <strong>{r.volledigNummer}</strong> {r.tekst}
                          </span>
                        }
                      />
                    ))}
                  </div>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
      {error && (
        <Text size="sm" c="red.9">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The principles: read-only text. A principle ticked in an older incident can still be unticked. */
function Principles({
  titel,
  regels,
  value,
  onUntick,
}: {
  titel: string;
  regels: ProtocolRule[];
  value: number[];
  onUntick: (id: number) => void;
}) {
  const { t } = useTranslation('incidents');
  return (
    <div data-testid="uitgangspunten">
      <Title order={4} size="h6" mt={6} mb={2}>
        {t('rules.principles', { titel })}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('rules.principlesHint')}
      </Text>
      {regels.map((r) =>
        value.includes(r.id) ? (
          <Checkbox
            key={r.id}
            mb={4}
            checked
            onChange={() => onUntick(r.id)}
            label={
              <span className="sp-rule-text">
                <strong>{r.volledigNummer}</strong> {r.tekst}
              </span>
            }
          />
        ) : (
          <Text key={r.id} size="sm" mb={4} className="sp-rule-text">
            <strong>{r.volledigNummer}</strong> {r.tekst}
          </Text>
        ),
      )}
    </div>
  );
}
