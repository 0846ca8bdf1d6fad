// Instellingen → Brieven: the letterhead's logo (PNG/JPEG, checked by the core), the place on the date
// line, the objection address, and the fixed texts of every letter kind with their placeholders.
// The core refuses an unknown placeholder with a Dutch message naming it; that message is shown here.
import { useEffect, useRef, useState } from 'react';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import type { ApiError } from '@shared/api';
import type { LetterKind, LetterKindTexts, TextVariant } from '@shared/api/letters';
import { LETTER_KINDS, LETTER_KIND_LABEL } from '@shared/api/letters';
import { useLoad } from '../../components/useLoad';

export default function Brieven() {
  const { t } = useTranslation('letters');
  return (
    <Stack gap="lg">
      <Text size="sm">{t('settings.intro')}</Text>
      <Letterhead />
      <Texts />
    </Stack>
  );
}

function Letterhead() {
  const { t } = useTranslation('letters');
  const loaded = useLoad(() => call('letters.settings.get', {}), []);
  const [plaats, setPlaats] = useState('');
  const [bezwaar, setBezwaar] = useState('');
  const [volwassenen, setVolwassenen] = useState<'je' | 'u'>('je');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useSubmit();
  // Take newly loaded values only for fields the user has not changed since the last load.
  const shown = useRef<{ plaats: string; bezwaar: string; volwassenen: 'je' | 'u' } | null>(null);
  useEffect(() => {
    const d = loaded.data;
    if (!d) return;
    const prev = shown.current;
    const next = { plaats: d.plaats ?? '', bezwaar: d.bezwaarAdres ?? '', volwassenen: d.volwassenen };
    setPlaats((cur) => (!prev || cur === prev.plaats ? next.plaats : cur));
    setBezwaar((cur) => (!prev || cur === prev.bezwaar ? next.bezwaar : cur));
    setVolwassenen((cur) => (!prev || cur === prev.volwassenen ? next.volwassenen : cur));
    shown.current = next;
  }, [loaded.data]);
  if (loaded.loading || !loaded.data) return <Loader aria-label={t('common:loading')} />;
  const save = (logoBase64?: string | null) =>
    submit.run(
      () =>
        call('letters.settings.save', {
          plaats: plaats || null,
          bezwaarAdres: bezwaar || null,
          volwassenen,
          ...(logoBase64 !== undefined ? { logoBase64 } : {}),
        }),
      {
        refusal: (e) => {
          setError(e);
          return e.message;
        },
        saved: true,
        onSuccess: (s) => {
          setError(null);
          loaded.setData(s);
        },
      },
    );
  const upload = async (file: File | null) => {
    if (!file) return;
    const buf = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    await save(btoa(bin));
  };
  const s = loaded.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="brieven-briefhoofd">
      <Title order={2} size="h4" mb="sm" id="brieven-briefhoofd">
        {t('settings.logo')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          {s.logoDataUrl ? (
            <Image src={s.logoDataUrl} alt={t('settings.logo')} maw={220} mah={110} fit="contain" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.noLogo')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('settings.logoHint')}
          </Text>
          <Group>
            <FileButton onChange={(f) => void upload(f)} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="light" {...props}>
                  {t('settings.logoChoose')}
                </Button>
              )}
            </FileButton>
            {s.logo && (
              <Button variant="subtle" color="red" onClick={() => void save(null)}>
                {t('settings.logoRemove')}
              </Button>
            )}
          </Group>
        </Stack>
        <Stack gap="xs">
          <TextInput
            label={t('settings.place')}
            description={t('settings.placeHint')}
            value={plaats}
            onChange={(e) => setPlaats(e.currentTarget.value)}
            error={error?.fields?.plaats}
          />
          <TextInput
            label={t('settings.objection')}
            description={t('settings.objectionHint')}
            value={bezwaar}
            onChange={(e) => setBezwaar(e.currentTarget.value)}
            error={error?.fields?.bezwaarAdres}
          />
          <Select
            label={t('settings.adults')}
            description={t('settings.adultsHint')}
            data={[
              { value: 'je', label: t('settings.adultsJe') },
              { value: 'u', label: t('settings.adultsU') },
            ]}
            value={volwassenen}
            onChange={(v) => v && setVolwassenen(v as 'je' | 'u')}
            allowDeselect={false}
            error={error?.fields?.volwassenen}
          />
          <Group>
            <Button onClick={() => void save()}>{t('settings.save')}</Button>
          </Group>
        </Stack>
      </SimpleGrid>
      {error && !error.fields?.plaats && !error.fields?.bezwaarAdres && (
        <Alert color="red" mt="sm" role="alert">
          {error.message}
        </Alert>
      )}
    </Paper>
  );
}

