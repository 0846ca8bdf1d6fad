// One obligation: what must happen, by whom, by when, why (the basis in plain Dutch, then the
// articles it rests on), where it belongs (incident, dossier), and the actions to settle it right
// here. Overdue is red, due this week orange, settled green: the core says which (`urgentie`, the
// same week as the Overzicht). A warning about a decision as recorded (not a step to take) stands out
// in yellow with "Let op" and is settled as "seen and weighed". In the English UI the core's English
// title, actor and article texts are shown; the plain-Dutch basis stays Dutch, marked as such.
import { useId, useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Obligation } from '@shared/api/obligations';
import { useApp } from '../AppContext';
import { shortDate } from '../format';
import { notifyError } from '../notify';
import { DoneForm, NvtForm } from './DoneForm';
import { keepNumbers } from '../incidentNumber';
import { DutchNote, isDutchUi } from '../DutchNote';
import { can } from '../../server/can';

export type Tone = 'red' | 'orange' | 'gray' | 'green';

/**
 * The task's title in the UI language (English where the core has it). On a warning without "Let op":
 * the badge says it; the core's title may say it too (the command line shows no badge).
 */
export function obligationTitle(o: Obligation, language: string): { text: string; lang: 'nl' | 'en' } {
  const t = inUiLanguage(language, o.titel, o.titelEn);
  return o.waarschuwing ? { ...t, text: t.text.replace(/^let op:\s*/i, '').replace(/^./, (c) => c.toUpperCase()) } : t;
}

export function toneOf(o: Obligation): Tone {
  if (o.status !== 'open') return 'green';
  if (o.urgentie === 'te_laat') return 'red';
  return o.urgentie === 'deze_week' ? 'orange' : 'gray';
}

/** The core's text in the UI language where it has one, with the language it is in (for `lang`). */
export function inUiLanguage(language: string, nl: string, en: string | null | undefined): { text: string; lang: 'nl' | 'en' } {
  return !isDutchUi(language) && en ? { text: en, lang: 'en' } : { text: nl, lang: 'nl' };
}

function DueBadge({ o, today }: { o: Obligation; today: string }) {
  const { t } = useTranslation('obligations');
  // Pale teal filled with dark text: the light variant's teal text misses AA contrast.
  if (o.status !== 'open')
    return (
      <Badge color="teal.1" variant="filled" autoContrast>
        {o.waarschuwing && o.status === 'gedaan' ? t('item.statusGezien') : t(`item.status.${o.status}`)}
      </Badge>
    );
  if (o.teLaat)
    return (
      <Badge color="red.9" variant="filled">
        {t('item.teLaatSinds', { datum: shortDate(o.teLaatVanaf) })}
      </Badge>
    );
  if (!o.uiterlijk)
    return (
      <Badge color="gray" variant="light">
        {t('item.geenTermijn')}
      </Badge>
    );
  if (o.uiterlijk === today)
    return (
      <Badge color="orange.3" variant="filled" autoContrast>
        {t('item.vandaag')}
      </Badge>
    );
  if (!o.teLaatVanaf && o.uiterlijk < today)
    return (
      <Badge color="gray" variant="light">
        {t('item.verstreken', { datum: shortDate(o.uiterlijk) })}
      </Badge>
    );
  if (!o.teLaatVanaf)
    return (
      <Badge color="gray" variant="light">
        {t('item.mijlpaal', { datum: shortDate(o.uiterlijk) })}
      </Badge>
    );
  // Filled light orange with dark text: orange text on a pale background misses AA contrast.
  if (toneOf(o) === 'orange')
    return (
      <Badge color="orange.2" variant="filled" autoContrast>
        {t('item.uiterlijk', { datum: shortDate(o.uiterlijk) })}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      {t('item.uiterlijk', { datum: shortDate(o.uiterlijk) })}
    </Badge>
  );
}

/**
 * The plain-Dutch basis (two lines, all of it when opened), and the "Grondslag" line naming each
 * article; opened, each article with what it says and where to read it. The app opens no web
 * pages, so the address is plain text to select and copy.
 */
