// Edits one protocol version: title, version, dates (in force from, adopted, MR consent) and its
// sections with numbered rules: add, remove, reorder, retype. The core keeps rules that incidents
// cite (it refuses their removal with a clear message).
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ProtocolVersion, ProtocolInput } from '@shared/api/protocols';
import { useFormState, str } from '../useFormState';
import { useUnsavedGuard } from '../router';
import { DateField, SaveError } from '../fields';

interface RuleV {
  key: string;
  id?: number;
  nummer: string;
  tekst: string;
}
interface SectionV {
  key: string;
  nummer: string;
  titel: string;
  regels: RuleV[];
}
export interface ProtocolValues {
  titel: string;
  versie: string;
  ingangsdatum: string;
  vastgesteldOp: string;
  mrInstemmingOp: string;
  notities: string;
  secties: SectionV[];
}

let seq = 0;
const key = () => `k${++seq}`;

/** Values from a stored version; `copy` keeps rule ids so the new version continues the old rules. */
export function protocolValues(p: ProtocolVersion | null, copy = false): ProtocolValues {
  if (!p)
    return {
      titel: '',
      versie: '',
      ingangsdatum: '',
      vastgesteldOp: '',
      mrInstemmingOp: '',
      notities: '',
      secties: [{ key: key(), nummer: '1', titel: '', regels: [] }],
    };
  return {
    titel: p.titel,
    versie: copy ? '' : p.versie,
    ingangsdatum: copy ? '' : p.ingangsdatum,
    vastgesteldOp: copy ? '' : str(p.vastgesteldOp),
    mrInstemmingOp: copy ? '' : str(p.mrInstemmingOp),
    notities: str(p.notities),
    secties: p.secties.map((s) => ({
      key: key(),
      nummer: str(s.nummer),
      titel: s.titel,
      regels: s.regels.map((r) => ({ key: key(), id: r.id, nummer: r.nummer, tekst: r.tekst })),
    })),
  };
}

function toInput(v: ProtocolValues): ProtocolInput {
  return {
    titel: v.titel,
    versie: v.versie,
    ingangsdatum: v.ingangsdatum,
    vastgesteldOp: v.vastgesteldOp,
    mrInstemmingOp: v.mrInstemmingOp,
    notities: v.notities,
    secties: v.secties.map((s) => ({
      nummer: s.nummer,
      titel: s.titel,
      regels: s.regels.map((r) => ({ ...(r.id ? { id: r.id } : {}), nummer: r.nummer, tekst: r.tekst })),
    })),
  };
}

const move = <T,>(list: T[], i: number, d: -1 | 1): T[] => {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
};

interface Props {
  /** The stored version being edited, or null for a new one. */
  version: ProtocolVersion | null;
  initial: ProtocolValues;
  onSaved: (p: ProtocolVersion) => void;
  onCancel: () => void;
  /** Told when the editor gets or loses unsaved changes (so the page can ask before replacing it). */
  onDirtyChange?: (dirty: boolean) => void;
  /** Shown to read (a role that may read protocols but not change them): every field disabled, no save. */
  readOnly?: boolean;
}

