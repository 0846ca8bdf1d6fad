// Review and correction of an imported protocol before it is saved: title, version and dates;
// every section (number, title) and rule (number, text) editable; merge, split and renumber rules
// and sections through each one's action menu. Text that was not taken as a rule is listed with
// the reason, context (introduction, purpose, examples, definitions) apart from the rest, and can
// still be added as a rule.
import { useRef } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Accordion,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../fields';
import type { Review } from './protocolDraft';
import {
  addRule,
  addSkippedAsRule,
  defaultSplitAt,
  duplicateNumbers,
  isContext,
  mergeRuleUp,
  mergeSectionUp,
  removeRule,
  removeSection,
  renumberRules,
  renumberSections,
  sectionForLine,
  setRule,
  setSection,
  splitRule,
  splitSection,
} from './protocolDraft';

interface Props {
  review: Review;
  onChange: (r: Review) => void;
  /** Field errors from the save, keyed as the API names them (e.g. "secties.2.regels.1.nummer"). */
  errors?: Record<string, string>;
}

export function ProtocolReview({ review, onChange, errors = {} }: Props) {
  const { t } = useTranslation('imports');
  /** The cursor position in each rule's text, for "split at the cursor". */
  const cursor = useRef(new Map<string, number>());
  const dupes = duplicateNumbers(review);
  const set = (patch: Partial<Review>) => onChange({ ...review, ...patch });
  const sectionOptions = review.secties.map((s, i) => ({
    value: String(i),
    label: `${s.nummer ? `${s.nummer}. ` : ''}${s.titel}`.slice(0, 80),
  }));

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" component="section" aria-label={t('protocol.meta')}>
        <Title order={4} size="h5" mb="xs">
          {t('protocol.meta')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label={t('protocol.fields.titel')}
            value={review.titel}
            onChange={(e) => set({ titel: e.currentTarget.value })}
            error={errors.titel}
            required
          />
          <TextInput
            label={t('protocol.fields.versie')}
            value={review.versie}
            onChange={(e) => set({ versie: e.currentTarget.value })}
            error={errors.versie}
            required
          />
          <DateField
            label={t('protocol.fields.ingangsdatum')}
            value={review.ingangsdatum}
            onChange={(d) => set({ ingangsdatum: d })}
            error={errors.ingangsdatum}
            required
          />
          <DateField
            label={t('protocol.fields.vastgesteldOp')}
            value={review.vastgesteldOp}
            onChange={(d) => set({ vastgesteldOp: d })}
            error={errors.vastgesteldOp}
          />
          <DateField
            label={t('protocol.fields.mrInstemmingOp')}
            value={review.mrInstemmingOp}
            onChange={(d) => set({ mrInstemmingOp: d })}
            error={errors.mrInstemmingOp}
          />
        </SimpleGrid>
      </Paper>

      <Group justify="space-between">
        <Text size="sm">
          {t('protocol.found', { secties: review.secties.length, regels: review.secties.reduce((n, s) => n + s.regels.length, 0) })}
        </Text>
        <Button size="xs" variant="light" onClick={() => onChange(renumberSections(review))}>
          {t('protocol.renumberSections')}
        </Button>
      </Group>

      {review.secties.map((s, i) => {
        const sname = `${s.nummer || i + 1}`;
        return (
          <Paper
            key={s.key}
            withBorder
            p="sm"
            bg="gray.0"
            role="group"
            aria-label={t('protocol.sectie', { nummer: `${sname} ${s.titel}` })}
          >
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={t('protocol.sectieNummer')}
                aria-label={t('protocol.sectionNumberOf', { name: sname })}
                value={s.nummer}
                onChange={(e) => onChange(setSection(review, i, { nummer: e.currentTarget.value }))}
                error={errors[`secties.${i}.nummer`]}
                w={80}
              />
              <TextInput
                label={t('protocol.sectieTitel')}
                aria-label={t('protocol.sectionTitleOf', { name: sname })}
                value={s.titel}
                onChange={(e) => onChange(setSection(review, i, { titel: e.currentTarget.value }))}
                error={errors[`secties.${i}.titel`]}
                style={{ flex: 1 }}
              />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    mb={errors[`secties.${i}.titel`] ? 22 : 0}
                    aria-label={t('protocol.sectionActions', { name: sname })}
                  >
                    ⋯
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => onChange(renumberRules(review, i))}>{t('protocol.renumberRules')}</Menu.Item>
                  <Menu.Item disabled={i === 0} onClick={() => onChange(mergeSectionUp(review, i))}>
                    {t('protocol.mergeSection')}
                  </Menu.Item>
                  <Menu.Item color="red" onClick={() => onChange(removeSection(review, i))}>
                    {t('protocol.removeSection')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
            <Stack gap={6} mt="sm" pl="md">
              {s.regels.map((r, k) => {
                const rname = `${s.nummer ? `${s.nummer}.` : ''}${r.nummer || k + 1}`;
                const dup = dupes.has(`${s.key}:${r.nummer}`);
                return (
                  <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap">
                    <TextInput
                      aria-label={t('protocol.ruleNumberOf', { name: rname })}
                      value={r.nummer}
                      onChange={(e) => onChange(setRule(review, i, k, { nummer: e.currentTarget.value }))}
                      error={errors[`secties.${i}.regels.${k}.nummer`] ?? (dup ? t('protocol.duplicate') : undefined)}
                      w={70}
                    />
                    <Textarea
                      aria-label={t('protocol.ruleTextOf', { name: rname })}
                      value={r.tekst}
                      onChange={(e) => onChange(setRule(review, i, k, { tekst: e.currentTarget.value }))}
                      onSelect={(e) => cursor.current.set(r.key, e.currentTarget.selectionStart)}
                      error={errors[`secties.${i}.regels.${k}.tekst`]}
                      autosize
                      minRows={1}
                      style={{ flex: 1 }}
                    />
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="default" size="lg" aria-label={t('protocol.ruleActions', { name: rname })}>
                          ⋯
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item disabled={k === 0} onClick={() => onChange(mergeRuleUp(review, i, k))}>
                          {t('protocol.mergeRule')}
                        </Menu.Item>
                        <Menu.Item
                          onClick={() => {
                            const at = cursor.current.get(r.key);
                            onChange(
                              splitRule(review, i, k, at !== undefined && at > 0 && at < r.tekst.length ? at : defaultSplitAt(r.tekst)),
                            );
                          }}
                        >
                          {t('protocol.splitRule')}
                        </Menu.Item>
                        <Menu.Item disabled={k === 0} onClick={() => onChange(splitSection(review, i, k, t('protocol.newSectionTitle')))}>
                          {t('protocol.splitSection')}
                        </Menu.Item>
                        <Menu.Item color="red" onClick={() => onChange(removeRule(review, i, k))}>
                          {t('protocol.removeRule')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                );
              })}
              <Group>
                <Button size="xs" variant="light" onClick={() => onChange(addRule(review, i))}>
                  {t('protocol.addRule')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}

      {review.overgeslagen.length > 0 && (
        <Accordion variant="contained" multiple>
          {(['context', 'rest'] as const).map((group) => {
            const items = review.overgeslagen.filter((o) => isContext(o.reden) === (group === 'context'));
            if (items.length === 0) return null;
            return (
              <Accordion.Item key={group} value={group}>
                <Accordion.Control>{t(`protocol.skipped.${group}`, { count: items.length })}</Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t(`protocol.skippedHelp.${group}`)}
                  </Text>
                  <Stack gap="xs">
                    {items.map((o) => (
                      <SkippedItem
                        key={o.key}
                        regel={o.regel}
                        tekst={o.tekst}
                        reden={t(`protocol.skippedReden.${o.reden}`)}
                        defaultSection={sectionForLine(review, o.regel)}
                        options={sectionOptions}
                        onAdd={(i) => onChange(addSkippedAsRule(review, o.key, i))}
                      />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}

function SkippedItem(props: {
  regel: number;
  tekst: string;
  /** Why the app did not take it as a rule, in plain Dutch. */
  reden: string;
  defaultSection: number;
  options: { value: string; label: string }[];
  onAdd: (i: number) => void;
}) {
  const { t } = useTranslation('imports');
  const target = useRef(String(props.defaultSection));
  return (
    <Paper withBorder p="xs">
      <Text size="xs" fw={600} c="dimmed">
        {props.reden}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <Text span c="dimmed" size="xs" mr={6}>
          {props.regel}
        </Text>
        {props.tekst}
      </Text>
      {props.options.length > 0 && (
        <Group gap="xs" mt={6} align="flex-end">
          <Select
            size="xs"
            aria-label={t('protocol.addToOf', { regel: props.regel })}
            defaultValue={target.current}
            data={props.options}
            onChange={(v) => {
              if (v !== null) target.current = v;
            }}
            allowDeselect={false}
            w={320}
            comboboxProps={{ withinPortal: true }}
          />
          <Button size="xs" variant="light" onClick={() => props.onAdd(Number(target.current))}>
            {t('protocol.add')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
