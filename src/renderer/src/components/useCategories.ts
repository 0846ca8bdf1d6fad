// The incident categories (standard ones and the school's own), with a code → label lookup.
import { useMemo } from 'react';
import { call } from '../api/client';
import { useLoad } from './useLoad';
import type { Category } from '@shared/api/protocols';
import { CATEGORIE } from '@shared/domain';
import i18n from '../i18n';

export function useCategories() {
  const loaded = useLoad(() => call('categories.list', {}), []);
  const list: Category[] = useMemo(() => loaded.data ?? [], [loaded.data]);
  const labelOf = useMemo(() => {
    const map = new Map(list.map((c) => [c.code, c.label]));
    return (code: string) => {
      // Standard categories have an English label; the school's own only their Dutch one.
      const std = (CATEGORIE.labels as Record<string, { nl: string; en: string } | undefined>)[code];
      if (std && i18n.language === 'en') return std.en;
      return map.get(code) ?? std?.nl ?? code;
    };
  }, [list]);
  return { list, labelOf, reload: loaded.reload };
}
