// One incident (melding), new or existing, on one page: when and where, what, who, the rules broken,
// immediate actions, follow-up, evidence, measures and reports to authorities. The core validates;
// its Dutch messages appear next to the fields and nothing typed is lost.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import type { Incident } from '@shared/api/incidents';
import type { Measure } from '@shared/api/measures';
import type { ExternalReport } from '@shared/api/externalReports';
import type { PersonRef } from '@shared/api/people';
import { DIRECTE_ACTIE, ERNST, INCIDENT_STATUS, LOCATIE, PLATFORM, ROL } from '@shared/domain';
import { RecordPage } from '../components/RecordPage';
import { useFormState } from '../components/useFormState';
import { useRouter, useUnsavedGuard } from '../components/router';
import { useApp } from '../components/AppContext';
import { useCategories } from '../components/useCategories';
import { PageHeader } from '../components/PageHeader';
import { AuditTrailButton } from '../components/trust/AuditTrail';
import { DateField, TimeField, Section, SaveError } from '../components/fields';
import { PersonPicker, personLabel } from '../components/people/PersonPicker';
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
import { ConflictDialog, conflictRows, useConflict } from '../components/ConflictDialog';
import type { IncidentValues } from '../components/incident/types';
import { options, label, dateTime, shortDate } from '../components/format';
import { notifyError, notifySaved } from '../components/notify';
import { keepNumbers } from '../components/incidentNumber';
import { can } from '../server/can';

/**
 * The form's fields as the user reads them (labels, names, dates), one text per field, for the
 * conflict dialog (components/ConflictDialog.tsx). `ruleNumber` names a cited rule by its number.
 */
