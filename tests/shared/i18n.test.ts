import { describe, expect, it } from 'vitest';
import { catalogues, format, localeFromLanguageTag } from '../../src/shared/i18n';

describe('i18n catalogues', () => {
  it('zh-CN and en have identical key sets', () => {
    expect(Object.keys(catalogues['zh-CN']).sort()).toEqual(Object.keys(catalogues.en).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(catalogues.en)) {
      const chinese = catalogues['zh-CN'][key as keyof typeof catalogues.en];
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
