// The words at run time: the core catalogues from the start, and each feature's words once its
// code has loaded. A feature's words module registers itself when imported, so the words travel
// in the feature's own lazy chunk instead of the first screen's (tests/shared/i18n.test.ts checks
// that every file using a feature's words imports them).
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const catalogues: Record<Locale, Record<string, string>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

export function registerWords<K extends string>(english: Record<K, string>, chinese: Record<K, string>): void {
  Object.assign(catalogues.en, english);
  Object.assign(catalogues['zh-CN'], chinese);
}
