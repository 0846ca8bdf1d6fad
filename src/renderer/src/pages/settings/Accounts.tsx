// Instellingen → Accounts, on the school server only, for the school leader and the beheerder
// (docs/SERVER.md, "Accounts en inloggen"): every account with its role, groups, second step, last
// login and lockout; an account added for a staff member from the roster; the role, groups and
// "may log in" changed; a new start password or a cleared second step. A start password is shown
// once and kept nowhere. What a caller may give is the core's to decide: its Dutch refusal stands at
// the field it concerns (a role that sees pupil data is the school leader's to give).
import { useState } from 'react';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '@shared/api';
import { ROLLEN_MET_GROEPEN } from '@shared/api/accounts';
import type { AccountOut, AccountStart } from '@shared/api/accounts';
import { ACCOUNT_ROL } from '@shared/domain';
import type { AccountRol } from '@shared/domain';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { Section } from '../../components/fields';
import { dateTime, label, options } from '../../components/format';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ModalActions } from '../../components/ModalActions';
import { useLoad } from '../../components/useLoad';

/**
 * The core's refusal on the fields of an account form: its field messages as they are, and a
 * refusal about who may give a role (GEEN_TOEGANG) next to the role; what is left goes to the form.
 */
function accountRefusal(setErrors: (e: Record<string, string>) => void) {
  return (e: ApiError): string | null => {
    if (e.fields) {
      setErrors(e.fields);
      return null;
    }
    if (e.code === 'GEEN_TOEGANG') {
      setErrors({ rol: e.message });
      return null;
    }
    setErrors({});
    return e.message;
  };
}

export default function Accounts() {
  const { t } = useTranslation('accounts');
  const list = useLoad(() => call('accounts.list', {}), []);
  const [adding, setAdding] = useState(false);
  const [managing, setManaging] = useState<number | null>(null);
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (!list.data) return <Loader aria-label={t('common:loading')} />;
  const current = managing === null ? null : (list.data.find((a) => a.id === managing) ?? null);
  return (
    <Stack gap="md" data-testid="accounts">
      <Text size="sm">{t('intro')}</Text>
      <Group>
        <Button onClick={() => setAdding(true)}>{t('add')}</Button>
      </Group>
      {list.data.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-label={t('tableLabel')} data-testid="accounts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col.naam')}</Table.Th>
                <Table.Th>{t('col.rol')}</Table.Th>
                <Table.Th>{t('col.groepen')}</Table.Th>
                <Table.Th>{t('col.tweestaps')}</Table.Th>
                <Table.Th>{t('col.laatstIngelogd')}</Table.Th>
                <Table.Th>{t('col.status')}</Table.Th>
                <Table.Th>{t('col.acties')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id} data-testid={`account-${a.gebruikersnaam}`}>
                  <Table.Td>
                    <Text size="sm">{a.naam}</Text>
                    <Code>{a.gebruikersnaam}</Code>
                  </Table.Td>
                  <Table.Td>{label(ACCOUNT_ROL, a.rol)}</Table.Td>
                  <Table.Td>{a.groepen.join(', ')}</Table.Td>
                  <Table.Td>
                    <TotpCell account={a} />
                  </Table.Td>
                  <Table.Td>{a.laatstIngelogd ? dateTime(a.laatstIngelogd) : t('nooit')}</Table.Td>
                  <Table.Td>
                    <StatusCell account={a} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setManaging(a.id)}
                      aria-label={t('manageLabel', { naam: a.naam })}
                    >
                      {t('manage')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <AddAccountModal onClose={() => setAdding(false)} />}
      {current && <ManageAccountModal key={current.id} account={current} onClose={() => setManaging(null)} />}
    </Stack>
  );
}

function TotpCell({ account: a }: { account: AccountOut }) {
  const { t } = useTranslation('accounts');
  if (a.totpIngesteld)
    return (
      <Text size="sm" fw={600}>
        {t('totp.ingesteld')}
      </Text>
    );
  if (a.totpVereist)
    return (
      <Text size="sm" fw={700}>
        {t('totp.nodig')}
      </Text>
    );
  return <Text size="sm">{t('totp.niet')}</Text>;
}

