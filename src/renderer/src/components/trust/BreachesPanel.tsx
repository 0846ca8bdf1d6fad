// Privacy → Datalekken: the register of data breaches, with the 72-hour deadline
// for the Autoriteit Persoonsgegevens when there is a risk (AVG art. 33), and for a high risk the
// people affected to inform, or the exception of AVG art. 34 lid 3 that applies and why.
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { BETROKKENEN_UITZONDERING, UITZONDERING_SUB } from '@shared/api/trust';
import type { BetrokkenenUitzondering, DataBreach } from '@shared/api/trust';
import { dateTime, shortDate } from '../format';
import { DateField, TimeField } from '../fields';
import { useLoad } from '../useLoad';
import { useApp } from '../AppContext';
import { ModalActions } from '../ModalActions';

export function BreachesPanel() {
  const { t } = useTranslation('trust');
  const list = useLoad(() => call('trust.breaches.list', { limit: 500 }), []);
  const [editing, setEditing] = useState<DataBreach | 'new' | null>(null);
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return <Loader aria-label={t('common:loading')} />;
  const apCell = (b: DataBreach) => {
    if (!b.risico) return <Text size="sm">{t('breaches.notNeeded')}</Text>;
    if (b.apGemeldOp) return <Text size="sm">{t('breaches.reported', { when: dateTime(b.apGemeldOp) })}</Text>;
    if (b.apTeLaat)
      return (
        <Badge color="red.9" variant="filled">
          {t('breaches.late', { when: dateTime(b.apUiterlijk) })}
        </Badge>
      );
    // Filled light orange with dark text (AA contrast), as the obligations do.
    return (
      <Badge color="orange.2" variant="filled" autoContrast>
        {t('breaches.deadline', { when: dateTime(b.apUiterlijk) })}
      </Badge>
    );
  };
  const informedCell = (b: DataBreach) => {
    if (b.betrokkenenGeinformeerdOp)
      return <Text size="sm">{t('breaches.informed', { when: shortDate(b.betrokkenenGeinformeerdOp) })}</Text>;
    if (!b.hoogRisico) return <Text size="sm">{t('breaches.notNeeded')}</Text>;
    if (b.betrokkenenUitzondering)
      return <Text size="sm">{t('breaches.exceptionShort', { sub: UITZONDERING_SUB[b.betrokkenenUitzondering] })}</Text>;
    return (
      <Badge color="orange.2" variant="filled" autoContrast>
        {t('breaches.toInform')}
      </Badge>
    );
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('breaches.intro')}</Text>
      <Group>
        <Button onClick={() => setEditing('new')}>{t('breaches.new')}</Button>
      </Group>
      {list.data.rows.length === 0 ? (
        <Text c="dimmed">{t('breaches.empty')}</Text>
      ) : (
        <Table striped withTableBorder aria-label={t('privacy.tabBreaches')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('breaches.col.ontdekt')}</Table.Th>
              <Table.Th>{t('breaches.col.wat')}</Table.Th>
              <Table.Th>{t('breaches.col.risico')}</Table.Th>
              <Table.Th>{t('breaches.col.ap')}</Table.Th>
              <Table.Th>{t('breaches.col.betrokkenen')}</Table.Th>
              <Table.Th>{t('breaches.col.acties')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{dateTime(b.ontdektOp)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {b.omschrijving}
                  </Text>
                </Table.Td>
                <Table.Td>{b.hoogRisico ? t('breaches.high') : b.risico ? t('common:yes') : t('common:no')}</Table.Td>
                <Table.Td>{apCell(b)}</Table.Td>
                <Table.Td>{informedCell(b)}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(b)}>
                    {t('breaches.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <BreachModal
          breach={editing === 'new' ? null : editing}
          onClose={(done) => {
            setEditing(null);
            if (done) list.reload();
          }}
        />
      )}
    </Stack>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A UTC timestamp as local date and time fields, and back. */
const split = (iso: string | null) => {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
};
const join = (date: string, time: string) => (date ? new Date(`${date}T${time || '00:00'}:00`).toISOString() : null);

function BreachModal({ breach, onClose }: { breach: DataBreach | null; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('trust');
  const { status } = useApp();
  const now = split(new Date().toISOString());
  const found = breach ? split(breach.ontdektOp) : { date: status?.vandaag ?? now.date, time: now.time };
  const reported = split(breach?.apGemeldOp ?? null);
  const [v, setV] = useState({
    omschrijving: breach?.omschrijving ?? '',
    ontdektDatum: found.date,
    ontdektTijd: found.time,
    voorgevallenOp: breach?.voorgevallenOp ?? '',
    betrokkenen: breach?.betrokkenen ?? '',
    aantalBetrokkenen: breach?.aantalBetrokkenen ?? ('' as number | ''),
    soortGegevens: breach?.soortGegevens ?? '',
    risico: breach?.risico ?? false,
    hoogRisico: breach?.hoogRisico ?? false,
    risicoToelichting: breach?.risicoToelichting ?? '',
    maatregelen: breach?.maatregelen ?? '',
    apDatum: reported.date,
    apTijd: reported.time,
    apKenmerk: breach?.apKenmerk ?? '',
    betrokkenenGeinformeerdOp: breach?.betrokkenenGeinformeerdOp ?? '',
    uitzondering: (breach?.betrokkenenUitzondering ?? null) as BetrokkenenUitzondering | null,
    uitzonderingReden: breach?.betrokkenenUitzonderingReden ?? '',
    afgeslotenOp: breach?.afgeslotenOp ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((o) => ({ ...o, [k]: value }));
  const high = v.risico && v.hoogRisico;
  const submit = useSubmit();
  const save = () => {
    const input = {
      omschrijving: v.omschrijving,
      ontdektOp: join(v.ontdektDatum, v.ontdektTijd) ?? '',
      voorgevallenOp: v.voorgevallenOp || null,
      betrokkenen: v.betrokkenen,
      aantalBetrokkenen: v.aantalBetrokkenen === '' ? null : Number(v.aantalBetrokkenen),
      soortGegevens: v.soortGegevens || null,
      risico: v.risico,
      hoogRisico: high,
      risicoToelichting: v.risicoToelichting || null,
      maatregelen: v.maatregelen || null,
      apGemeldOp: v.risico ? join(v.apDatum, v.apTijd) : null,
      apKenmerk: v.apKenmerk || null,
      betrokkenenGeinformeerdOp: v.betrokkenenGeinformeerdOp || null,
      // Only a high risk asks to inform the people affected, so only then an exception (art. 34 lid 3).
      betrokkenenUitzondering: high ? v.uitzondering : null,
      betrokkenenUitzonderingReden: high && v.uitzondering ? v.uitzonderingReden || null : null,
      afgeslotenOp: v.afgeslotenOp || null,
    };
    return submit.run(() => (breach ? call('trust.breaches.update', { ...input, id: breach.id }) : call('trust.breaches.create', input)), {
      fields: setErrors,
      saved: true,
      onSuccess: () => onClose(true),
    });
  };
  return (
    <Modal opened onClose={() => onClose(false)} title={breach ? t('breaches.edit') : t('breaches.new')} size="lg">
      <Stack gap="sm">
        <Textarea
          label={t('breaches.what')}
          value={v.omschrijving}
          onChange={(e) => set('omschrijving', e.currentTarget.value)}
          error={errors.omschrijving}
          required
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <DateField
            label={t('breaches.discovered')}
            value={v.ontdektDatum}
            onChange={(d) => set('ontdektDatum', d)}
            error={errors.ontdektOp}
            required
          />
          <TimeField label={t('breaches.discoveredTime')} value={v.ontdektTijd} onChange={(x) => set('ontdektTijd', x)} />
        </Group>
        <DateField
          label={t('breaches.happened')}
          value={v.voorgevallenOp}
          onChange={(d) => set('voorgevallenOp', d)}
          error={errors.voorgevallenOp}
        />
        <TextInput
          label={t('breaches.whose')}
          value={v.betrokkenen}
          onChange={(e) => set('betrokkenen', e.currentTarget.value)}
          error={errors.betrokkenen}
          required
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('breaches.howMany')}
            value={v.aantalBetrokkenen}
            onChange={(n) => set('aantalBetrokkenen', typeof n === 'number' ? n : '')}
            error={errors.aantalBetrokkenen}
            min={0}
            allowDecimal={false}
          />
          <TextInput
            label={t('breaches.kinds')}
            value={v.soortGegevens}
            onChange={(e) => set('soortGegevens', e.currentTarget.value)}
            error={errors.soortGegevens}
          />
        </Group>
        <Switch label={t('breaches.risk')} checked={v.risico} onChange={(e) => set('risico', e.currentTarget.checked)} />
        {v.risico && (
          <Switch
            label={t('breaches.highRisk')}
            checked={v.hoogRisico}
            onChange={(e) => set('hoogRisico', e.currentTarget.checked)}
            error={errors.hoogRisico}
          />
        )}
        {v.risico && (
          <Textarea
            label={t('breaches.riskNote')}
            value={v.risicoToelichting}
            onChange={(e) => set('risicoToelichting', e.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        <Textarea
          label={t('breaches.measures')}
          value={v.maatregelen}
          onChange={(e) => set('maatregelen', e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {v.risico && (
          <Group grow align="flex-start">
            <DateField label={t('breaches.reportedDate')} value={v.apDatum} onChange={(d) => set('apDatum', d)} error={errors.apGemeldOp} />
            <TimeField label={t('breaches.reportedTime')} value={v.apTijd} onChange={(x) => set('apTijd', x)} />
            <TextInput label={t('breaches.apRef')} value={v.apKenmerk} onChange={(e) => set('apKenmerk', e.currentTarget.value)} />
          </Group>
        )}
        <Group grow align="flex-start">
          <DateField
            label={t('breaches.informedDate')}
            value={v.betrokkenenGeinformeerdOp}
            onChange={(d) => set('betrokkenenGeinformeerdOp', d)}
            error={errors.betrokkenenGeinformeerdOp}
          />
          <DateField
            label={t('breaches.closedDate')}
            value={v.afgeslotenOp}
            onChange={(d) => set('afgeslotenOp', d)}
            error={errors.afgeslotenOp}
          />
        </Group>
        {high && (
          <>
            <Select
              label={t('breaches.exception')}
              description={t('breaches.exceptionHelp')}
              data={BETROKKENEN_UITZONDERING.map((u) => ({ value: u, label: t(`breaches.exceptions.${u}`) }))}
              value={v.uitzondering}
              onChange={(x) => set('uitzondering', x as BetrokkenenUitzondering | null)}
              error={errors.betrokkenenUitzondering}
              clearable
            />
            {v.uitzondering && (
              <Textarea
                label={t('breaches.exceptionReason')}
                value={v.uitzonderingReden}
                onChange={(e) => set('uitzonderingReden', e.currentTarget.value)}
                error={errors.betrokkenenUitzonderingReden}
                required
                autosize
                minRows={2}
              />
            )}
          </>
        )}
        <ModalActions onCancel={() => onClose(false)}>
          <Button onClick={() => void save()}>{t('common:actions.save')}</Button>
        </ModalActions>
      </Stack>
    </Modal>
  );
}
