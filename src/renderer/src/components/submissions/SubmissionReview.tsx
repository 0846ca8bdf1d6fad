// One report by a staff member, for the registrar: the facts and files as handed in, and the three
// ways to handle it — accept it as a new incident (category and severity completed here), merge it
// into an existing incident, or decline it with a reason the reporter sees.
import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ERNST, LOCATIE, PLATFORM, ROL } from '@shared/domain';
import type { Ernst } from '@shared/domain';
import type { Submission, SubmissionFile } from '@shared/api/submissions';
import { MIN_AFWIJSREDEN } from '@shared/api/submissions';
import type { PersonRef } from '@shared/api/people';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useLoad } from '../useLoad';
import { useCategories } from '../useCategories';
import { useRouter } from '../router';
import { ModalActions } from '../ModalActions';
import { PersonPicker } from '../people/PersonPicker';
import { submitOnly } from '../fields';
import { dateTime, fileSize, label, options, shortDate } from '../format';
import { notifyError } from '../notify';
import { STATUS_COLOR } from './SubmissionForm';

function base64ToBlob(b64: string, mime: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

export function SubmissionReview({ id }: { id: number }) {
  const { t } = useTranslation('submissions');
  const loaded = useLoad(() => call('submissions.get', { id }), [id]);
  const [dialog, setDialog] = useState<'accept' | 'merge' | 'decline' | null>(null);
  const [preview, setPreview] = useState<{ name: string; src: string; changed: boolean } | null>(null);
  const s = loaded.data;

  const view = async (f: SubmissionFile) => {
    const r = await call('submissions.file', { id: f.id });
    if (!r.ok) return notifyError(r.error.message);
    const src = URL.createObjectURL(base64ToBlob(r.value.inhoudBase64, f.mime));
    if (!r.value.intact) notifyError(t('review.changedHint'), t('review.changed'));
    if (f.mime.startsWith('image/')) setPreview({ name: f.bestandsnaam, src, changed: !r.value.intact });
    else {
      const a = document.createElement('a');
      a.href = src;
      a.download = f.bestandsnaam;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(src), 10_000);
    }
  };

  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!s) return <Loader aria-label={t('common:loading')} />;
  const open = s.status === 'nieuw';
  return (
    <Stack gap="md" data-testid="ingediende-melding">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Badge color={STATUS_COLOR[s.status]} variant="light" size="lg" data-testid="status">
            {t(`status.${s.status}`)}
          </Badge>
          {s.incidentId && s.incidentNummer && (
            <Anchor href={`#/meldingen/${s.incidentId}`}>{t('review.toIncident', { nummer: s.incidentNummer })}</Anchor>
          )}
        </Group>
        {open && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setDialog('decline')} data-testid="afwijzen">
              {t('review.decline')}
            </Button>
            <Button variant="default" onClick={() => setDialog('merge')} data-testid="samenvoegen">
              {t('review.merge')}
            </Button>
            <Button onClick={() => setDialog('accept')} data-testid="accepteren">
              {t('review.accept')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md" radius="sm" component="section" aria-label={t('review.facts')}>
        <Title order={2} size="h4" mb="sm">
          {t('review.facts')}
        </Title>
        <Table variant="vertical" withTableBorder layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('fields.melder')}</Table.Th>
              <Table.Td>
                {s.melder} · {t('review.ontvangen', { op: dateTime(s.createdAt) })}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('fields.datum')}</Table.Th>
              <Table.Td>
                {shortDate(s.datum)}
                {s.tijd ? ` ${s.tijd}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('form.locatie')}</Table.Th>
              <Table.Td>
                {label(LOCATIE, s.locatie)} · {label(PLATFORM, s.platform)}
                {s.platformAnders ? ` (${s.platformAnders})` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('fields.wat')}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }} data-testid="wat">
                {s.wat}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('form.who')}</Table.Th>
              <Table.Td>
                {s.personen.length === 0 && !s.anderen && (
                  <Text size="sm" c="dimmed">
                    {t('review.nobody')}
                  </Text>
                )}
                {s.personen.map((p) => (
                  <Text size="sm" key={`${p.personId}-${p.rol}`}>
                    {p.persoon.naam}
                    {p.persoon.groep ? ` (${p.persoon.groep})` : ''} — {label(ROL, p.rol)}
                  </Text>
                ))}
                {s.anderen && <Text size="sm">{t('review.anderen', { anderen: s.anderen })}</Text>}
              </Table.Td>
            </Table.Tr>
            {s.afwijsreden && (
              <Table.Tr>
                <Table.Th>{t('review.reden')}</Table.Th>
                <Table.Td>{s.afwijsreden}</Table.Td>
              </Table.Tr>
            )}
            {s.behandeldDoor && (
              <Table.Tr>
                <Table.Th>{t('review.behandeld')}</Table.Th>
                <Table.Td>
                  {s.behandeldDoor} · {dateTime(s.behandeldOp)}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="sm" component="section" aria-label={t('form.files')}>
        <Title order={2} size="h4" mb="sm">
          {t('form.files')}
        </Title>
        {s.bestanden.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('review.noFiles')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="bestanden">
            {s.bestanden.map((f) => (
              <Group key={f.id} gap="sm">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => void view(f)}
                  aria-label={t('review.view', { naam: f.bestandsnaam })}
                >
                  {f.bestandsnaam}
                </Button>
                <Text size="xs" c="dimmed">
                  {fileSize(f.grootte)} · SHA-256 {f.sha256.slice(0, 12)}…
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <Modal opened={!!preview} onClose={() => setPreview(null)} title={preview?.name} size="xl">
        {preview && (
          <Stack>
            {preview.changed && <Alert color="red">{t('review.changedHint')}</Alert>}
            <Image src={preview.src} alt={preview.name} fit="contain" mah="70vh" />
          </Stack>
        )}
      </Modal>
      <AcceptDialog s={s} opened={dialog === 'accept'} onClose={() => setDialog(null)} />
      <MergeDialog s={s} opened={dialog === 'merge'} onClose={() => setDialog(null)} />
      <DeclineDialog s={s} opened={dialog === 'decline'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function AcceptDialog({ s, opened, onClose }: { s: Submission; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('submissions');
  const cats = useCategories();
  const { navigate } = useRouter();
  const submit = useSubmit();
  const [categorie, setCategorie] = useState<string | null>(null);
  const [ernst, setErnst] = useState<Ernst>('middel');
  const [melder, setMelder] = useState<PersonRef | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = () =>
    submit.run(() => call('submissions.accept', { id: s.id, categorie: categorie ?? '', ernst, melderId: melder?.id ?? null }), {
      fields: setFields,
      error: setError,
      done: (v) => t('review.accepted', { nummer: v.incidentNummer }),
      onSuccess: (v) => {
        onClose();
        if (v.incidentId) navigate(`/meldingen/${v.incidentId}`);
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accept.title')} size="md">
      <form onSubmit={submitOnly(save)} noValidate>
        <Stack>
          <Text size="sm">{t('accept.intro')}</Text>
          <Select
            label={t('accept.categorie')}
            data={cats.list.filter((c) => c.actief).map((c) => ({ value: c.code, label: cats.labelOf(c.code) }))}
            value={categorie}
            onChange={setCategorie}
            error={fields.categorie}
            searchable
            required
            data-testid="accept-categorie"
          />
          <Select
            label={t('accept.ernst')}
            data={options(ERNST)}
            value={ernst}
            onChange={(x) => setErnst((x ?? 'middel') as Ernst)}
            error={fields.ernst}
            allowDeselect={false}
            required
            data-testid="accept-ernst"
          />
          <PersonPicker
            label={t('accept.melder')}
            description={t('accept.melderHint', { melder: s.melder })}
            value={melder}
            onChange={setMelder}
            soort={['medewerker']}
            error={fields.melderId}
          />
          {error && <Alert color="red">{error}</Alert>}
          <ModalActions onCancel={onClose}>
            <Button type="submit" loading={submit.busy} data-testid="accept-opslaan">
              {t('accept.save')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}

function MergeDialog({ s, opened, onClose }: { s: Submission; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('submissions');
  const { navigate } = useRouter();
  const submit = useSubmit();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<{ value: string; label: string }[]>([]);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    const q = debounced.trim();
    // Without a search: the newest open incidents; with one, the quick search over number, text and names.
    void call('incidents.list', {
      offset: 0,
      limit: 30,
      search: q || undefined,
      filter: q ? {} : { status: ['open', 'in_onderzoek'] },
    }).then((r) => {
      if (!live || !r.ok) return;
      setFound(
        r.value.rows.map((x) => ({
          value: String(x.id),
          label: `${x.nummer} · ${shortDate(x.datumVoorval)} · ${x.omschrijving.slice(0, 60)}`,
        })),
      );
    });
    return () => {
      live = false;
    };
  }, [debounced, opened]);

  const save = () =>
    submit.run(() => call('submissions.merge', { id: s.id, incidentId: Number(incidentId ?? 0) }), {
      error: setError,
      done: (v) => t('review.merged', { nummer: v.incidentNummer }),
      onSuccess: (v) => {
        onClose();
        if (v.incidentId) navigate(`/meldingen/${v.incidentId}`);
      },
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t('merge.title')} size="lg">
      <form onSubmit={submitOnly(save)} noValidate>
        <Stack>
          <Text size="sm">{t('merge.intro')}</Text>
          <Select
            label={t('merge.incident')}
            data={found}
            value={incidentId}
            onChange={setIncidentId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            nothingFoundMessage={t('merge.nothing')}
            required
            data-testid="merge-incident"
          />
          {error && <Alert color="red">{error}</Alert>}
          <ModalActions onCancel={onClose}>
            <Button type="submit" loading={submit.busy} disabled={!incidentId} data-testid="merge-opslaan">
              {t('merge.save')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}

function DeclineDialog({ s, opened, onClose }: { s: Submission; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('submissions');
  const submit = useSubmit();
  const [reden, setReden] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = () =>
    submit.run(() => call('submissions.decline', { id: s.id, reden }), {
      fields: setFields,
      error: setError,
      done: t('review.declined'),
      onSuccess: onClose,
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t('decline.title')} size="md">
      <form onSubmit={submitOnly(save)} noValidate>
        <Stack>
          <Textarea
            label={t('decline.reden')}
            description={t('decline.redenHint', { min: MIN_AFWIJSREDEN })}
            value={reden}
            onChange={(e) => setReden(e.currentTarget.value)}
            error={fields.reden}
            autosize
            minRows={3}
            required
            data-testid="afwijs-reden"
          />
          {error && <Alert color="red">{error}</Alert>}
          <ModalActions onCancel={onClose}>
            <Button type="submit" loading={submit.busy} data-testid="afwijzen-opslaan">
              {t('decline.save')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}
