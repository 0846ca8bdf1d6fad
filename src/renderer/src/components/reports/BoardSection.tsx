// Rapportages → Bestuur (docs/BOARD.md): the school exports its de-identified, signed figures for the
// board and sees its key fingerprint (to compare by phone once); the board's copy picks several
// schools' .spcijfers.json files, sees per file the school, year, fingerprint and whether it is
// valid, and downloads the merged .docx and .xlsx.
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useLoad } from '../useLoad';
import { useSubmit } from '../../api/useSubmit';
import { useFileAction } from '../export/useFileAction';
import { downloadFile } from '../export/download';
import { readChosenFile } from '../imports/file';
import type { SchoolYearOption } from '@shared/api/calendar';
import type { BoardFileCheck } from '@shared/api/board';
import { BOARD_FILE_SUFFIX } from '@shared/api/board';
import { can, canAll } from '../../server/can';

interface Chosen {
  naam: string;
  inhoudBase64: string;
}

function ExportCard({ years, initialYear }: { years: SchoolYearOption[]; initialYear: string | null }) {
  const { t } = useTranslation('board');
  const [year, setYear] = useState<string | null>(null);
  const chosenYear = year ?? initialYear;
  const key = useLoad(() => call('reports.boardKey', {}), []);
  const { busy, run } = useFileAction();
  const exportFile = async () => {
    if (!chosenYear) return;
    await run('bestuur', () => call('reports.boardFigures', { schooljaar: chosenYear }));
    // The first export makes the key: show its fingerprint.
    key.reload();
  };
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('export.title')}>
      <Title order={3} size="h5" mb={4}>
        {t('export.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('export.help')}
      </Text>
      <Group align="flex-end" gap="sm">
        {/* Its own picker, named apart from the page's year picker (a screen reader hears two fields otherwise alike). */}
        <Select
          label={t('export.year')}
          data={years.map((y) => y.schooljaar)}
          value={chosenYear}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={200}
          data-testid="bestuur-jaar"
        />
        <Button loading={busy === 'bestuur'} disabled={!chosenYear} onClick={() => void exportFile()} data-testid="bestuur-export">
          {t('export.button')}
        </Button>
      </Group>
      <Text size="sm" mt="md">
        {t('export.fingerprint')}
      </Text>
      <Text ff="monospace" fz="lg" fw={700} data-testid="bestuur-vingerafdruk">
        {key.data?.vingerafdruk ?? t('export.noKey')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('export.fingerprintHelp')}
      </Text>
    </Paper>
  );
}

function status(c: BoardFileCheck, t: (k: string) => string) {
  if (!c.geldig)
    return (
      <Badge color="red.9" radius="sm" tt="none" style={{ flexShrink: 0 }}>
        {t('merge.invalid')}
      </Badge>
    );
  if (c.sleutel === 'anders')
    return (
      <Badge color="orange.9" radius="sm" tt="none" style={{ flexShrink: 0 }}>
        {t('merge.otherKey')}
      </Badge>
    );
  if (c.sleutel === 'nieuw')
    return (
      <Badge color="schoolblauw.8" radius="sm" tt="none" style={{ flexShrink: 0 }}>
        {t('merge.newKey')}
      </Badge>
    );
  return (
    <Badge color="teal.9" radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t('merge.valid')}
    </Badge>
  );
}

