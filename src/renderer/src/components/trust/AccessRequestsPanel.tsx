// Privacy → Inzageverzoeken (AVG art. 15): register a request (who, for whom, when;
// due one month later), extend it once, make the dossier export, record the answer.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Result } from '@shared/api';
import { AANVRAGER_SOORT } from '@shared/api/trust';
import type { AccessRequest, AccessReview, AanvragerSoort } from '@shared/api/trust';
import type { PersonRef } from '@shared/api/people';
import { shortDate } from '../format';
import { DateField } from '../fields';
import { notifyError } from '../notify';
import { useLoad } from '../useLoad';
import { useApp } from '../AppContext';
import { PersonPicker } from '../people/PersonPicker';
import { isPreview } from '../../api/client';
import { downloadBase64 } from '../letters/files';
import { ModalActions } from '../ModalActions';

export function AccessRequestsPanel() {
  const { t } = useTranslation('trust');
  const list = useLoad(() => call('trust.accessRequests.list', { limit: 500 }), []);
  const [creating, setCreating] = useState(false);
  const [extending, setExtending] = useState<AccessRequest | null>(null);
  const [answering, setAnswering] = useState<AccessRequest | null>(null);
  const [reviewing, setReviewing] = useState<{ request: AccessRequest; review: AccessReview } | null>(null);

  // First what the answer holds (what remains after other people were replaced, the letters, the
  // evidence files that may go along); the school leader looks at it before the export is final.
  const review = async (r: AccessRequest) => {
    const res = await call('trust.accessRequests.review', { id: r.id });
    if (!res.ok) return notifyError(res.error.message);
    setReviewing({ request: r, review: res.value });
  };

  const submit = useSubmit();
  const exportFor = (r: AccessRequest, namenBevestigd: boolean, bewijsIds: number[]) =>
    submit.run(() => call('trust.accessRequests.export', { id: r.id, namenBevestigd, bewijsIds }), {
      saved: (x) => t('requests.exported', { naam: x.bestandsnaam }),
      onSuccess: (x) => {
        // Electron opens the export itself (openFile in the result); the preview downloads it.
        if (isPreview) downloadBase64(x.inhoudBase64, x.bestandsnaam);
        list.reload();
      },
    });

  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return <Loader aria-label={t('common:loading')} />;
  return (
    <Stack gap="md">
      <Text size="sm">{t('requests.intro')}</Text>
      <Group>
        <Button onClick={() => setCreating(true)}>{t('requests.new')}</Button>
      </Group>
      {list.data.rows.length === 0 ? (
        <Text c="dimmed">{t('requests.empty')}</Text>
      ) : (
        <Table striped withTableBorder aria-label={t('privacy.tabRequests')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.col.voor')}</Table.Th>
              <Table.Th>{t('requests.col.aanvrager')}</Table.Th>
              <Table.Th>{t('requests.col.ontvangen')}</Table.Th>
              <Table.Th>{t('requests.col.termijn')}</Table.Th>
              <Table.Th>{t('requests.col.status')}</Table.Th>
              <Table.Th>{t('requests.col.acties')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.naam}</Table.Td>
                <Table.Td>
                  {r.aanvragerNaam}
                  {r.waarschuwingen.map((w) => (
                    <Text key={w} size="xs" c="orange.9">
                      {w}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{shortDate(r.ontvangenOp)}</Table.Td>
                <Table.Td>{shortDate(r.termijn)}</Table.Td>
                <Table.Td>
                  {r.telaat ? (
                    <Badge color="red.9" variant="filled">
                      {t('requests.late')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t(`requests.status.${r.status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.status === 'open' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => void review(r)}>
                        {t('requests.export')}
                      </Button>
                      {!r.verlengdTot && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setExtending(r)}>
                          {t('requests.extend')}
                        </Button>
                      )}
                      <Button size="compact-xs" variant="subtle" onClick={() => setAnswering(r)}>
                        {t('requests.answer')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <CreateModal
          onClose={(done) => {
            setCreating(false);
            if (done) list.reload();
          }}
        />
      )}
      {extending && (
        <ReasonModal
          title={t('requests.extend')}
          label={t('requests.extendReason')}
          save={(reden) => call('trust.accessRequests.extend', { id: extending.id, reden })}
          onClose={(done) => {
            setExtending(null);
            if (done) list.reload();
          }}
        />
      )}
      {reviewing && (
        <ReviewModal
          review={reviewing.review}
          onCancel={() => setReviewing(null)}
          onConfirm={(bevestigd, bewijsIds) => {
            const r = reviewing.request;
            setReviewing(null);
            void exportFor(r, bevestigd, bewijsIds);
          }}
        />
      )}
      {answering && (
        <AnswerModal
          request={answering}
          onClose={(done) => {
            setAnswering(null);
            if (done) list.reload();
          }}
        />
      )}
    </Stack>
  );
}

function CreateModal({ onClose }: { onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const { status } = useApp();
  const [person, setPerson] = useState<PersonRef | null>(null);
  const [soort, setSoort] = useState<AanvragerSoort>('betrokkene');
  const [parent, setParent] = useState<PersonRef | null>(null);
  const [naam, setNaam] = useState('');
  const [ontvangen, setOntvangen] = useState(status?.vandaag ?? '');
  const [notities, setNotities] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const save = async () => {
    if (!person) return setErrors({ personId: t('requests.person') });
    await submit.run(
      () =>
        call('trust.accessRequests.create', {
          personId: person.id,
          aanvragerSoort: soort,
          aanvragerId: soort === 'ouder' && parent ? parent.id : null,
          aanvragerNaam: soort !== 'betrokkene' && !(soort === 'ouder' && parent) ? naam : null,
          ontvangenOp: ontvangen,
          notities,
        }),
      { fields: setErrors, saved: true, onSuccess: () => onClose(true) },
    );
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={t('requests.new')} size="lg">
      <Stack gap="sm">
        <PersonPicker
          label={t('requests.person')}
          placeholder={t('requests.personSearch')}
          value={person}
          onChange={setPerson}
          error={errors.personId}
          required
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="req-soort">
            {t('requests.requester')}
          </Text>
          <SegmentedControl
            aria-labelledby="req-soort"
            value={soort}
            onChange={(v) => setSoort(v as AanvragerSoort)}
            data={AANVRAGER_SOORT.map((s) => ({ value: s, label: t(`requests.requesterKinds.${s}`) }))}
          />
        </div>
        {soort === 'ouder' && (
          <PersonPicker label={t('requests.parent')} value={parent} onChange={setParent} soort={['ouder']} error={errors.aanvragerId} />
        )}
        {soort !== 'betrokkene' && !(soort === 'ouder' && parent) && (
          <TextInput
            label={t('requests.requesterName')}
            value={naam}
            onChange={(e) => setNaam(e.currentTarget.value)}
            error={errors.aanvragerNaam}
            required
          />
        )}
        <DateField label={t('requests.received')} value={ontvangen} onChange={setOntvangen} error={errors.ontvangenOp} required />
        <Textarea label={t('requests.notes')} value={notities} onChange={(e) => setNotities(e.currentTarget.value)} autosize minRows={2} />
        <ModalActions onCancel={() => onClose(false)}>
          <Button onClick={() => void save()}>{t('requests.register')}</Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

function AnswerModal({ request, onClose }: { request: AccessRequest; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const { status } = useApp();
  const [how, setHow] = useState<'beantwoord' | 'afgewezen' | 'ingetrokken'>('beantwoord');
  const [datum, setDatum] = useState(status?.vandaag ?? '');
  const [antwoord, setAntwoord] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  const save = () =>
    submit.run(() => call('trust.accessRequests.answer', { id: request.id, status: how, datum, antwoord }), {
      fields: setErrors,
      saved: true,
      onSuccess: () => onClose(true),
    });
  return (
    <Modal opened onClose={() => onClose(false)} title={t('requests.answerTitle')}>
      <Stack gap="sm">
        <Select
          label={t('requests.answerHow')}
          data={(['beantwoord', 'afgewezen', 'ingetrokken'] as const).map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
          value={how}
          onChange={(v) => v && setHow(v as typeof how)}
          allowDeselect={false}
        />
        <DateField label={t('requests.answerDate')} value={datum} onChange={setDatum} error={errors.datum} required />
        <Textarea
          label={t('requests.answerText')}
          value={antwoord}
          onChange={(e) => setAntwoord(e.currentTarget.value)}
          error={errors.antwoord}
          autosize
          minRows={2}
        />
        <ModalActions onCancel={() => onClose(false)}>
          <Button onClick={() => void save()}>{t('common:actions.save')}</Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

/** What remains in the export: known names need an explicit confirmation (recorded in the log). */
function ReviewModal({
  review,
  onCancel,
  onConfirm,
}: {
  review: AccessReview;
  onCancel: () => void;
  onConfirm: (bevestigd: boolean, bewijsIds: number[]) => void;
}) {
  const { t } = useTranslation('trust');
  const [checked, setChecked] = useState(false);
  const [bewijsMee, setBewijsMee] = useState(false);
  // Each file is ticked on its own: a screenshot can show other children and is not pseudonymised.
  const [bewijs, setBewijs] = useState<Set<number>>(new Set());
  const toggle = (id: number, on: boolean) =>
    setBewijs((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Modal opened onClose={onCancel} title={t('requests.review.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('requests.review.intro', { aantal: review.vervangenNamen })}</Text>
        {review.namen.length > 0 && (
          <Alert color="orange" title={t('requests.review.namen')}>
            {review.namen.join(', ')}
          </Alert>
        )}
        {review.woorden.length > 0 && (
          <Text size="sm">
            {t('requests.review.woorden')} {review.woorden.join(', ')}
          </Text>
        )}
        {review.namen.length > 0 && (
          <Checkbox label={t('requests.review.confirm')} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
        )}
        <Text size="sm">{review.brieven.length ? t('requests.review.inhoud') : t('requests.review.geenBrieven')}</Text>
        {review.brieven.length > 0 && (
          <List size="sm">
            {review.brieven.map((b) => (
              <List.Item key={b.id}>
                {b.kenmerk} — {b.titel}, {t('requests.review.aan', { naam: b.aan.split('\n')[0] })} ({shortDate(b.datum)})
              </List.Item>
            ))}
          </List>
        )}
        {review.bewijs.length > 0 && (
          <Checkbox label={t('requests.review.bewijsMee')} checked={bewijsMee} onChange={(e) => setBewijsMee(e.currentTarget.checked)} />
        )}
        {bewijsMee && (
          <>
            <Alert color="orange" title={t('requests.review.bewijsWaarschuwingTitel')}>
              {t('requests.review.bewijsWaarschuwing')}
            </Alert>
            {review.bewijs.map((b) => (
              <Checkbox
                key={b.id}
                label={t('requests.review.bewijsItem', {
                  melding: b.melding,
                  naam: b.bestandsnaam,
                  omschrijving: b.omschrijving ? ` (${b.omschrijving})` : '',
                  datum: shortDate(b.beveiligdOp),
                })}
                checked={bewijs.has(b.id)}
                onChange={(e) => toggle(b.id, e.currentTarget.checked)}
              />
            ))}
          </>
        )}
        <ModalActions onCancel={onCancel}>
          <Button
            disabled={review.namen.length > 0 && !checked}
            onClick={() => onConfirm(review.namen.length > 0, bewijsMee ? [...bewijs] : [])}
          >
            {t('requests.export')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}

/** A modal asking one reason, for a method that takes it. */
export function ReasonModal({
  title,
  label,
  save,
  onClose,
}: {
  title: string;
  label: string;
  save: (reden: string) => Promise<Result<unknown>>;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation('trust');
  const [reden, setReden] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();
  return (
    <Modal opened onClose={() => onClose(false)} title={title}>
      <Stack gap="sm">
        <Textarea
          label={label}
          value={reden}
          onChange={(e) => setReden(e.currentTarget.value)}
          error={error}
          required
          autosize
          minRows={2}
        />
        <ModalActions onCancel={() => onClose(false)}>
          <Button
            disabled={!reden.trim()}
            onClick={() => void submit.run(() => save(reden), { error: setError, saved: true, onSuccess: () => onClose(true) })}
          >
            {t('common:actions.save')}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
