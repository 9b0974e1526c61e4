import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues, format, localeFromLanguageTag } from '../../src/shared/i18n';
import { lifecycleEn } from '../../src/shared/i18n/features/lifecycle';
import { mapEn } from '../../src/shared/i18n/features/map';
import { photosEn } from '../../src/shared/i18n/features/photos';
import { reportEn } from '../../src/shared/i18n/features/report';
import { refusedEn } from '../../src/shared/i18n/features/refused';
import { backupEn } from '../../src/shared/i18n/features/backup';
import { streetEn } from '../../src/shared/i18n/features/street';

const FEATURE_WORDS: Record<string, readonly string[]> = {
  photos: Object.keys(photosEn),
  lifecycle: Object.keys(lifecycleEn),
  map: Object.keys(mapEn),
  report: Object.keys(reportEn),
  refused: Object.keys(refusedEn),
  backup: Object.keys(backupEn),
  street: Object.keys(streetEn),
};

describe('i18n catalogues', () => {
  it('zh-CN and en have identical key sets', () => {
    expect(Object.keys(catalogues['zh-CN']).sort()).toEqual(Object.keys(catalogues.en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(catalogues.en)) {
      const chinese = catalogues['zh-CN'][key] ?? '';
      expect(english.trim(), key).not.toBe('');
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(english));
    }
  });

  it('the Chinese catalogue is actually Chinese', () => {
    expect(catalogues['zh-CN']['home.newHazard']).toBe('新隐患');
    expect(catalogues['zh-CN']['home.syncNow']).toBe('立即同步');
    expect(catalogues['zh-CN']['form.save']).toBe('保存');
  });
});

describe('feature words', () => {
  const sourceFiles = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(join('shared', 'i18n')))
    .map((file) => join('src', file));

  it('every file that uses a feature\'s words imports them, so they are loaded before use', () => {
    const missing: string[] = [];
    for (const file of sourceFiles) {
      const source = readFileSync(file, 'utf8');
      // Keys built at run time, like t(`severity.${s}`), count by their prefix.
      const prefixes = [...source.matchAll(/\bt\(`([\w.]+)\$\{/g)].map((m) => m[1]!);
      for (const [feature, keys] of Object.entries(FEATURE_WORDS)) {
        const uses = keys.some((key) => source.includes(`'${key}'`) || prefixes.some((prefix) => key.startsWith(prefix)));
        if (uses && !new RegExp(`i18n/features/${feature}['"]`).test(source)) missing.push(`${file} uses ${feature} words`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no key is both a core word and a feature word', () => {
    const core = new Set(Object.keys(catalogues.en).filter((key) => !Object.values(FEATURE_WORDS).some((keys) => keys.includes(key))));
    for (const keys of Object.values(FEATURE_WORDS)) for (const key of keys) expect(core.has(key), key).toBe(false);
    const all = Object.values(FEATURE_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('locale resolution and formatting', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(localeFromLanguageTag(tag)).toBe(locale);
  });

  it('fills placeholders', () => {
    expect(format('en', 'sync.waiting', { n: 3 })).toBe('3 waiting');
    expect(format('zh-CN', 'sync.waiting', { n: 3 })).toBe('3 条待同步');
  });
});
