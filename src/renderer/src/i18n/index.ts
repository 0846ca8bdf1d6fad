// UI text: Dutch first, English second. One namespace per concept, one JSON file per namespace and
// language under i18n/nl and i18n/en; files are picked up automatically.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Bundle = Record<string, unknown>;
const load = (files: Record<string, { default: Bundle }>) =>
  Object.fromEntries(Object.entries(files).map(([p, m]) => [p.replace(/^.*\/(.+)\.json$/, '$1'), m.default]));

const nl = load(import.meta.glob('./nl/*.json', { eager: true }));
const en = load(import.meta.glob('./en/*.json', { eager: true }));

const LANG_KEY = 'schoolprotocol.taal';
export const languages = ['nl', 'en'] as const;

void i18n.use(initReactI18next).init({
  resources: { nl, en },
  lng: localStorage.getItem(LANG_KEY) ?? 'nl',
  fallbackLng: 'nl',
  ns: Object.keys(nl),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lng: (typeof languages)[number]): void {
  localStorage.setItem(LANG_KEY, lng);
  void i18n.changeLanguage(lng);
}

export default i18n;
