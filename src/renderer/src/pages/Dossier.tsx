// A person's dossier: key data on top, then one chronological timeline of everything about them
// (incidents with their role, measures, reports, and later letters and obligations), each item
// linking to its record; the audit trail of the person folds open below.
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { isDutchUi } from '../components/DutchNote';
import { call } from '../api/client';
import type { DossierItem, Person } from '@shared/api/people';
import type { AuditEntry } from '@shared/api/audit';
import { PERSOON_SOORT, GESLACHT, ROL, MAATREGEL, MAATREGEL_STATUS, INSTANTIE, MELDING_SOORT, INCIDENT_STATUS } from '@shared/domain';
import type { Label } from '@shared/domain';
import { useLoad } from '../components/useLoad';
import { useSectorWords } from '../components/AppContext';
import { useCategories } from '../components/useCategories';
import { PageHeader } from '../components/PageHeader';
import { DossierExportButton } from '../components/letters/DossierExportButton';
import { label, longDate, shortDate, dateTime, cap } from '../components/format';
import { keepNumbers } from '../components/incidentNumber';
import { can } from '../server/can';

export default function Dossier({ id }: { id: number }) {
  const { t } = useTranslation('dossier');
  const loaded = useLoad(() => call('dossier.get', { personId: id }), [id]);
  if (loaded.loading) return <Loader aria-label={t('common:loading')} />;
  if (loaded.error || !loaded.data)
    return (
      <Alert color="red" title={t('notFound')}>
        {loaded.error?.message}
      </Alert>
    );
  const { persoon, items } = loaded.data;
  return (
    <>
      <PageHeader title={t('title', { naam: persoon.naam })} subtitle={label(PERSOON_SOORT, persoon.soort)}>
        <Button variant="default" component="a" href="#/personen">
          {t('backToList')}
        </Button>
        <DossierExportButton personId={persoon.id} />
        {can('people.update') && (
          <Button variant="light" component="a" href={`#/personen/${persoon.id}`}>
            {t('editPerson')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="md">
        <KeyData p={persoon} />
        <Paper withBorder p="md" component="section" aria-label={t('timeline')}>
          <Title order={2} size="h4" mb="md">
            {t('timeline')}
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} data-testid="dossier-tijdlijn">
              {items.map((it, i) => (
                <Timeline.Item key={`${it.type}-${i}`} title={<ItemTitle item={it} />}>
                  <ItemBody item={it} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Paper>
        {can('audit.forRecord') && <AuditSection personId={persoon.id} />}
      </Stack>
    </>
  );
}

function KeyData({ p }: { p: Person }) {
  const { t } = useTranslation('people');
  const words = useSectorWords();
  const rows: [string, string | null | undefined][] = [
    [t('fields.soort'), label(PERSOON_SOORT, p.soort)],
    [t('fields.groepSector', { groep: cap(words.groep) }), p.groep],
    [t('fields.leerlingnummer'), p.leerlingnummer],
    [t('fields.geboortedatum'), longDate(p.geboortedatum)],
    [t('fields.functie'), p.functie],
    [t('fields.personeelsnummer'), p.personeelsnummer],
    [t('fields.organisatie'), p.organisatie],
    [t('fields.adres'), [p.straat, [p.postcode, p.plaats].filter(Boolean).join('  ')].filter(Boolean).join(', ')],
    [t('fields.email'), p.email],
    [t('fields.telefoon'), p.telefoon],
    [p.soort === 'medewerker' ? t('fields.inDienst') : t('fields.ingeschrevenOp'), longDate(p.ingeschrevenOp)],
    [p.soort === 'medewerker' ? t('fields.uitDienst') : t('fields.uitgeschrevenOp'), longDate(p.uitgeschrevenOp)],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={t('dossier:keyData')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <Text size="xs" c="dimmed">
                {k}
              </Text>
              <Text size="sm" className="sp-wrap">
                {v}
              </Text>
            </div>
          ))}
      </SimpleGrid>
      {p.koppelingen.length > 0 && (
        <Group gap="xs" mt="sm">
          <Text size="sm" fw={600}>
            {p.soort === 'leerling' ? t('guardians.title') : t('guardians.titleChildren')}:
          </Text>
          {p.koppelingen.map((l) => (
            <Anchor key={l.persoon.id} href={`#/personen/${l.persoon.id}/dossier`} size="sm">
              {l.persoon.naam}
              {l.relatie ? ` (${l.relatie})` : ''}
              {l.ontvangtPost ? ` – ${t('guardians.ontvangtPost').toLowerCase()}` : ''}
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/**
 * Where an item's record lives; unknown types (from later issues) have none yet, and on the school
 * server none where the role may not open the page (letters and Overzicht: the school leader's).
 */
function linkOf(it: DossierItem): string | null {
  switch (it.type) {
    case 'melding':
      return `#/meldingen/${it.incidentId}`;
    case 'maatregel':
    case 'externe_melding':
      return it.incidentId ? `#/meldingen/${it.incidentId}` : null;
    case 'brief':
      return can('letters.get') ? `#/brieven/${it.letterId}` : null;
    case 'verplichting':
      return can('obligations.dashboard') ? `#/overzicht` : null;
    default:
      return null;
  }
}

function ItemTitle({ item }: { item: DossierItem }) {
  const { t } = useTranslation('dossier');
  const cats = useCategories();
  let text: string;
  switch (item.type) {
    case 'melding':
      text = t('item.melding', { nummer: item.nummer, categorie: cats.labelOf(item.categorie) });
      break;
    case 'maatregel':
      text = t('item.maatregel', { soort: label(MAATREGEL, item.soort) });
      break;
    case 'externe_melding':
      text = t('item.externeMelding', { soort: label(MELDING_SOORT, item.soort), instantie: label(INSTANTIE, item.instantie) });
      break;
    case 'brief':
      text = t('item.brief', { titel: item.titel, kenmerk: item.kenmerk });
      break;
    case 'verplichting':
      text = !isDutchUi(i18n.language) && item.titelEn ? item.titelEn : item.titel;
      break;
    default: {
      // A kind of item this screen does not know yet: show what it says about itself.
      const x = item as { type: string; titel?: string };
      text = x.titel ?? x.type;
    }
  }
  const href = linkOf(item);
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {shortDate(item.datum)}
      </Text>
      <Badge variant="light" color="schoolblauw" radius="sm" size="sm" style={{ flexShrink: 0 }}>
        {t(`type.${item.type}`, { defaultValue: item.type })}
      </Badge>
      {href ? (
        <Anchor href={href} fw={600} size="sm" className="sp-wrap">
          {keepNumbers(text)}
        </Anchor>
      ) : (
        <Text fw={600} size="sm" className="sp-wrap">
          {keepNumbers(text)}
        </Text>
      )}
    </Group>
  );
}

function ItemBody({ item }: { item: DossierItem }) {
  const { t } = useTranslation('dossier');
  const parts: string[] = [];
  switch (item.type) {
    case 'melding':
      parts.push(t('detail.rol', { rol: label(ROL, item.rol) }), t('detail.status', { status: label(INCIDENT_STATUS, item.status) }));
      break;
    case 'maatregel':
      parts.push(t('detail.status', { status: label(MAATREGEL_STATUS, item.status) }));
      if (item.startdatum)
        parts.push(t('detail.periode', { van: shortDate(item.startdatum), tot: shortDate(item.einddatum ?? item.startdatum) }));
      break;
    case 'externe_melding':
      if (item.kenmerk) parts.push(t('detail.kenmerk', { kenmerk: item.kenmerk }));
      break;
    case 'verplichting':
      parts.push(t('detail.status', { status: item.status }));
      if (item.gedaanOp) parts.push(t('detail.gedaan', { op: shortDate(item.gedaanOp), door: item.gedaanDoor ?? '' }));
      break;
    default:
      break;
  }
  const extra = item.type === 'melding' ? item.omschrijving : item.type === 'maatregel' ? item.toelichting : null;
  return (
    <Stack gap={2} ml={98} mb="xs">
      {parts.length > 0 && (
        <Text size="sm" c="dimmed">
          {parts.join(' · ')}
        </Text>
      )}
      {extra && (
        <Text size="sm" lineClamp={2} className="sp-wrap">
          {extra}
        </Text>
      )}
    </Stack>
  );
}

function AuditSection({ personId }: { personId: number }) {
  const { t } = useTranslation('dossier');
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    setOpen((o) => !o);
    if (entries === null) {
      const r = await call('audit.forRecord', { entity: 'persoon', entityId: String(personId) });
      if (r.ok) setEntries(r.value);
      else setError(r.error.message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={t('audit.title')}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('audit.title')}
        </Title>
        <Button variant="subtle" onClick={() => void toggle()} aria-expanded={open} aria-controls="audit-body">
          {open ? t('audit.hide') : t('audit.show')}
        </Button>
      </Group>
      <Collapse expanded={open} id="audit-body">
        {error && <Alert color="red">{error}</Alert>}
        {entries && entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
        {entries && entries.length > 0 && (
          <Table mt="sm" verticalSpacing="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actor}</Table.Td>
                  <Table.Td>{t(`audit.actions.${e.action}`, { defaultValue: cap(e.action.replace(/_/g, ' ')) })}</Table.Td>
                  <Table.Td className="sp-wrap">
                    <Text size="xs">{describeChange(e.before, e.after)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Collapse>
    </Paper>
  );
}

/** The fields that changed, as "Field: old → new" (skipping bookkeeping fields and, for a new record, empty ones). */
function describeChange(before: unknown, after: unknown): string {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const skip = new Set(['id', 'naam', 'updatedAt', 'createdAt', 'zoeknaam', 'updated_at', 'created_at', 'koppelingen']);
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  const vocab: Record<string, { labels: Record<string, Label> }> = { soort: PERSOON_SOORT, geslacht: GESLACHT };
  const show = (v: unknown, k?: string) =>
    k && vocab[k] && typeof v === 'string'
      ? label(vocab[k], v)
      : empty(v)
        ? '—'
        : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? shortDate(v)
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
  const name = (k: string) => i18n.t(`people:fields.${k}`, { defaultValue: k });
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.has(k));
  const parts = keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]) && !(before == null && empty(a[k])))
    .map((k) => (before ? `${name(k)}: ${show(b[k], k)} → ${show(a[k], k)}` : `${name(k)}: ${show(a[k], k)}`));
  // Guardian links: name who was linked or unlinked.
  const linked = (x: Record<string, unknown>) =>
    new Set(Array.isArray(x.koppelingen) ? (x.koppelingen as { persoon?: { naam?: string } }[]).map((l) => l.persoon?.naam ?? '') : []);
  const [lb, la] = [linked(b), linked(a)];
  const added = [...la].filter((n) => n && !lb.has(n));
  const removed = [...lb].filter((n) => n && !la.has(n));
  if (added.length) parts.push(`+ ${added.join(', ')}`);
  if (removed.length) parts.push(`− ${removed.join(', ')}`);
  return parts.join('; ');
}