function StatusCell({ account: a }: { account: AccountOut }) {
  const { t } = useTranslation('accounts');
  const locked = a.geblokkeerdTot && a.geblokkeerdTot > new Date().toISOString();
  return (
    <Stack gap={2} align="flex-start">
      {a.actief ? (
        <Text size="sm" fw={600}>
          {t('status.actief')}
        </Text>
      ) : (
        <Text size="sm" fw={600}>
          {t('status.uit')}
        </Text>
      )}
      {locked && (
        <Text size="sm" c="red.9" fw={600}>
          {t('status.geblokkeerd', { when: dateTime(a.geblokkeerdTot) })}
        </Text>
      )}
      {a.actief && a.moetWachtwoordWijzigen && <Text size="xs">{t('status.startwachtwoord')}</Text>}
    </Stack>
  );
}

/** The role select and, for teamleider, mentor and zorg, the groups. */
function RoleFields({
  rol,
  groepen,
  errors,
  onRol,
  onGroepen,
}: {
  rol: AccountRol | null;
  groepen: string[];
  errors: Record<string, string>;
  onRol: (r: AccountRol) => void;
  onGroepen: (g: string[]) => void;
}) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <Select
        label={t('fields.rol')}
        data={options(ACCOUNT_ROL)}
        value={rol}
        onChange={(v) => v && onRol(v as AccountRol)}
        error={errors.rol}
        allowDeselect={false}
        required
      />
      {rol && ROLLEN_MET_GROEPEN.includes(rol) && (
        <TagsInput
          label={t('fields.groepen')}
          description={t('fields.groepenHint')}
          value={groepen}
          onChange={onGroepen}
          error={errors.groepen}
          splitChars={[',', ' ']}
          clearable
          withAsterisk
        />
      )}
    </>
  );
}

function AddAccountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const candidates = useLoad(() => call('accounts.candidates', {}), []);
  const [personId, setPersonId] = useState<string | null>(null);
  const [rol, setRol] = useState<AccountRol | null>(null);
  const [groepen, setGroepen] = useState<string[]>([]);
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<AccountStart | null>(null);
  const submit = useSubmit();

  if (made) return <StartPasswordModal start={made} onClose={onClose} />;

  const save = () => {
    const local: Record<string, string> = {};
    if (!personId) local.personId = t('fields.kiesMedewerker');
    if (!rol) local.rol = t('fields.kiesRol');
    if (!personId || !rol) return setErrors(local);
    return submit.run(
      () =>
        call('accounts.create', {
          personId: Number(personId),
          rol,
          groepen: ROLLEN_MET_GROEPEN.includes(rol) ? groepen : [],
          ...(gebruikersnaam.trim() ? { gebruikersnaam: gebruikersnaam.trim() } : {}),
        }),
      { refusal: accountRefusal(setErrors), error: setError, onSuccess: setMade },
    );
  };

  const data = (candidates.data ?? []).map((c) => ({
    value: String(c.personId),
    label: (c.functie ? `${c.naam} (${c.functie})` : c.naam) + (c.accountId !== null ? ` – ${t('fields.heeftAccount')}` : ''),
    disabled: c.accountId !== null,
  }));

  return (
    <Modal opened onClose={onClose} title={t('add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {candidates.error && <Alert color="red">{candidates.error.message}</Alert>}
          <Select
            label={t('fields.medewerker')}
            description={t('fields.medewerkerHint')}
            placeholder={t('fields.medewerkerPlaceholder')}
            data={data}
            value={personId}
            onChange={(v) => {
              setPersonId(v);
              setErrors(({ personId: _gone, ...rest }) => rest);
            }}
            error={errors.personId}
            searchable
            required
            nothingFoundMessage={candidates.loading ? t('common:loading') : undefined}
            data-testid="account-medewerker"
          />
          <RoleFields
            rol={rol}
            groepen={groepen}
            errors={errors}
            onRol={(r) => {
              setRol(r);
              setErrors(({ rol: _gone, ...rest }) => rest);
            }}
            onGroepen={(g) => {
              setGroepen(g);
              setErrors(({ groepen: _gone, ...rest }) => rest);
            }}
          />
          <TextInput
            label={t('fields.gebruikersnaam')}
            description={t('fields.gebruikersnaamHint')}
            value={gebruikersnaam}
            onChange={(e) => setGebruikersnaam(e.currentTarget.value)}
            error={errors.gebruikersnaam}
            autoComplete="off"
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <ModalActions onCancel={onClose}>
            <Button type="submit" loading={submit.busy}>
              {t('create')}
            </Button>
          </ModalActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** The one-time password, shown this once: it is kept nowhere but as a hash. */
function StartPasswordModal({ start, onClose }: { start: AccountStart; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { account: a, startwachtwoord } = start;
  return (
    <Modal opened onClose={onClose} title={t('start.title', { naam: a.naam })} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm" data-testid="start-password">
        <Alert color="yellow" variant="light">
          {t('start.once')}
        </Alert>
        <Text size="sm" fw={600}>
          {t('start.gebruikersnaam')}
        </Text>
        <Code block fz="md">
          {a.gebruikersnaam}
        </Code>
        <Text size="sm" fw={600}>
          {t('start.wachtwoord')}
        </Text>
        <Code block fz="lg" data-testid="startwachtwoord">
          {startwachtwoord}
        </Code>
        <Group>
          <CopyButton value={startwachtwoord}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('start.copied') : t('start.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('start.how', { naam: a.naam, gebruikersnaam: a.gebruikersnaam })}</Text>
        {a.totpVereist && <Text size="sm">{t('start.totp', { naam: a.naam })}</Text>}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('start.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ManageAccountModal({ account: a, onClose }: { account: AccountOut; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const [rol, setRol] = useState<AccountRol>(a.rol);
  const [groepen, setGroepen] = useState<string[]>(a.groepen);
  const [actief, setActief] = useState(a.actief);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [start, setStart] = useState<AccountStart | null>(null);
  const submit = useSubmit();

  if (start) return <StartPasswordModal start={start} onClose={onClose} />;

  const changed = rol !== a.rol || actief !== a.actief || groepen.join('\n') !== a.groepen.join('\n');
  const save = () => {
    const withGroups = ROLLEN_MET_GROEPEN.includes(rol);
    const input = {
      id: a.id,
      ...(rol !== a.rol ? { rol } : {}),
      ...(withGroups && (rol !== a.rol || groepen.join('\n') !== a.groepen.join('\n')) ? { groepen } : {}),
      ...(!withGroups && rol !== a.rol ? { groepen: [] } : {}),
      ...(actief !== a.actief ? { actief } : {}),
    };
    return submit.run(() => call('accounts.update', input), {
      refusal: (e) => {
        // Switching off is refused for one's own account or the last administrator: said at the switch.
        if (!e.fields && e.code === 'REGEL' && actief !== a.actief && rol === a.rol) {
          setErrors({ actief: e.message });
          return null;
        }
        return accountRefusal(setErrors)(e);
      },
      error: setError,
      saved: true,
      onSuccess: onClose,
    });
  };

  const resetPassword = () =>
    submit.run(() => call('accounts.resetPassword', { id: a.id }), { key: 'password', error: setError, onSuccess: setStart });
  const resetTotp = () =>
    submit.run(() => call('accounts.resetTotp', { id: a.id }), {
      key: 'totp',
      error: setError,
      done: t('edit.totpResetDone', { naam: a.naam }),
    });

  return (
    <Modal opened onClose={onClose} title={t('edit.title', { naam: a.naam })} size="lg">
      <Stack gap="md">
        <Section title={t('edit.roleSection')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="sm">
              <RoleFields
                rol={rol}
                groepen={groepen}
                errors={errors}
                onRol={(r) => {
                  setRol(r);
                  if (!ROLLEN_MET_GROEPEN.includes(r)) setGroepen([]);
                  setErrors({});
                }}
                onGroepen={(g) => {
                  setGroepen(g);
                  setErrors(({ groepen: _gone, ...rest }) => rest);
                }}
              />
              <Switch
                label={t('fields.actief')}
                description={t('fields.actiefHint')}
                checked={actief}
                onChange={(e) => setActief(e.currentTarget.checked)}
                error={errors.actief}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={submit.isBusy(true)} disabled={!changed}>
                  {t('edit.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Section>
        <Section title={t('edit.passwordSection')}>
          <Stack gap="sm">
            <Text size="sm">{t('edit.passwordIntro')}</Text>
            <ConfirmAction
              label={t('edit.passwordReset')}
              question={t('edit.confirmPassword', { naam: a.naam })}
              busy={submit.isBusy('password')}
              onConfirm={resetPassword}
            />
          </Stack>
        </Section>
        <Section title={t('edit.totpSection')}>
          <Stack gap="sm">
            {!a.totpIngesteld ? (
              <Text size="sm">{t('edit.totpNone')}</Text>
            ) : (
              <>
                <Text size="sm">{t('edit.totpIntro')}</Text>
                <ConfirmAction
                  label={t('edit.totpReset')}
                  question={t('edit.confirmTotp', { naam: a.naam })}
                  busy={submit.isBusy('totp')}
                  onConfirm={resetTotp}
                />
              </>
            )}
          </Stack>
        </Section>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
