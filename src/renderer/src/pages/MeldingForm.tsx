// One incident (melding), new or existing, on one page: when and where, what, who, the rules broken,
// immediate actions, follow-up, evidence, measures and reports to authorities. The core validates;
// its Dutch messages appear next to the fields and nothing typed is lost.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Incident } from '@shared/api/incidents';
import type { Measure } from '@shared/api/measures';
import type { ExternalReport } from '@shared/api/externalReports';
import type { PersonRef } from '@shared/api/people';
import { ERNST, INCIDENT_STATUS, LOCATIE, PLATFORM } from '@shared/domain';
import { RecordPage } from '../components/RecordPage';
import { useFormState } from '../components/useFormState';
import { useRouter, useUnsavedGuard } from '../components/router';
import { useApp } from '../components/AppContext';
import { useCategories } from '../components/useCategories';
import { PageHeader } from '../components/PageHeader';
import { AuditTrailButton } from '../components/trust/AuditTrail';
import { DateField, TimeField, Section, SaveError } from '../components/fields';
import { PersonPicker } from '../components/people/PersonPicker';
import { InvolvedEditor } from '../components/incident/InvolvedEditor';
import { RulePicker } from '../components/incident/RulePicker';
import { ActionsEditor } from '../components/incident/ActionsEditor';
import { EvidenceSection, uploadEvidence } from '../components/incident/EvidenceSection';
import type { PendingEvidence } from '../components/incident/EvidenceSection';
import { MeasureModal } from '../components/incident/MeasureModal';
import { ReportModal } from '../components/incident/ReportModal';
import { MeasuresTable, ReportsTable } from '../components/incident/MeasuresTable';
import { IncidentCompliance } from '../components/obligations/Compliance';
import { MeasureSteps } from '../components/incident/MeasureSteps';
import { Checklist, useChecklist } from '../components/obligations/Checklist';
import { emptyIncident, fromIncident, toInput, isIncidentField } from '../components/incident/types';
import type { IncidentValues } from '../components/incident/types';
import { options, label, dateTime } from '../components/format';
import { notifyError, notifySaved } from '../components/notify';
import { keepNumbers } from '../components/incidentNumber';

export default function MeldingForm({ id }: { id: number | null }) {
  const { t } = useTranslation('incidents');
  return (
    <RecordPage id={id} load={(recordId) => call('incidents.get', { id: recordId })} notFoundTitle={t('form.notFound')}>
      {(initial) => <IncidentEditor initial={initial} />}
    </RecordPage>
  );
}

