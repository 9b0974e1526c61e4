// Locale resolution and message formatting, shared by app and server (no DOM here).
import { catalogues, LOCALES, type Locale } from './catalogues';
import type { Catalogue, CoreKey } from './en';
import type { lifecycleEn } from './features/lifecycle';
import type { mapEn } from './features/map';
import type { photosEn } from './features/photos';
import type { reportEn } from './features/report';
import type { refusedEn } from './features/refused';
import type { backupEn } from './features/backup';
import type { streetReportEn } from './features/streetReport';
import type { streetEn } from './features/street';

export { catalogues, LOCALES };
export type { Locale, Catalogue };

/** Every key, core and feature: `t()` is typed against all of them. */
export type MessageKey =
  | CoreKey
  | keyof typeof photosEn
  | keyof typeof lifecycleEn
  | keyof typeof mapEn
  | keyof typeof reportEn
  | keyof typeof refusedEn
  | keyof typeof backupEn
  | keyof typeof streetReportEn
  | keyof typeof streetEn;

/** zh* → zh-CN, everything else → en. */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function format(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  // A key whose feature words are not loaded shows as itself: visible, never a crash.
  const template = catalogues[locale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
