// Evidence: files (screenshots, exported chats) copied unchanged into the app's folder with their
// SHA-256 and the date they were secured, and links. On a new incident the files wait until the
// incident is saved, then go up one by one.
import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Image,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Anchor,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, isPreview } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { MAX_BEWIJS_BYTES, MAX_BEWIJS_MB } from '@shared/api/incidents';
import type { Evidence } from '@shared/api/incidents';
import { DateField } from '../fields';
import { fileSize, shortDate } from '../format';
import { notifyDone, notifyError } from '../notify';
import { can } from '../../server/can';

export interface PendingEvidence {
  bestandsnaam: string;
  grootte: number;
  inhoudBase64: string | null;
  url: string | null;
  omschrijving: string;
  beveiligdOp: string;
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** The write that sends one piece of evidence to the core. */
const addEvidence = (incidentId: number, p: PendingEvidence) =>
  call('evidence.add', {
    incidentId,
    bestandsnaam: p.inhoudBase64 ? p.bestandsnaam : '',
    inhoudBase64: p.inhoudBase64 ?? '',
    url: p.url ?? '',
    omschrijving: p.omschrijving,
    beveiligdOp: p.beveiligdOp,
  });

/** Sends evidence to the core; returns the Dutch error message or null. */
export async function uploadEvidence(incidentId: number, p: PendingEvidence): Promise<string | null> {
  const r = await addEvidence(incidentId, p);
  return r.ok ? null : r.error.message;
}

function base64ToBlob(b64: string, mime: string | null): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime ?? 'application/octet-stream' });
}

interface Props {
  incidentId: number | null;
  evidence: Evidence[];
  pending: PendingEvidence[];
  setPending: (p: PendingEvidence[]) => void;
  today: string;
}