export function ProtocolEditor({ version, initial, onSaved, onCancel, onDirtyChange, readOnly = false }: Props) {
  const { t } = useTranslation('settings');
  const f = useFormState<ProtocolValues>(initial, () => true);
  const submit = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  useUnsavedGuard(f.dirty);
  useEffect(() => {
    onDirtyChange?.(f.dirty);
    return () => onDirtyChange?.(false);
  }, [f.dirty, onDirtyChange]);
  const v = f.values;

  const setSecties = (fn: (s: SectionV[]) => SectionV[]) => f.setValues((x) => ({ ...x, secties: fn(x.secties) }));
  const setSection = (i: number, patch: Partial<SectionV>) => setSecties((ss) => ss.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setRules = (i: number, fn: (r: RuleV[]) => RuleV[]) =>
    setSecties((ss) => ss.map((s, j) => (j === i ? { ...s, regels: fn(s.regels) } : s)));

  const save = () => {
    const input = toInput(f.values);
    return submit.run(() => (version ? call('protocols.update', { ...input, id: version.id }) : call('protocols.create', input)), {
      form: f,
      error: setFormError,
      fieldsShown: t('protocols.checkFields'),
      saved: (p) => t('protocols.saved', { titel: p.titel, versie: p.versie }),
      onSuccess: (p) => {
        f.reset(protocolValues(p));
        onSaved(p);
      },
    });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void save();
      }}
    >
      {/* Read-only: a disabled fieldset disables every field and button inside it at once. */}
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="md">
          <SaveError error={formError} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput
              label={t('protocols.fields.titel')}
              value={v.titel}
              onChange={(e) => f.set('titel', e.currentTarget.value)}
              error={f.err('titel')}
              required
            />
            <TextInput
              label={t('protocols.fields.versie')}
              value={v.versie}
              onChange={(e) => f.set('versie', e.currentTarget.value)}
              error={f.err('versie')}
              required
            />
            <DateField
              label={t('protocols.fields.ingangsdatum')}
              description={t('protocols.hints.ingangsdatum')}
              value={v.ingangsdatum}
              onChange={(d) => f.set('ingangsdatum', d)}
              error={f.err('ingangsdatum')}
              required
            />
            <DateField
              label={t('protocols.fields.vastgesteldOp')}
              value={v.vastgesteldOp}
              onChange={(d) => f.set('vastgesteldOp', d)}
              error={f.err('vastgesteldOp')}
            />
            <DateField
              label={t('protocols.fields.mrInstemmingOp')}
              value={v.mrInstemmingOp}
              onChange={(d) => f.set('mrInstemmingOp', d)}
              error={f.err('mrInstemmingOp')}
            />
          </SimpleGrid>
          <Textarea
            label={t('protocols.fields.notities')}
            value={v.notities}
            onChange={(e) => f.set('notities', e.currentTarget.value)}
            error={f.err('notities')}
            autosize
            minRows={1}
          />
          {f.err('secties') && (
            <Text c="red.9" size="sm">
              {f.err('secties')}
            </Text>
          )}
          {v.secties.map((s, i) => {
            const sname = s.titel || t('protocols.sectionN', { n: i + 1 });
            return (
              <Paper key={s.key} withBorder p="sm" bg="gray.0" role="group" aria-label={sname}>
                <Group align="flex-end" gap="sm" wrap="nowrap">
                  <TextInput
                    label={t('protocols.fields.sectieNummer')}
                    value={s.nummer}
                    onChange={(e) => setSection(i, { nummer: e.currentTarget.value })}
                    error={f.err(`secties.${i}.nummer`)}
                    w={90}
                  />
                  <TextInput
                    label={t('protocols.fields.sectieTitel')}
                    value={s.titel}
                    onChange={(e) => setSection(i, { titel: e.currentTarget.value })}
                    error={f.err(`secties.${i}.titel`)}
                    style={{ flex: 1 }}
                    required
                  />
                  <Group gap={4} wrap="nowrap" mb={4}>
                    <Tooltip label={t('protocols.up')}>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={t('protocols.sectionUp', { name: sname })}
                        onClick={() => setSecties((ss) => move(ss, i, -1))}
                        disabled={i === 0}
                      >
                        ↑
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('protocols.down')}>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={t('protocols.sectionDown', { name: sname })}
                        onClick={() => setSecties((ss) => move(ss, i, 1))}
                        disabled={i === v.secties.length - 1}
                      >
                        ↓
                      </ActionIcon>
                    </Tooltip>
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => setSecties((ss) => ss.filter((_, j) => j !== i))}
                      aria-label={t('protocols.removeSection', { name: sname })}
                    >
                      {t('common:actions.remove')}
                    </Button>
                  </Group>
                </Group>
                <Stack gap={6} mt="sm" pl="md">
                  {s.regels.map((r, k) => {
                    const rname = `${s.nummer ? `${s.nummer}.` : ''}${r.nummer || k + 1}`;
                    return (
                      <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap">
                        <TextInput
                          label={k === 0 ? t('protocols.fields.regelNummer') : undefined}
                          aria-label={t('protocols.ruleNumberOf', { name: rname })}
                          value={r.nummer}
                          onChange={(e) => {
                            // Read now: React may run the updater after the event, when currentTarget is gone.
                            const nummer = e.currentTarget.value;
                            setRules(i, (rs) => rs.map((x, j) => (j === k ? { ...x, nummer } : x)));
                          }}
                          error={f.err(`secties.${i}.regels.${k}.nummer`)}
                          w={90}
                        />
                        <Textarea
                          label={k === 0 ? t('protocols.fields.regelTekst') : undefined}
                          aria-label={t('protocols.ruleTextOf', { name: rname })}
                          value={r.tekst}
                          onChange={(e) => {
                            const tekst = e.currentTarget.value;
                            setRules(i, (rs) => rs.map((x, j) => (j === k ? { ...x, tekst } : x)));
                          }}
                          error={f.err(`secties.${i}.regels.${k}.tekst`)}
                          autosize
                          minRows={1}
                          style={{ flex: 1 }}
                        />
                        <Group gap={4} wrap="nowrap" mt={k === 0 ? 25 : 0}>
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('protocols.ruleUp', { name: rname })}
                            onClick={() => setRules(i, (rs) => move(rs, k, -1))}
                            disabled={k === 0}
                          >
                            ↑
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('protocols.ruleDown', { name: rname })}
                            onClick={() => setRules(i, (rs) => move(rs, k, 1))}
                            disabled={k === s.regels.length - 1}
                          >
                            ↓
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="lg"
                            aria-label={t('protocols.removeRule', { name: rname })}
                            onClick={() => setRules(i, (rs) => rs.filter((_, j) => j !== k))}
                          >
                            ✕
                          </ActionIcon>
                        </Group>
                      </Group>
                    );
                  })}
                  {f.err(`secties.${i}.regels`) && (
                    <Text c="red.9" size="sm">
                      {f.err(`secties.${i}.regels`)}
                    </Text>
                  )}
                  <Group>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setRules(i, (rs) => [...rs, { key: key(), nummer: String(rs.length + 1), tekst: '' }])}
                    >
                      {t('protocols.addRule')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </fieldset>
      <Group justify="space-between" mt="md">
        {readOnly ? (
          <span />
        ) : (
          <Button
            variant="light"
            onClick={() => setSecties((ss) => [...ss, { key: key(), nummer: String(ss.length + 1), titel: '', regels: [] }])}
          >
            {t('protocols.addSection')}
          </Button>
        )}
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.close')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={submit.busy}>
              {t('common:actions.save')}
            </Button>
          )}
        </Group>
      </Group>
    </form>
  );
}