function Basis({ o }: { o: Obligation }) {
  const { t, i18n } = useTranslation('obligations');
  const [open, setOpen] = useState(false);
  const id = useId();
  const citaten = o.bronnen.map((b) => b.citaat).join(' · ');
  return (
    <Stack gap={2}>
      <Text size="sm" className="sp-wrap" lineClamp={open || o.waarschuwing ? undefined : 2}>
        <span lang="nl">{o.grondslag}</span> <DutchNote />
      </Text>
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="left"
        onClick={() => setOpen((x) => !x)}
        aria-expanded={open}
        aria-controls={id}
        data-testid="grondslag"
      >
        {(citaten ? t('item.bronnen', { bronnen: citaten }) : t('item.grondslag')) + (open ? ' ▴' : ' ▾')}
      </Anchor>
      <Stack id={id} gap={6} mt={4} display={open ? undefined : 'none'}>
        {o.bronnen.map((b) => {
          const kern = inUiLanguage(i18n.language, b.kern, b.kernEn);
          return (
            <Box key={b.id} data-testid="bron">
              <Text size="sm" className="sp-wrap">
                <Text span fw={600} size="sm" lang="nl">
                  {b.citaat}
                </Text>
                {': '}
                <span lang={kern.lang} data-testid="bron-kern">
                  {kern.text}
                </span>
                {kern.lang === 'nl' && (
                  <>
                    {' '}
                    <DutchNote />
                  </>
                )}
              </Text>
              {b.url && (
                <Text size="xs" c="dimmed" style={{ userSelect: 'text', overflowWrap: 'anywhere' }}>
                  {t('item.bronUrl', { url: b.url })}
                </Text>
              )}
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}

const BORDER: Record<Tone, string> = {
  red: 'var(--mantine-color-red-7)',
  orange: 'var(--mantine-color-orange-6)',
  gray: 'var(--mantine-color-gray-4)',
  green: 'var(--mantine-color-teal-6)',
};

export function ObligationItem({
  o,
  onChanged,
  showSource = true,
}: {
  o: Obligation;
  /** Lists refresh by themselves after any write (useLoad); this is for hosts that do more. */
  onChanged?: (o: Obligation) => void;
  showSource?: boolean;
}) {
  const { t, i18n } = useTranslation('obligations');
  const { status } = useApp();
  const today = status?.vandaag ?? '';
  const [mode, setMode] = useState<'none' | 'done' | 'nvt'>('none');
  const tone = toneOf(o);
  const warn = o.waarschuwing;
  const shown = obligationTitle(o, i18n.language);
  const actor = inUiLanguage(i18n.language, o.actor, o.actorEn);
  const titel = shown.text;

  const reopen = async () => {
    const r = await call('obligations.reopen', { id: o.id });
    if (r.ok) onChanged?.(r.value);
    else notifyError(r.error.message);
  };
  const done = (x: Obligation) => {
    setMode('none');
    onChanged?.(x);
  };

  return (
    <Paper
      withBorder
      p="sm"
      bg={warn ? 'var(--mantine-color-yellow-0)' : undefined}
      style={{
        ...(warn ? { borderColor: 'var(--mantine-color-yellow-5)' } : {}),
        borderLeft: `4px solid ${warn && o.status === 'open' ? 'var(--mantine-color-orange-6)' : BORDER[tone]}`,
      }}
      data-testid="verplichting"
      data-regel={o.regel}
      data-status={o.status}
      data-urgentie={o.urgentie}
      data-waarschuwing={warn || undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            {warn && (
              // Yellow filled with dark text: a pale badge with coloured text misses AA contrast.
              <Badge color="yellow.4" variant="filled" autoContrast leftSection="⚠">
                {t('item.letOp')}
              </Badge>
            )}
            <Text fw={600} className="sp-wrap" lang={shown.lang} data-testid="verplichting-titel">
              {titel}
            </Text>
            {shown.lang === 'nl' && <DutchNote />}
            {o.urgent && o.status === 'open' && (
              <Badge color="red" variant="light">
                {t('item.urgent')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <DueBadge o={o} today={today} />
            {o.status === 'open' && o.teLaatVanaf && !o.teLaat && o.uiterlijk && o.uiterlijk !== o.teLaatVanaf && (
              <Text size="sm" c="dimmed">
                {t('item.teLaatVanaf', { datum: shortDate(o.teLaatVanaf) })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('item.actorLabel')} <span lang={actor.lang}>{actor.text}</span>
            </Text>
          </Group>
          {showSource && (o.incidentId || o.personId) && (
            <Group gap="md">
              {o.incidentId && o.incidentNummer && (
                <Anchor href={`#/meldingen/${o.incidentId}`} size="sm">
                  {keepNumbers(t('item.naarMelding', { nummer: o.incidentNummer }))}
                </Anchor>
              )}
              {o.personId && o.persoonNaam && (
                <Anchor href={`#/personen/${o.personId}/dossier`} size="sm">
                  {t('item.naarDossier', { naam: o.persoonNaam })}
                </Anchor>
              )}
              {!o.personId && o.persoonNaam && (
                <Text size="sm" c="dimmed">
                  {o.persoonNaam}
                </Text>
              )}
            </Group>
          )}
          <Basis o={o} />
          {o.status === 'gedaan' && (
            <Text size="sm" data-testid="gedaan-door">
              {t(`item.${warn ? 'gezien' : 'gedaan'}${o.gedaanDoor ? '' : 'ZonderDoor'}`, {
                datum: `${shortDate(o.gedaanOp)}${o.gedaanTijd ? ` ${o.gedaanTijd}` : ''}`,
                door: o.gedaanDoor,
              })}
              {o.uitkomst ? ` · ${t(`item.uitkomst.${o.uitkomst}`)}` : ''}
              {o.toelichting ? ` · ${o.toelichting}` : ''}
            </Text>
          )}
          {o.status === 'nvt' && (
            <Text size="sm">
              {t('item.nvt', { reden: o.nvtReden ?? '' })}
              {o.gedaanDoor ? ` (${t('item.nvtDoor', { door: o.gedaanDoor, datum: shortDate(o.gedaanOp) })})` : ''}
            </Text>
          )}
        </Stack>
        {/* The actions wrap under each other on a narrow screen, so the text keeps its width. */}
        <Box style={{ flexShrink: 0, maxWidth: '40%' }}>
          {o.status === 'open' && mode === 'none' && (
            <Group gap="xs" justify="flex-end">
              {can('obligations.markDone') && (
                <Button
                  size="compact-sm"
                  onClick={() => setMode('done')}
                  aria-label={`${t(warn ? 'item.markGezien' : 'item.markDone')} ${titel}`}
                >
                  {t(warn ? 'item.markGezien' : 'item.markDone')}
                </Button>
              )}
              {can('obligations.markNotApplicable') &&
                !(
                  o.urgent &&
                  o.tijdVerplicht &&
                  ['zeden.bestuur', 'zeden.vertrouwensinspecteur', 'zeden.besluit_aangifte'].includes(o.regel)
                ) && (
                  <Button size="compact-sm" variant="default" onClick={() => setMode('nvt')} aria-label={`${t('item.markNvt')} ${titel}`}>
                    {t('item.markNvt')}
                  </Button>
                )}
            </Group>
          )}
          {o.status !== 'open' && (o.doorSysteem === null || o.status === 'nvt') && can('obligations.reopen') && (
            <Button size="compact-sm" variant="subtle" onClick={() => void reopen()} aria-label={`${t('item.reopen')}: ${titel}`}>
              {t('item.reopen')}
            </Button>
          )}
        </Box>
      </Group>
      {mode === 'done' && <DoneForm o={o} onDone={done} onCancel={() => setMode('none')} />}
      {mode === 'nvt' && <NvtForm o={o} onDone={done} onCancel={() => setMode('none')} />}
    </Paper>
  );
}