export function EvidenceSection({ incidentId, evidence, pending, setPending, today }: Props) {
  const { t } = useTranslation('incidents');
  const [kind, setKind] = useState<'bestand' | 'link'>('bestand');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [beveiligdOp, setBeveiligdOp] = useState(today);
  const submit = useSubmit();
  const busy = submit.busy;
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; src: string; changed: boolean } | null>(null);

  const add = async () => {
    setError(null);
    if (kind === 'bestand' && !file) return setError(t('evidence.chooseFile'));
    if (file && file.size > MAX_BEWIJS_BYTES) return setError(t('evidence.tooLarge', { mb: MAX_BEWIJS_MB }));
    await submit.run<Evidence | null>(
      async () => {
        const p: PendingEvidence = {
          bestandsnaam: kind === 'bestand' && file ? file.name : url,
          grootte: kind === 'bestand' && file ? file.size : 0,
          inhoudBase64: kind === 'bestand' && file ? await readAsBase64(file) : null,
          url: kind === 'link' ? url : null,
          omschrijving,
          beveiligdOp,
        };
        // A new incident keeps the evidence until it is saved (MeldingForm sends it then).
        if (incidentId) return addEvidence(incidentId, p);
        setPending([...pending, p]);
        return { ok: true as const, value: null };
      },
      {
        error: setError,
        onSuccess: () => {
          setFile(null);
          setUrl('');
          setOmschrijving('');
        },
      },
    );
  };

  const open = async (e: Evidence) => {
    if (e.soort === 'link' && e.url) {
      // The desktop window opens no web pages (offline, no new windows): the link is copied instead.
      if (isPreview) window.open(e.url, '_blank', 'noopener');
      else
        await navigator.clipboard.writeText(e.url).then(
          () => notifyDone(t('evidence.copied')),
          () => notifyError(t('evidence.copyFailed')),
        );
      return;
    }
    const r = await call('evidence.get', { id: e.id });
    if (!r.ok) return notifyError(r.error.message);
    if (!r.value.inhoudBase64) return notifyError(t('evidence.noContent'));
    const changed = r.value.intact === false;
    if (changed) notifyError(t('evidence.changedHint'), t('evidence.changed'));
    const blob = base64ToBlob(r.value.inhoudBase64, e.mime);
    const src = URL.createObjectURL(blob);
    if (e.mime?.startsWith('image/')) setPreview({ name: e.bestandsnaam ?? '', src, changed });
    else download(src, e.bestandsnaam ?? 'bewijs');
  };

  const download = (src: string, name: string) => {
    const a = document.createElement('a');
    a.href = src;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(src), 10_000);
  };

  const saveViewed = async (e: Evidence) => {
    const r = await call('evidence.get', { id: e.id });
    if (!r.ok || !r.value.inhoudBase64) return notifyError(r.ok ? t('evidence.noContent') : r.error.message);
    if (r.value.intact === false) notifyError(t('evidence.changedHint'), t('evidence.changed'));
    download(URL.createObjectURL(base64ToBlob(r.value.inhoudBase64, e.mime)), e.bestandsnaam ?? 'bewijs');
  };

  return (
    <Stack gap="sm">
      {evidence.length + pending.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.none')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" data-testid="bewijs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.naam')}</Table.Th>
              <Table.Th>{t('evidence.omschrijving')}</Table.Th>
              <Table.Th w={90}>{t('evidence.grootte')}</Table.Th>
              <Table.Th w={130}>
                <Tooltip label={t('evidence.sha256Tip')} multiline w={280}>
                  <span tabIndex={0} style={{ textDecoration: 'underline dotted' }}>
                    {t('evidence.sha256')}
                  </span>
                </Tooltip>
              </Table.Th>
              <Table.Th w={120}>{t('evidence.beveiligdOp')}</Table.Th>
              <Table.Th w={170}>{t('evidence.acties')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidence.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="sp-wrap">
                  {e.soort === 'link' ? e.url : e.bestandsnaam}
                  {e.intact === false && (
                    <Text size="xs" c="red" fw={600} title={t('evidence.changedHint')} data-testid="bewijs-gewijzigd">
                      ⚠ {t('evidence.changed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="sp-wrap">{e.omschrijving}</Table.Td>
                <Table.Td>{fileSize(e.grootte)}</Table.Td>
                <Table.Td>
                  {e.sha256 && (
                    <Text ff="monospace" size="xs" title={e.sha256}>
                      {e.sha256.slice(0, 12)}…
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{shortDate(e.beveiligdOp)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => void open(e)}>
                      {e.soort === 'link' ? (isPreview ? t('evidence.openLink') : t('evidence.copyLink')) : t('evidence.view')}
                    </Button>
                    {e.soort === 'bestand' && (
                      <Button size="compact-sm" variant="subtle" onClick={() => void saveViewed(e)}>
                        {t('evidence.download')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {pending.map((p, i) => (
              <Table.Tr key={`p${i}`}>
                <Table.Td className="sp-wrap">{p.url ?? p.bestandsnaam}</Table.Td>
                <Table.Td className="sp-wrap">{p.omschrijving}</Table.Td>
                <Table.Td>{p.inhoudBase64 ? fileSize(p.grootte) : ''}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('evidence.pending')}
                  </Text>
                </Table.Td>
                <Table.Td>{shortDate(p.beveiligdOp)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setPending(pending.filter((_, j) => j !== i))}>
                    {t('common:actions.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!incidentId && pending.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('evidence.pendingHint')}
        </Text>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {can('evidence.add') && (
        <Stack gap="xs" p="sm" bg="gray.0" style={{ borderRadius: 4 }}>
          <SegmentedControl
            aria-label={t('evidence.kind')}
            value={kind}
            onChange={(v) => setKind(v as 'bestand' | 'link')}
            data={[
              { value: 'bestand', label: t('evidence.kindFile') },
              { value: 'link', label: t('evidence.kindLink') },
            ]}
            w={260}
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {kind === 'bestand' ? (
              <FileInput
                label={t('evidence.bestand')}
                placeholder={t('evidence.chooseFile')}
                value={file}
                onChange={setFile}
                clearable
                data-testid="bewijs-bestand"
              />
            ) : (
              <TextInput
                label={t('evidence.url')}
                placeholder="https://…"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                type="url"
              />
            )}
            <TextInput label={t('evidence.omschrijving')} value={omschrijving} onChange={(e) => setOmschrijving(e.currentTarget.value)} />
            <DateField label={t('evidence.beveiligdOp')} value={beveiligdOp} onChange={setBeveiligdOp} required />
          </SimpleGrid>
          <Group>
            <Button variant="light" onClick={() => void add()} loading={busy}>
              {t('evidence.add')}
            </Button>
          </Group>
        </Stack>
      )}
      <Modal opened={!!preview} onClose={() => setPreview(null)} title={preview?.name} size="xl">
        {preview && (
          <Stack>
            {preview.changed && (
              <Alert color="red" title={t('evidence.changed')}>
                {t('evidence.changedHint')}
              </Alert>
            )}
            <Image src={preview.src} alt={preview.name} fit="contain" mah="70vh" />
            <Anchor href={preview.src} download={preview.name}>
              {t('evidence.download')}
            </Anchor>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
