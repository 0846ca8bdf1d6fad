// Privacy → Bewaartermijnen: everyone past the retention term, what blocks them (legal holds), and
// the school leader's confirmed destruction. Holds can be set and lifted here.
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { HoldReason, HoldSoort, RetentionCandidate } from '@shared/api/trust';
import { HOLD_SOORT } from '@shared/api/trust';
import { PERSOON_SOORT } from '@shared/domain';
import { label, shortDate } from '../format';
import { DateField } from '../fields';
import { useLoad } from '../useLoad';
import { useApp } from '../AppContext';
import { ModalActions } from '../ModalActions';

export function RetentionPanel() {
  const { t } = useTranslation('trust');
  const list = useLoad(() => call('trust.retention.list', {}), []);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [destroying, setDestroying] = useState(false);
  const [holdFor, setHoldFor] = useState<RetentionCandidate | null>(null);
  const [release, setRelease] = useState<{ reason: HoldReason; naam: string } | null>(null);

  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return <Loader aria-label={t('common:loading')} />;
  const rows = list.data;
  const toggle = (id: number, on: boolean) =>
    setChosen((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <Stack gap="md">
      <Text size="sm">{t('retention.intro')}</Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('retention.empty')}</Text>
      ) : (
        <Table striped withTableBorder aria-label={t('privacy.tabRetention')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('retention.col.naam')}</Table.Th>
              <Table.Th>{t('retention.col.soort')}</Table.Th>
              <Table.Th>{t('retention.col.vanaf')}</Table.Th>
              <Table.Th>{t('retention.col.gegevens')}</Table.Th>
              <Table.Th>{t('retention.col.blokkade')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.personId}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('retention.select', { naam: c.naam })}
                    checked={chosen.has(c.personId)}
                    disabled={c.holds.length > 0}
                    onChange={(e) => toggle(c.personId, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{c.naam}</Table.Td>
                <Table.Td>{label(PERSOON_SOORT, c.soort)}</Table.Td>
                <Table.Td>{shortDate(c.vernietigbaarVanaf)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t('retention.records', {
                      meldingen: c.meldingen,
                      maatregelen: c.maatregelen,
                      brieven: c.brieven,
                      bewijs: c.bewijsstukken,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {c.holds.length === 0 && <Text size="sm">{t('retention.free')}</Text>}
                    {c.holds.map((h, i) => (
                      <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                        <Badge color="orange.2" variant="filled" autoContrast style={{ flexShrink: 0 }}>
                          {t(`retention.bron.${h.bron}`)}
                        </Badge>
                        <Text size="sm">{h.omschrijving}</Text>
                        {(h.holdId || h.externalReportId) && (
                          <Button size="compact-xs" variant="subtle" onClick={() => setRelease({ reason: h, naam: c.naam })}>
                            {h.externalReportId ? t('retention.aangifteDone') : t('retention.release')}
                          </Button>
                        )}
                      </Group>
                    ))}
                    <Button size="compact-xs" variant="subtle" onClick={() => setHoldFor(c)} style={{ alignSelf: 'flex-start' }}>
                      {t('retention.hold')}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button color="red" disabled={chosen.size === 0} onClick={() => setDestroying(true)}>
          {t('retention.destroy')}
        </Button>
      </Group>
      {destroying && (
        <DestroyModal
          ids={[...chosen]}
          onClose={(done) => {
            setDestroying(false);
            if (done) {
              setChosen(new Set());
              list.reload();
            }
          }}
        />
      )}
      {holdFor && (
        <HoldModal
          candidate={holdFor}
          onClose={(done) => {
            setHoldFor(null);
            if (done) list.reload();
          }}
        />
      )}
      {release && (
        <ReleaseModal
          reason={release.reason}
          onClose={(done) => {
            setRelease(null);
            if (done) list.reload();
          }}
        />
      )}
    </Stack>
  );
}

function DestroyModal({ ids, onClose }: { ids: number[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const { school } = useApp();
  const [door, setDoor] = useState(
    school?.ondertekenaarNaam ? `${school.ondertekenaarNaam}${school.ondertekenaarFunctie ? `, ${school.ondertekenaarFunctie}` : ''}` : '',
  );
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const go = () =>
    submit.run(() => call('trust.retention.destroy', { personIds: ids, bevestigdDoor: door }), {
      error: setError,
      saved: (x) => t('retention.destroyed', { ...x }),
      onSuccess: () => onClose(true),
    });
  return (
    <Modal opened onClose={() => onClose(false)} title={t('retention.destroyTitle')} size="lg">
      <Stack gap="md">
        <Alert color="red">{t('retention.destroyBody', { count: ids.length })}</Alert>
        <TextInput label={t('retention.confirmedBy')} value={door} onChange={(e) => setDoor(e.currentTarget.value)} required />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <ModalActions onCancel={() => onClose(false)}>
          <Button color="red" onClick={() => void go()} loading={submit.busy} disabled={!door.trim()}>
            {t('retention.confirm')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

function HoldModal({ candidate, onClose }: { candidate: RetentionCandidate; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const { status } = useApp();
  const [soort, setSoort] = useState<HoldSoort>('bezwaar');
  const [reden, setReden] = useState('');
  const [vanaf, setVanaf] = useState(status?.vandaag ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const save = () =>
    submit.run(() => call('trust.holds.create', { personId: candidate.personId, soort, reden, vanaf }), {
      fields: setErrors,
      saved: true,
      onSuccess: () => onClose(true),
    });
  return (
    <Modal opened onClose={() => onClose(false)} title={t('retention.holdTitle', { naam: candidate.naam })}>
      <Stack gap="sm">
        <Select
          label={t('retention.holdKind')}
          data={HOLD_SOORT.map((s) => ({ value: s, label: t(`retention.holdKinds.${s}`) }))}
          value={soort}
          onChange={(v) => v && setSoort(v as HoldSoort)}
          allowDeselect={false}
        />
        <Textarea
          label={t('retention.holdReason')}
          value={reden}
          onChange={(e) => setReden(e.currentTarget.value)}
          error={errors.reden}
          required
          autosize
          minRows={2}
        />
        <DateField label={t('retention.holdFrom')} value={vanaf} onChange={setVanaf} error={errors.vanaf} required />
        <ModalActions onCancel={() => onClose(false)}>
          <Button onClick={() => void save()}>{t('common:actions.save')}</Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

function ReleaseModal({ reason, onClose }: { reason: HoldReason; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const [reden, setReden] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  const save = () =>
    submit.run<unknown>(
      () =>
        reason.externalReportId
          ? call('trust.holds.aangifteAfgerond', { externalReportId: reason.externalReportId, reden })
          : call('trust.holds.release', { id: reason.holdId!, reden }),
      { error: setError, saved: true, onSuccess: () => onClose(true) },
    );
  return (
    <Modal opened onClose={() => onClose(false)} title={reason.omschrijving}>
      <Stack gap="sm">
        <Textarea
          label={reason.externalReportId ? t('retention.aangifteDoneReason') : t('retention.releaseReason')}
          value={reden}
          onChange={(e) => setReden(e.currentTarget.value)}
          error={error}
          required
          autosize
          minRows={2}
        />
        <ModalActions onCancel={() => onClose(false)}>
          <Button onClick={() => void save()} disabled={!reden.trim()}>
            {t('common:actions.save')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
