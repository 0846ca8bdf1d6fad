// Picks a person by typing part of a name or number (people.search on the core; nothing is loaded in
// bulk). The chosen person is handed back as a PersonRef.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { PersonRef } from '@shared/api/people';
import type { PersoonSoort } from '@shared/domain';
import { PERSOON_SOORT } from '@shared/domain';
import { label } from '../format';

export function personLabel(p: PersonRef): string {
  const extra = [label(PERSOON_SOORT, p.soort), p.groep, p.leerlingnummer ?? p.functie].filter(Boolean).join(', ');
  return `${p.naam} (${extra})`;
}

type Props = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: PersonRef | null;
  onChange: (p: PersonRef | null) => void;
  soort?: PersoonSoort[];
  /** People not to offer (already chosen). */
  exclude?: number[];
};

export function PersonPicker({ value, onChange, soort, exclude, ...rest }: Props) {
  const { t } = useTranslation('people');
  const [search, setSearch] = useState(value ? personLabel(value) : '');
  const [debounced] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<PersonRef[]>([]);
  const [loading, setLoading] = useState(false);
  const known = useRef(new Map<number, PersonRef>());
  if (value) known.current.set(value.id, value);

  useEffect(() => {
    const q = debounced.trim();
    // Do not search for the label of the person just chosen.
    if (!q || (value && q === personLabel(value))) return;
    let live = true;
    setLoading(true);
    void call('people.search', { q, soort, limit: 20 }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) {
        r.value.forEach((p) => known.current.set(p.id, p));
        setFound(r.value);
      }
    });
    return () => {
      live = false;
    };
    // soort is a small array literal from the caller; its content decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, JSON.stringify(soort)]);

  const data = useMemo(() => {
    const list = [...found];
    if (value && !list.some((p) => p.id === value.id)) list.unshift(value);
    return list.filter((p) => !exclude?.includes(p.id) || p.id === value?.id).map((p) => ({ value: String(p.id), label: personLabel(p) }));
  }, [found, value, exclude]);

  return (
    <Select
      searchable
      clearable
      data={data}
      value={value ? String(value.id) : null}
      onChange={(v) => onChange(v ? (known.current.get(Number(v)) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim() ? (loading ? t('picker.searching') : t('picker.nothingFound')) : t('picker.typeToSearch')}
      placeholder={t('picker.placeholder')}
      {...rest}
    />
  );
}
