// The guardians of a pupil (or, seen from a parent, the children): relation, parental authority, who
// receives the letters, and an adult pupil's consent to a copy for a parent (with the date it was
// recorded). Link an existing parent or add a new one on the spot.
import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { Person, PersonRef, GuardianLink } from '@shared/api/people';
import { PersonPicker } from './PersonPicker';
import { QuickPersonModal } from './QuickPersonModal';
import { shortDate } from '../format';
import { can } from '../../server/can';

interface Props {
  person: Person;
  onChange: (p: Person) => void;
}

export function GuardiansSection({ person, onChange }: Props) {
  const { t } = useTranslation('people');
  const isPupil = person.soort === 'leerling';
  const [other, setOther] = useState<PersonRef | null>(null);
  const [relatie, setRelatie] = useState('');
  const [gezag, setGezag] = useState(true);
  const [post, setPost] = useState(true);
  const [quick, setQuick] = useState(false);
  const submit = useSubmit();
  // On the school server a role that may only read (a mentor) sees the links, unchangeable.
  const mayLink = can('people.linkGuardian');
  const mayUnlink = can('people.unlinkGuardian');

  const ids = (otherId: number) => (isPupil ? { leerlingId: person.id, ouderId: otherId } : { leerlingId: otherId, ouderId: person.id });

  const link = async (p: PersonRef | null = other) => {
    if (!p) return;
    await submit.run(() => call('people.linkGuardian', { ...ids(p.id), relatie, gezag, ontvangtPost: post }), {
      key: 'link',
      onSuccess: async (answer) => {
        // The answer is the person asked for by id in the call: refetch ours if the core answered with the other side.
        onChange(answer.id === person.id ? answer : await refetch());
        setOther(null);
        setRelatie('');
      },
    });
  };

  const refetch = async (): Promise<Person> => {
    const r = await call('people.get', { id: person.id });
    return r.ok ? r.value : person;
  };

  const update = async (
    l: GuardianLink,
    patch: Partial<Pick<GuardianLink, 'relatie' | 'gezag' | 'ontvangtPost'>> & { toestemmingAfschrift?: boolean },
  ) => {
    const next = { ...l, ...patch };
    const write = () =>
      call('people.linkGuardian', {
        leerlingId: l.leerlingId,
        ouderId: l.ouderId,
        relatie: next.relatie ?? '',
        gezag: next.gezag,
        ontvangtPost: next.ontvangtPost,
        toestemmingAfschrift: patch.toestemmingAfschrift,
      });
    // A change in one row does not wait for another row's.
    await submit.run(write, {
      concurrent: true,
      onSuccess: async (answer) => onChange(answer.id === person.id ? answer : await refetch()),
    });
  };

  const unlink = (l: GuardianLink) =>
    submit.run(() => call('people.unlinkGuardian', { leerlingId: l.leerlingId, ouderId: l.ouderId }), {
      concurrent: true,
      onSuccess: async (answer) => onChange(answer.id === person.id ? answer : await refetch()),
    });

  return (
    <Stack gap="sm">
      {person.koppelingen.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isPupil ? t('guardians.none') : t('guardians.noChildren')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing="xs" data-testid="koppelingen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{isPupil ? t('guardians.ouder') : t('guardians.kind')}</Table.Th>
              <Table.Th>{t('guardians.relatie')}</Table.Th>
              <Table.Th>{t('guardians.gezag')}</Table.Th>
              <Table.Th>{t('guardians.ontvangtPost')}</Table.Th>
              <Table.Th title={t('guardians.toestemmingUitleg')}>{t('guardians.toestemming')}</Table.Th>
              {mayUnlink && (
                <Table.Th>
                  <VisuallyHidden>{t('common:actions.remove')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.koppelingen.map((l) => (
              <Table.Tr key={`${l.leerlingId}-${l.ouderId}`}>
                <Table.Td>
                  <a href={`#/personen/${l.persoon.id}`}>{l.persoon.naam}</a>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('guardians.relatieVan', { naam: l.persoon.naam })}
                    defaultValue={l.relatie ?? ''}
                    onBlur={(e) => e.currentTarget.value !== (l.relatie ?? '') && void update(l, { relatie: e.currentTarget.value })}
                    size="xs"
                    disabled={!mayLink}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('guardians.gezagVan', { naam: l.persoon.naam })}
                    checked={l.gezag}
                    onChange={(e) => void update(l, { gezag: e.currentTarget.checked })}
                    disabled={!mayLink}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('guardians.postVan', { naam: l.persoon.naam })}
                    checked={l.ontvangtPost}
                    onChange={(e) => void update(l, { ontvangtPost: e.currentTarget.checked })}
                    disabled={!mayLink}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Checkbox
                      aria-label={t(isPupil ? 'guardians.toestemmingVoor' : 'guardians.toestemmingVan', { naam: l.persoon.naam })}
                      checked={l.toestemmingAfschriftOp !== null}
                      onChange={(e) => void update(l, { toestemmingAfschrift: e.currentTarget.checked })}
                      disabled={!mayLink}
                    />
                    {l.toestemmingAfschriftOp && (
                      <Text size="xs" c="dimmed">
                        {t('guardians.toestemmingSinds', { datum: shortDate(l.toestemmingAfschriftOp) })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                {mayUnlink && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => void unlink(l)}
                      aria-label={t('guardians.unlinkVan', { naam: l.persoon.naam })}
                    >
                      {t('guardians.unlink')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {mayLink && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <PersonPicker
            label={isPupil ? t('guardians.zoekOuder') : t('guardians.zoekKind')}
            value={other}
            onChange={setOther}
            soort={isPupil ? ['ouder'] : ['leerling']}
            exclude={person.koppelingen.map((l) => l.persoon.id)}
            w={320}
          />
          <TextInput
            label={t('guardians.relatie')}
            placeholder={t('guardians.relatiePlaceholder')}
            value={relatie}
            onChange={(e) => setRelatie(e.currentTarget.value)}
            w={160}
          />
          <Checkbox mb={8} label={t('guardians.gezag')} checked={gezag} onChange={(e) => setGezag(e.currentTarget.checked)} />
          <Checkbox mb={8} label={t('guardians.ontvangtPost')} checked={post} onChange={(e) => setPost(e.currentTarget.checked)} />
          <Button variant="light" onClick={() => void link()} disabled={!other} loading={submit.isBusy('link')}>
            {t('guardians.link')}
          </Button>
          {isPupil && can('people.create') && (
            <Button variant="subtle" onClick={() => setQuick(true)}>
              {t('guardians.newOuder')}
            </Button>
          )}
        </Group>
      )}
      {isPupil && mayLink && (
        <QuickPersonModal
          opened={quick}
          onClose={() => setQuick(false)}
          onCreated={(p) => void link(p)}
          defaultSoort="ouder"
          allowed={['ouder']}
        />
      )}
    </Stack>
  );
}