function shownIncident(
  v: IncidentValues,
  names: { category: (code: string) => string; ruleNumber: (id: number) => string },
): Record<string, string> {
  return {
    datumVoorval: shortDate(v.datumVoorval),
    tijdVoorval: v.tijdVoorval,
    datumMelding: shortDate(v.datumMelding),
    locatie: label(LOCATIE, v.locatie),
    platform: label(PLATFORM, v.platform),
    platformAnders: v.platform === 'overig' ? v.platformAnders : '',
    categorie: v.categorie ? names.category(v.categorie) : '',
    ernst: label(ERNST, v.ernst),
    status: label(INCIDENT_STATUS, v.status),
    omschrijving: v.omschrijving,
    regels: v.regelIds.map(names.ruleNumber).join(', '),
    melder: v.melderMode === 'persoon' ? (v.melder ? personLabel(v.melder) : '') : v.melderOmschrijving,
    betrokkenen: v.betrokkenen.map((b) => `${personLabel(b.persoon)} (${label(ROL, b.rol).toLowerCase()})`).join('\n'),
    directeActies: v.directeActies
      .map((a) => `${shortDate(a.datum)} ${label(DIRECTE_ACTIE, a.actie)}${a.toelichting ? `: ${a.toelichting}` : ''}`)
      .join('\n'),
    vervolg: v.vervolg,
  };
}

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
  const submit = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingEvidence[]>([]);
  const [measureModal, setMeasureModal] = useState<{ measure: Measure | null } | null>(null);
  const [reportModal, setReportModal] = useState<{ report: ExternalReport | null } | null>(null);
  useUnsavedGuard(f.dirty || pending.length > 0);
  const v = f.values;

  const checklist = useChecklist(incident?.id ?? null);

  // After any write (a measure, a report, evidence, a hearing) RecordPage reads the incident again: show
  // it (the status may have moved on), keeping what is being typed.
  // When the record read again has a field changed (by someone else) that the user changed too, the
  // form keeps the version it had, so the next save meets the conflict dialog instead of silently
  // overwriting that change (docs/SERVER.md "Tegelijk bewerken").
  const { rebase } = f;
  const shown = useRef(initial);
  const latest = useRef({ incident, values: f.values });
  latest.current = { incident, values: f.values };
  useEffect(() => {
    if (!initial || initial === shown.current) return;
    shown.current = initial;
    const { incident: before, values } = latest.current;
    const fresh = fromIncident(initial);
    const old = before ? fromIncident(before) : null;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const clash =
      old !== null &&
      (Object.keys(fresh) as (keyof IncidentValues)[]).some(
        (k) => !same(fresh[k], old[k]) && !same(values[k], old[k]) && !same(values[k], fresh[k]),
      );
    setIncident(clash && before ? { ...initial, versie: before.versie } : initial);
    rebase(fresh);
  }, [initial, rebase]);

  const conflict = useConflict<Incident>();

  /**
   * `versie`: the version the save goes over; the one loaded (or read again after a measure moved
   * the status on), or the stored one after "Mijn versie opslaan" (docs/SERVER.md "Tegelijk bewerken").
   */
  const save = (versie?: number) => {
    const input = toInput(f.values);
    return submit.run(
      () =>
        incident
          ? call('incidents.update', { ...input, id: incident.id, versie: versie ?? incident.versie })
          : call('incidents.create', input),
      {
        form: f,
        error: setFormError,
        fieldsShown: t('form.checkFields'),
        conflict: conflict.open,
        onSuccess: async (saved) => {
          if (!incident) {
            // Evidence chosen before the first save goes up now, one file at a time.
            const failed: string[] = [];
            for (const p of pending) {
              const msg = await uploadEvidence(saved.id, p);
              if (msg) failed.push(`${p.bestandsnaam}: ${msg}`);
            }
            setPending([]);
            if (failed.length) notifyError(failed.join('\n'));
            notifySaved(t('form.created', { nummer: saved.nummer }));
            f.reset(f.values);
            navigate(`/meldingen/${saved.id}`, { force: true });
            return;
          }
          setIncident(saved);
          f.reset(fromIncident(saved));
          notifySaved(t('form.saved', { nummer: saved.nummer }));
        },
      },
    );
  };

  // The conflict dialog: "Mijn versie opslaan" saves the form over the stored version; "Hun versie
  // overnemen" reads the incident again and puts it in the form.
  const keepMine = () =>
    conflict.choose((huidig) => {
      setIncident(huidig);
      return save(huidig.versie);
    });
  const takeTheirs = () =>
    conflict.choose(async (huidig) => {
      const fresh = await call('incidents.get', { id: huidig.id });
      const latest = fresh.ok ? fresh.value : huidig;
      setIncident(latest);
      f.reset(fromIncident(latest));
      notifySaved(t('common:conflict.tookTheirs'));
    });
  const conflictView = (values: IncidentValues) => {
    const numbers = new Map(
      [...(incident?.regels ?? []), ...(conflict.conflict?.huidig.regels ?? [])].map((r) => [r.id, r.volledigNummer]),
    );
    return shownIncident(values, { category: cats.labelOf, ruleNumber: (id) => numbers.get(id) ?? `#${id}` });
  };
  const conflictLabels: Record<string, string> = {
    datumVoorval: t('fields.datumVoorval'),
    tijdVoorval: t('fields.tijdVoorval'),
    datumMelding: t('fields.datumMelding'),
    locatie: t('fields.locatie'),
    platform: t('fields.platform'),
    platformAnders: t('fields.platformAnders'),
    categorie: t('fields.categorie'),
    ernst: t('fields.ernst'),
    status: t('fields.status'),
    omschrijving: t('fields.omschrijving'),
    regels: t('fields.regels'),
    melder: t('fields.melder'),
    betrokkenen: t('form.sections.who'),
    directeActies: t('form.sections.actions'),
    vervolg: t('fields.vervolg'),
  };

  // On the school server a role that may read the incident but not change it sees it without the
  // save buttons, its fields disabled.
  const mayEdit = can(incident ? 'incidents.update' : 'incidents.create');
  useHotkeys(
    [
      [
        'mod+S',
        () => {
          if (mayEdit) void save();
        },
      ],
    ],
    [],
  );

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
        {mayEdit && (
          <Button onClick={() => void save()} loading={submit.busy} data-testid="melding-opslaan">
            {t('common:actions.save')}
          </Button>
        )}
      </PageHeader>

      <Stack gap="md">
        {/* The urgent thing first: "possibly a sexual offence?" until answered, and the path's steps. */}
        {incident && <Checklist loaded={checklist} />}
        <SaveError error={formError} testId="melding-fout" />

        <Fieldset variant="unstyled" disabled={!mayEdit} m={0}>
          <Stack gap="md">
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
          </Stack>
        </Fieldset>

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
            can('measures.create') && (
              <Button
                variant="light"
                onClick={() => setMeasureModal({ measure: null })}
                disabled={!incident || involvedPeople.length === 0}
              >
                {t('measures.add')}
              </Button>
            )
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
            can('externalReports.create') && (
              <Button variant="light" onClick={() => setReportModal({ report: null })} disabled={!incident}>
                {t('reports.add')}
              </Button>
            )
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

        {mayEdit && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={submit.busy}>
              {t('common:actions.save')}
            </Button>
          </Group>
        )}
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
      <ConflictDialog
        message={conflict.conflict?.message ?? null}
        rows={conflict.conflict ? conflictRows(conflictLabels, conflictView(fromIncident(conflict.conflict.huidig)), conflictView(v)) : []}
        busy={submit.busy}
        onKeepMine={keepMine}
        onTakeTheirs={() => void takeTheirs()}
        onClose={conflict.close}
      />
    </div>
  );
}