function Texts() {
  const { t, i18n } = useTranslation('letters');
  const [soort, setSoort] = useState<LetterKind>('schorsing');
  const loaded = useLoad(() => call('letters.texts.get', { soort }), [soort]);
  const [draft, setDraft] = useState<Record<string, Partial<Record<TextVariant, string>>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useSubmit();
  const focused = useRef<{ code: string; variant: TextVariant; el: HTMLTextAreaElement } | null>(null);
  useEffect(() => {
    setDraft({});
    setError(null);
  }, [soort]);
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const data: LetterKindTexts | null = loaded.data;
  const value = (code: string, v: TextVariant) =>
    draft[code]?.[v] ?? data?.secties.find((x) => x.code === code)?.teksten.find((x) => x.variant === v)?.tekst ?? '';
  const set = (code: string, v: TextVariant, text: string) => setDraft((d) => ({ ...d, [code]: { ...d[code], [v]: text } }));
  const insert = (naam: string) => {
    const f = focused.current;
    if (!f) return;
    const cur = value(f.code, f.variant);
    const at = f.el.selectionStart ?? cur.length;
    set(f.code, f.variant, `${cur.slice(0, at)}{${naam}}${cur.slice(f.el.selectionEnd ?? at)}`);
  };
  const save = () =>
    submit.run(() => call('letters.texts.save', { soort, teksten: draft }), {
      refusal: (e) => {
        setError(e);
        return e.message;
      },
      saved: true,
      onSuccess: (x) => {
        setError(null);
        setDraft({});
        loaded.setData(x);
      },
    });
  const resetAll = () =>
    submit.run(() => call('letters.texts.reset', { soort }), {
      saved: true,
      onSuccess: (x) => {
        setDraft({});
        loaded.setData(x);
      },
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="brieven-teksten">
      <Title order={2} size="h4" mb="xs" id="brieven-teksten">
        {t('settings.texts')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settings.textsIntro')}
      </Text>
      <Select
        label={t('settings.kind')}
        data={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABEL[k][lang] }))}
        value={soort}
        onChange={(v) => v && setSoort(v as LetterKind)}
        allowDeselect={false}
        maw={420}
        mb="sm"
      />
      {!data ? (
        <Loader aria-label={t('common:loading')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <Stack gap="sm" style={{ gridColumn: 'span 2' }}>
            {error && (
              <Alert color="red" role="alert" data-testid="brieven-fout">
                {error.message}
              </Alert>
            )}
            <Accordion multiple defaultValue={['betreft']} variant="separated">
              {data.secties.map((sec) => (
                <Accordion.Item key={sec.code} value={sec.code}>
                  <Accordion.Control>
                    <Group gap="xs">
                      <Text fw={600} size="sm">
                        {sec.label}
                      </Text>
                      {sec.teksten.some((x) => x.aangepast) && <Badge size="xs">{t('settings.changed')}</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('settings.when')}: {sec.wanneer}
                    </Text>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Tabs defaultValue={data.varianten[0]}>
                      {data.varianten.length > 1 && (
                        <Tabs.List>
                          {data.varianten.map((v) => (
                            <Tabs.Tab key={v} value={v}>
                              {t(`settings.variant.${v}`)}
                            </Tabs.Tab>
                          ))}
                        </Tabs.List>
                      )}
                      {sec.teksten.map((x) => (
                        <Tabs.Panel key={x.variant} value={x.variant} pt="xs">
                          <Textarea
                            label={`${sec.label} — ${t(`settings.variant.${x.variant}`)}`}
                            autosize
                            minRows={sec.code === 'betreft' ? 1 : 3}
                            value={value(sec.code, x.variant)}
                            onChange={(e) => set(sec.code, x.variant, e.currentTarget.value)}
                            onFocus={(e) => (focused.current = { code: sec.code, variant: x.variant, el: e.currentTarget })}
                            error={error?.fields?.[`teksten.${sec.code}.${x.variant}`]}
                          />
                          {value(sec.code, x.variant) !== x.standaard && (
                            <Button size="compact-xs" variant="subtle" mt={4} onClick={() => set(sec.code, x.variant, x.standaard)}>
                              {t('settings.restore')}
                            </Button>
                          )}
                        </Tabs.Panel>
                      ))}
                    </Tabs>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
            <Group>
              <Button onClick={() => void save()} disabled={Object.keys(draft).length === 0} data-testid="brieven-opslaan">
                {t('settings.saveTexts')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => void resetAll()}>
                {t('settings.resetAll')}
              </Button>
            </Group>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('settings.placeholders')}
            </Text>
            {data.placeholders.map((p) => (
              <Group key={p.naam} gap={6} wrap="nowrap" align="flex-start">
                <Tooltip label={t('settings.insert', { code: `{${p.naam}}` })}>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(p.naam)}
                    aria-label={t('settings.insert', { code: `{${p.naam}}` })}
                  >
                    <span style={{ fontFamily: 'monospace' }}>{`{${p.naam}}`}</span>
                  </Button>
                </Tooltip>
                <Text size="xs">{p.uitleg}</Text>
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
