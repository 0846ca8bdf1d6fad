// Instellingen → Protocollen: the versions of the social-media protocol (each in force from a date,
// with adoption and MR-consent dates), a new version from our template or as a copy of the last,
// manual editing of sections and numbered rules, and the incident categories.
import { useCallback, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ProtocolVersion } from '@shared/api/protocols';
import { useLoad } from '../../components/useLoad';
import { useApp } from '../../components/AppContext';
import { ProtocolEditor, protocolValues } from '../../components/settings/ProtocolEditor';
import type { ProtocolValues } from '../../components/settings/ProtocolEditor';
import { Categories } from '../../components/settings/Categories';
import { DateField, Section } from '../../components/fields';
import { shortDate } from '../../components/format';
import { notifyError } from '../../components/notify';
import { ModalActions } from '../../components/ModalActions';
import { can } from '../../server/can';

type Editing = { version: ProtocolVersion | null; initial: ProtocolValues; n: number } | null;

export default function Protocollen() {
  const { t } = useTranslation('settings');
  const { status } = useApp();
  const list = useLoad(() => call('protocols.list', {}), []);
  const [editing, setEditing] = useState<Editing>(null);
  const mayEdit = can('protocols.update');
  const [templateOpen, setTemplateOpen] = useState(false);
  const [templateDate, setTemplateDate] = useState(status?.vandaag ?? '');
  const [templateError, setTemplateError] = useState<string | undefined>();
  const submit = useSubmit();
  const [n, setN] = useState(0);
  const dirty = useRef(false);
  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const [confirm, setConfirm] = useState<(() => void) | null>(null);
  /** Runs fn, but first asks when the open editor has unsaved changes. */
  const guarded = (fn: () => void) => (dirty.current ? setConfirm(() => fn) : fn());

  const open = async (id: number, copy = false) => {
    const r = await call('protocols.get', { id });
    if (!r.ok) return notifyError(r.error.message);
    setN((x) => x + 1);
    setEditing({ version: copy ? null : r.value, initial: protocolValues(r.value, copy), n: n + 1 });
  };

  const fromTemplate = () =>
    submit.run(() => call('protocols.createFromTemplate', { ingangsdatum: templateDate }), {
      error: (m) => setTemplateError(m ?? undefined),
      refusal: (e) => e.fields?.ingangsdatum ?? e.message,
      saved: (p) => t('protocols.saved', { titel: p.titel, versie: p.versie }),
      onSuccess: (p) => {
        setTemplateOpen(false);
        list.reload();
        setN((x) => x + 1);
        setEditing({ version: p, initial: protocolValues(p), n: n + 1 });
      },
    });

  const versions = list.data ?? [];
  const newest = versions.reduce<(typeof versions)[number] | null>((a, b) => (!a || b.ingangsdatum > a.ingangsdatum ? b : a), null);

  return (
    <Stack gap="md">
      <Section
        title={t('protocols.title')}
        actions={
          <Group gap="xs">
            {newest && can('protocols.create') && (
              <Button variant="light" onClick={() => guarded(() => void open(newest.id, true))}>
                {t('protocols.copyNewest')}
              </Button>
            )}
            {can('protocols.createFromTemplate') && (
              <Button variant="light" onClick={() => guarded(() => setTemplateOpen(true))}>
                {t('protocols.fromTemplate')}
              </Button>
            )}
            {can('protocols.create') && (
              <Button
                variant="light"
                onClick={() =>
                  guarded(() => {
                    setN((x) => x + 1);
                    setEditing({ version: null, initial: protocolValues(null), n: n + 1 });
                  })
                }
              >
                {t('protocols.empty')}
              </Button>
            )}
          </Group>
        }
      >
        <Text size="sm" c="dimmed" mb="sm">
          {t('protocols.intro')}
        </Text>
        {list.loading && <Loader size="sm" aria-label={t('common:loading')} />}
        {list.error && <Alert color="red">{list.error.message}</Alert>}
        {list.data && versions.length === 0 && <Alert color="yellow">{t('protocols.none')}</Alert>}
        {versions.length > 0 && (
          <Table withTableBorder highlightOnHover verticalSpacing="xs" data-testid="protocolversies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('protocols.fields.titel')}</Table.Th>
                <Table.Th>{t('protocols.fields.versie')}</Table.Th>
                <Table.Th>{t('protocols.fields.ingangsdatum')}</Table.Th>
                <Table.Th>{t('protocols.fields.vastgesteldOp')}</Table.Th>
                <Table.Th>{t('protocols.fields.mrInstemmingOp')}</Table.Th>
                <Table.Th>{t('protocols.aantalRegels')}</Table.Th>
                {can('protocols.get') && <Table.Th>{t('protocols.acties')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((p) => (
                <Table.Tr key={p.id} bg={editing?.version?.id === p.id ? 'schoolblauw.0' : undefined}>
                  <Table.Td>
                    {p.titel}{' '}
                    {p.actueel && (
                      <Badge size="sm" color="teal.9" variant="filled" radius="sm" ml={4}>
                        {t('protocols.actueel')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.versie}</Table.Td>
                  <Table.Td>{shortDate(p.ingangsdatum)}</Table.Td>
                  <Table.Td>{shortDate(p.vastgesteldOp)}</Table.Td>
                  <Table.Td>{shortDate(p.mrInstemmingOp)}</Table.Td>
                  <Table.Td>{p.aantalRegels}</Table.Td>
                  {can('protocols.get') && (
                    <Table.Td>
                      {/* A role that may read but not change protocols opens the version to read. */}
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => guarded(() => void open(p.id))}
                        aria-label={t(mayEdit ? 'protocols.editOf' : 'protocols.viewOf', { titel: p.titel, versie: p.versie })}
                      >
                        {mayEdit ? t('common:actions.edit') : t('protocols.view')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      {editing && (
        <Paper withBorder p="md" component="section" aria-label={t('protocols.editorTitle')}>
          <Title order={3} size="h4" mb="sm">
            {editing.version
              ? t('protocols.editing', { titel: editing.version.titel, versie: editing.version.versie })
              : t('protocols.newVersion')}
          </Title>
          <ProtocolEditor
            key={editing.n}
            version={editing.version}
            initial={editing.initial}
            onCancel={() => guarded(() => setEditing(null))}
            onDirtyChange={onDirtyChange}
            readOnly={!mayEdit}
            onSaved={(p) => {
              list.reload();
              setEditing((e) => (e ? { ...e, version: p } : e));
            }}
          />
        </Paper>
      )}

      <Section title={t('categories.title')}>
        <Categories />
      </Section>

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('common:unsaved.title')} centered>
        <Text mb="lg">{t('protocols.discard')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>
            {t('common:unsaved.stay')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const fn = confirm;
              setConfirm(null);
              dirty.current = false;
              fn?.();
            }}
          >
            {t('protocols.discardConfirm')}
          </Button>
        </Group>
      </Modal>

      <Modal opened={templateOpen} onClose={() => setTemplateOpen(false)} title={t('protocols.fromTemplate')}>
        <Stack>
          <Text size="sm">{t('protocols.templateIntro')}</Text>
          <DateField
            label={t('protocols.fields.ingangsdatum')}
            value={templateDate}
            onChange={setTemplateDate}
            error={templateError}
            required
          />
          <ModalActions onCancel={() => setTemplateOpen(false)}>
            <Button onClick={() => void fromTemplate()}>{t('protocols.create')}</Button>
          </ModalActions>
        </Stack>
      </Modal>
    </Stack>
  );
}
