// Two people saved the same record (docs/SERVER.md "Tegelijk bewerken"): the core refused the second
// save with CONFLICT and the stored record. This dialog shows both versions side by side, only the
// fields that differ, and lets the user keep theirs (saved again over the new version) or take the
// stored one into the form. Until they choose, the form keeps everything they typed.
import { useCallback, useState } from 'react';
import { Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '@shared/api';

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

/**
 * The fields whose shown text differs, in the order of `labels`. Each side is the form's fields as
 * the user reads them (labels, names, dates), so a difference the user cannot see is not listed.
 */
export function conflictRows(labels: Record<string, string>, theirs: Record<string, string>, yours: Record<string, string>): ConflictRow[] {
  return Object.entries(labels)
    .filter(([k]) => (theirs[k] ?? '') !== (yours[k] ?? ''))
    .map(([k, label]) => ({ field: k, label, theirs: theirs[k] ?? '', yours: yours[k] ?? '' }));
}

export interface Conflict<R> {
  /** The core's Dutch sentence: who changed it and when. */
  message: string;
  /** The record as stored now, with its new version. */
  huidig: R;
}

/** The conflict a form is showing, if any: `open` is the useSubmit `conflict` option. */
export function useConflict<R>() {
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);
  const open = useCallback((e: ApiError & { huidig: unknown }) => setConflict({ message: e.message, huidig: e.huidig as R }), []);
  const close = useCallback(() => setConflict(null), []);
  /**
   * A choice in the dialog: closes it and hands the stored record to `then` ("Mijn versie opslaan":
   * save over its version; "Hun versie overnemen": put it in the form). Nothing without a record.
   */
  const choose = useCallback(
    (then: (huidig: R) => unknown) => {
      const huidig = conflict?.huidig;
      setConflict(null);
      if (huidig) void then(huidig);
    },
    [conflict],
  );
  return { conflict, open, close, choose };
}

interface Props {
  message: string | null;
  rows: ConflictRow[];
  busy?: boolean;
  /** "Mijn versie opslaan": save the form again over the stored version. */
  onKeepMine: () => void;
  /** "Hun versie overnemen": the stored record into the form. */
  onTakeTheirs: () => void;
  /** Closed without a choice: the form stays as it is (a next save meets the same conflict). */
  onClose: () => void;
}

const cell = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', verticalAlign: 'top' } as const;

export function ConflictDialog({ message, rows, busy, onKeepMine, onTakeTheirs, onClose }: Props) {
  const { t } = useTranslation('common');
  const shown = (s: string) => (s.trim() ? s : t('conflict.empty'));
  return (
    <Modal opened={message !== null} onClose={onClose} title={t('conflict.title')} size="xl" zIndex={400} data-testid="conflict-dialog">
      <Stack gap="sm">
        <Text fw={500} data-testid="conflict-message">
          {message}
        </Text>
        <Text size="sm">{rows.length ? t('conflict.intro') : t('conflict.noDifference')}</Text>
        {rows.length > 0 && (
          <ScrollArea.Autosize mah="50vh" type="auto">
            <Table withTableBorder withColumnBorders layout="fixed" data-testid="conflict-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%" scope="col">
                    {t('conflict.field')}
                  </Table.Th>
                  <Table.Th scope="col">{t('conflict.theirs')}</Table.Th>
                  <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.field} data-field={r.field}>
                    <Table.Th scope="row" style={cell}>
                      {r.label}
                    </Table.Th>
                    <Table.Td style={cell} data-testid={`conflict-theirs-${r.field}`}>
                      {shown(r.theirs)}
                    </Table.Td>
                    <Table.Td style={cell} data-testid={`conflict-yours-${r.field}`}>
                      {shown(r.yours)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onTakeTheirs} disabled={busy} data-testid="conflict-theirs">
            {t('conflict.takeTheirs')}
          </Button>
          <Button onClick={onKeepMine} loading={busy} data-testid="conflict-mine">
            {t('conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