function IncidentEditor({ initial }: { initial: Incident | null }) {
  const { t } = useTranslation('incidents');
  const { navigate } = useRouter();
  const { status, school } = useApp();
  const today = status?.vandaag ?? new Date().toISOString().slice(0, 10);
  const cats = useCategories();
  const [incident, setIncident] = useState<Incident | null>(initial);
  const f = useFormState<IncidentValues>(initial ? fromIncident(initial) : emptyIncident(today), isIncidentField);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingEvidence[]>([]);
  const [measureModal, setMeasureModal] = useState<{ measure: Measure | null } | null>(null);
  const [reportModal, setReportModal] = useState<{ report: ExternalReport | null } | null>(null);
  useUnsavedGuard(f.dirty || pending.length > 0);
  const v = f.values;

  const checklist = useChecklist(incident?.id ?? null);

  // After any write (a measure, a report, evidence, a hearing) RecordPage reads the incident again: show
  // it (the status may have moved on), keeping what is being typed.
  const { rebase } = f;
  const shown = useRef(initial);
  useEffect(() => {
    if (!initial || initial === shown.current) return;
    shown.current = initial;
    setIncident(initial);
    rebase(fromIncident(initial));
  }, [initial, rebase]);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setFormError(null);
    const input = toInput(f.values);
    const r = incident ? await call('incidents.update', { ...input, id: incident.id }) : await call('incidents.create', input);
    if (!r.ok) {
      setBusy(false);
      setFormError(f.showError(r.error) ?? (r.error.code === 'VALIDATIE' ? t('form.checkFields') : r.error.message));
      return;
    }
    if (!incident) {
      // Evidence chosen before the first save goes up now, one file at a time.
      const failed: string[] = [];
      for (const p of pending) {
        const msg = await uploadEvidence(r.value.id, p);
        if (msg) failed.push(`${p.bestandsnaam}: ${msg}`);
      }
      setPending([]);
      if (failed.length) notifyError(failed.join('\n'));
      notifySaved(t('form.created', { nummer: r.value.nummer }));
      setBusy(false);
      f.reset(f.values);
      navigate(`/meldingen/${r.value.id}`, { force: true });
      return;
    }
    setBusy(false);
    setIncident(r.value);
    f.reset(fromIncident(r.value));
    notifySaved(t('form.saved', { nummer: r.value.nummer }));
  };

  useHotkeys([['mod+S', () => void save()]], []);

  // The people a measure or report can be about: those involved, as saved.
  const involvedPeople = useMemo(() => {
    const m = new Map<number, PersonRef>();
    incident?.betrokkenen.forEach((b) => m.set(b.personId, b.persoon));
    return [...m.values()];
  }, [incident]);

  const categoryOptions = useMemo(
    () => cats.list.filter((c) => c.actief || c.code === v.categorie).map((c) => ({ value: c.code, label: cats.labelOf(c.code) })),
    [cats, v.categorie],
  );

  const title = incident ? t('form.titleEdit', { nummer: incident.nummer }) : t('form.titleNew');

  return (
    // Not a <form>: the page holds registers with forms of their own (hearings, tasks done, evidence,
    // the search for a new school), and a form inside a form does not submit in the browser.
    <div>
      <PageHeader
        title={keepNumbers(title)}
        subtitle={
          incident ? t('form.lastChanged', { when: dateTime(incident.updatedAt), schooljaar: incident.schooljaar }) : t('form.newHint')
        }
      >
        {incident && (
          <Badge size="lg" variant="light" color="schoolblauw" radius="sm">
            {label(INCIDENT_STATUS, incident.status)}
          </Badge>
        )}
        {incident && <AuditTrailButton entity="melding" entityId={incident.id} />}
        <Button variant="default" component="a" href="#/meldingen">
          {t('form.backToList')}
        </Button>
        <Button onClick={() => void save()} loading={busy} data-testid="melding-opslaan">
          {t('common:actions.save')}
        </Button>
      </PageHeader>

      <Stack gap="md">
        {/* The urgent thing first: "possibly a sexual offence?" until answered, and the path's steps. */}
        {incident && <Checklist loaded={checklist} />}
        <SaveError error={formError} testId="melding-fout" />

        <Section title={t('form.sections.when')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <DateField
              label={t('fields.datumVoorval')}
              value={v.datumVoorval}
              onChange={(d) => f.set('datumVoorval', d)}
              error={f.err('datumVoorval')}
              required
            />
            <TimeField
              label={t('fields.tijdVoorval')}
              value={v.tijdVoorval}
              onChange={(x) => f.set('tijdVoorval', x)}
              error={f.err('tijdVoorval')}
            />
            <DateField
              label={t('fields.datumMelding')}
              value={v.datumMelding}
              onChange={(d) => f.set('datumMelding', d)}
              error={f.err('datumMelding')}
              required
            />
            <Select
              label={t('fields.locatie')}
              data={options(LOCATIE)}
              value={v.locatie || null}
              onChange={(x) => f.set('locatie', x ?? '')}
              error={f.err('locatie')}
              required
            />
            <Select
              label={t('fields.platform')}
              data={options(PLATFORM)}
              value={v.platform || null}
              onChange={(x) => f.set('platform', x ?? '')}
              error={f.err('platform')}
              required
              searchable
            />
            {v.platform === 'overig' && (
              <TextInput
                label={t('fields.platformAnders')}
                value={v.platformAnders}
                onChange={(e) => f.set('platformAnders', e.currentTarget.value)}
                error={f.err('platformAnders')}
              />
            )}
          </SimpleGrid>
        </Section>

        <Section title={t('form.sections.what')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('fields.categorie')}
                data={categoryOptions}
                value={v.categorie || null}
                onChange={(x) => f.set('categorie', x ?? '')}
                error={f.err('categorie')}
                required
                searchable
              />
              <Select
                label={t('fields.ernst')}
                data={options(ERNST)}
                value={v.ernst || null}
                onChange={(x) => f.set('ernst', x ?? '')}
                error={f.err('ernst')}
                required
              />
              <Select
                label={t('fields.status')}
                data={options(INCIDENT_STATUS)}
                value={v.status}
                onChange={(x) => f.set('status', x ?? 'open')}
                error={f.err('status')}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Textarea
              label={t('fields.omschrijving')}
              description={t('form.omschrijvingHint')}
              value={v.omschrijving}
              onChange={(e) => f.set('omschrijving', e.currentTarget.value)}
              error={f.err('omschrijving')}
              autosize
              minRows={4}
              required
            />
          </Stack>
        </Section>

        <Section title={t('fields.regels')}>
          <RulePicker
            datum={v.datumVoorval}
            value={v.regelIds}
            onChange={(ids) => f.set('regelIds', ids)}
            error={f.err('regelIds')}
            cited={incident?.regels}
            categorie={v.categorie ? { code: v.categorie, label: cats.labelOf(v.categorie) } : null}
          />
        </Section>

        <Section title={t('form.sections.who')}>
          <Stack gap="md">
            <div>
              <Group align="flex-end" gap="sm" wrap="wrap">
                <SegmentedControl
                  aria-label={t('fields.melderSoort')}
                  value={v.melderMode}
                  onChange={(x) => f.set('melderMode', x as 'persoon' | 'tekst')}
                  data={[
                    { value: 'persoon', label: t('form.melderPersoon') },
                    { value: 'tekst', label: t('form.melderTekst') },
                  ]}
                />
                {v.melderMode === 'persoon' ? (
                  <PersonPicker
                    label={t('fields.melder')}
                    value={v.melder}
                    onChange={(p) => f.set('melder', p)}
                    error={f.err('melderId')}
                    w={360}
                  />
                ) : (
                  <TextInput
                    label={t('fields.melderOmschrijving')}
                    placeholder={t('form.melderTekstPlaceholder')}
                    value={v.melderOmschrijving}
                    onChange={(e) => f.set('melderOmschrijving', e.currentTarget.value)}
                    error={f.err('melderOmschrijving')}
                    w={360}
                  />
                )}
              </Group>
            </div>
            <InvolvedEditor value={v.betrokkenen} onChange={(b) => f.set('betrokkenen', b)} err={f.err} />
          </Stack>
        </Section>

        <Section title={t('form.sections.actions')}>
          <ActionsEditor value={v.directeActies} onChange={(a) => f.set('directeActies', a)} err={f.err} today={today} />
        </Section>

        <Section title={t('fields.vervolg')}>
          <Textarea
            aria-label={t('fields.vervolg')}
            description={t('form.vervolgHint')}
            value={v.vervolg}
            onChange={(e) => f.set('vervolg', e.currentTarget.value)}
            error={f.err('vervolg')}
            autosize
            minRows={2}
          />
        </Section>

        <Section title={t('evidence.title')}>
          <EvidenceSection
            incidentId={incident?.id ?? null}
            evidence={incident?.bewijs ?? []}
            pending={pending}
            setPending={setPending}
            today={today}
          />
        </Section>

        <Section
          title={t('measures.title')}
          actions={
            <Button variant="light" onClick={() => setMeasureModal({ measure: null })} disabled={!incident || involvedPeople.length === 0}>
              {t('measures.add')}
            </Button>
          }
        >
          {!incident ? (
            <Text size="sm" c="dimmed">
              {t('form.saveFirst')}
            </Text>
          ) : (
            <>
              {involvedPeople.length === 0 && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('measures.needInvolved')}
                </Text>
              )}
              <MeasuresTable measures={incident.maatregelen} onEdit={(m) => setMeasureModal({ measure: m })} />
              <MeasureSteps incidentId={incident.id} measures={incident.maatregelen} />
            </>
          )}
        </Section>

        <Section
          title={t('reports.title')}
          actions={
            <Button variant="light" onClick={() => setReportModal({ report: null })} disabled={!incident}>
              {t('reports.add')}
            </Button>
          }
        >
          {!incident ? (
            <Text size="sm" c="dimmed">
              {t('form.saveFirst')}
            </Text>
          ) : (
            <ReportsTable reports={incident.externeMeldingen} onEdit={(r) => setReportModal({ report: r })} />
          )}
        </Section>

        {incident && <IncidentCompliance incidentId={incident.id} checklist={checklist.data} />}

        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>

      {incident && (
        <>
          <MeasureModal
            opened={!!measureModal}
            onClose={() => setMeasureModal(null)}
            incidentId={incident.id}
            people={involvedPeople}
            measure={measureModal?.measure ?? null}
            today={today}
            defaultBeslotenDoor={school?.ondertekenaarNaam ?? ''}
            onSaved={() => notifySaved()}
          />
          <ReportModal
            opened={!!reportModal}
            onClose={() => setReportModal(null)}
            incidentId={incident.id}
            people={involvedPeople}
            measures={incident.maatregelen}
            report={reportModal?.report ?? null}
            today={today}
            defaultDoor={school?.ondertekenaarNaam ?? ''}
            onSaved={() => notifySaved()}
          />
        </>
      )}
    </div>
  );
}
