// The app's i18n: which locale is active, `t()` for messages and date-fns for dates.
// Order: ?lang= (this load only) → the choice saved in settings → navigator.language.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { format as formatDate, formatDistanceToNow } from 'date-fns';
import { zhCN as dateZh } from 'date-fns/locale/zh-CN';
import { enUS as dateEn } from 'date-fns/locale/en-US';
import { format, isLocale, localeFromLanguageTag, type Locale, type MessageKey } from '../shared/i18n';

const STORAGE_KEY = 'patrol.locale';

export function initialLocale(): Locale {
  const forced = new URLSearchParams(location.search).get('lang');
  if (forced) return localeFromLanguageTag(forced);
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return localeFromLanguageTag(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Date and time, e.g. "Nov 27, 2026, 2:05 PM" / "2026年11月27日 14:05". */
  dateTime: (date: Date | string | number) => string;
  time: (date: Date | string | number) => string;
  ago: (date: Date | string | number) => string;
}

export function createI18n(locale: Locale): I18n {
  const dateLocale = locale === 'zh-CN' ? dateZh : dateEn;
  return {
    locale,
    t: (key, params) => format(locale, key, params),
    dateTime: (date) => formatDate(new Date(date), 'PPp', { locale: dateLocale }),
    time: (date) => formatDate(new Date(date), 'p', { locale: dateLocale }),
    ago: (date) => formatDistanceToNow(new Date(date), { locale: dateLocale, addSuffix: true }),
  };
}

export const I18nContext = createContext<I18n>(createI18n('en'));
export const useI18n = () => useContext(I18nContext);