function MergeCard() {
  const { t } = useTranslation('board');
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [checks, setChecks] = useState<BoardFileCheck[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const submit = useSubmit();

  const choose = async (list: File[]) => {
    setError(null);
    setChecks([]);
    setConfirmed([]);
    if (!list.length) return;
    setReading(true);
    try {
      const read = await Promise.all(list.map(readChosenFile));
      const failed = read.find((f): f is { error: string } => 'error' in f);
      if (failed) {
        setError(failed.error);
        return;
      }
      const files = (read as { naam: string; inhoud: string }[]).map((f) => ({ naam: f.naam, inhoudBase64: f.inhoud }));
      setChosen(files);
      const r = await call('reports.boardCheck', { bestanden: files });
      if (r.ok) setChecks(r.value);
      else setError(r.error.message);
    } finally {
      setReading(false);
    }
  };

  const blocked = checks.some((c) => !c.geldig || (c.sleutel === 'anders' && !confirmed.includes(c.brin ?? '')));
  const merge = () =>
    submit.run(() => call('reports.boardMerge', { bestanden: chosen, nieuweSleutelBevestigd: confirmed }), {
      error: setError,
      onSuccess: (out) => {
        downloadFile(out.docx);
        downloadFile(out.xlsx);
        setChecks((cs) => cs.map((c) => (c.geldig ? { ...c, sleutel: 'bekend', eerdereVingerafdruk: null } : c)));
        setConfirmed([]);
      },
      done: (out) => t('merge.done', { count: out.scholen, year: out.schooljaar }),
    });

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('merge.title')}>
      <Title order={3} size="h5" mb={4}>
        {t('merge.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('merge.help')}
      </Text>
      <FileButton onChange={(files) => void choose(files)} accept={`${BOARD_FILE_SUFFIX},.json,application/json`} multiple>
        {(props) => (
          <Button {...props} variant="light" loading={reading} data-testid="bestuur-kies">
            {t('merge.choose')}
          </Button>
        )}
      </FileButton>
      {error && (
        <Alert color="red" mt="sm" data-testid="bestuur-fout">
          {error}
        </Alert>
      )}
      {checks.length > 0 && (
        <Stack gap="sm" mt="md">
          <Table withTableBorder striped verticalSpacing={4} fz="sm" aria-label={t('merge.files')} data-testid="bestuur-bestanden">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('merge.col.file')}</Table.Th>
                <Table.Th scope="col">{t('merge.col.school')}</Table.Th>
                <Table.Th scope="col">{t('merge.col.year')}</Table.Th>
                <Table.Th scope="col">{t('merge.col.fingerprint')}</Table.Th>
                <Table.Th scope="col" style={{ minWidth: 220 }}>
                  {t('merge.col.check')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checks.map((c) => (
                <Table.Tr key={c.bestandsnaam}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{c.bestandsnaam}</Table.Td>
                  <Table.Td>{c.school ? `${c.school} (${c.brin})` : '–'}</Table.Td>
                  <Table.Td>{c.schooljaar ?? '–'}</Table.Td>
                  <Table.Td ff="monospace">{c.vingerafdruk ?? '–'}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {status(c, t)}
                      {c.melding && <Text size="xs">{c.melding}</Text>}
                      {c.sleutel === 'anders' && (
                        <>
                          <Text size="xs">{t('merge.otherKeyHelp', { before: c.eerdereVingerafdruk })}</Text>
                          <Checkbox
                            size="xs"
                            label={t('merge.confirmKey')}
                            checked={confirmed.includes(c.brin ?? '')}
                            onChange={(e) =>
                              setConfirmed((xs) => (e.currentTarget.checked ? [...xs, c.brin ?? ''] : xs.filter((x) => x !== c.brin)))
                            }
                          />
                        </>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button onClick={() => void merge()} loading={submit.busy} disabled={blocked} data-testid="bestuur-samenvoegen">
              {t('merge.button')}
            </Button>
            {blocked && <Text size="sm">{t('merge.blocked')}</Text>}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

export function BoardSection({ years, initialYear }: { years: SchoolYearOption[]; initialYear: string | null }) {
  const { t } = useTranslation('board');
  // Both halves are the school leader's (the board's figures leave the school): on the school
  // server other roles do not see the section.
  const mayExport = can('reports.boardFigures');
  const mayMerge = canAll('reports.boardCheck', 'reports.boardMerge');
  if (!mayExport && !mayMerge) return null;
  return (
    <Stack gap="sm" component="section" aria-label={t('title')} data-testid="bestuur">
      <Title order={2} size="h4">
        {t('title')}
      </Title>
      <Text size="sm">{t('intro')}</Text>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        {mayExport && <ExportCard years={years} initialYear={initialYear} />}
        {mayMerge && <MergeCard />}
      </SimpleGrid>
    </Stack>
  );
}
