// The column mapping of a roster file: every column with example values and the field it is read
// as (recognised from its header, remembered for this source, or chosen by hand), and the first
// rows of the file as they will be read.
import { Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VELDEN_PER_SOORT } from '@shared/api/imports';
import type { RosterPreview, RosterSoort, RosterVeld } from '@shared/api/imports';

interface Props {
  preview: RosterPreview;
  soort: RosterSoort;
  koppeling: (RosterVeld | null)[];
  onChange: (k: (RosterVeld | null)[]) => void;
}

export function ColumnMapping({ preview, soort, koppeling, onChange }: Props) {
  const { t } = useTranslation('imports');
  const fields = VELDEN_PER_SOORT[soort];
  const used = new Set(koppeling.filter((v): v is RosterVeld => v !== null));
  return (
    <>
      <Title order={4} size="h5">
        {t('mapping.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mapping.help')}
      </Text>
      <Table withTableBorder verticalSpacing={4} data-testid="kolomkoppeling">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.kolom')}</Table.Th>
            <Table.Th>{t('mapping.voorbeelden')}</Table.Th>
            <Table.Th w={300}>{t('mapping.veld')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.kolommen.map((k) => (
            <Table.Tr key={k.index}>
              <Table.Td fw={600}>{k.kop || `#${k.index + 1}`}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {k.voorbeelden.slice(0, 3).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('mapping.selectFor', { kop: k.kop || `#${k.index + 1}` })}
                  value={koppeling[k.index] ?? ''}
                  allowDeselect={false}
                  data={[
                    { value: '', label: t('mapping.none') },
                    ...fields.map((f) => ({ value: f, label: t(`velden.${f}`), disabled: used.has(f) && koppeling[k.index] !== f })),
                  ]}
                  onChange={(v) =>
                    onChange(preview.kolommen.map((c, i) => (i === k.index ? ((v || null) as RosterVeld | null) : (koppeling[i] ?? null))))
                  }
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4} size="h5">
        {t('mapping.preview')}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder striped verticalSpacing={2} fz="sm" data-testid="voorbeeldregels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.regel')}</Table.Th>
              {preview.kolommen.map((k) => (
                <Table.Th key={k.index}>
                  <div>{k.kop}</div>
                  <Text size="xs" c={koppeling[k.index] ? 'schoolblauw.8' : 'gray.7'} fw={400}>
                    {koppeling[k.index] ? t(`velden.${koppeling[k.index]}`) : t('mapping.none')}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.voorbeeldRegels.slice(0, 5).map((r) => (
              <Table.Tr key={r.regel}>
                <Table.Td>{r.regel}</Table.Td>
                {preview.kolommen.map((k) => (
                  <Table.Td key={k.index} c={koppeling[k.index] ? undefined : 'gray.7'}>
                    {r.cellen[k.index]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
