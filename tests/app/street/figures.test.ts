// Every time on the dashboard stands beside its count; report files name their week and community;
// a failure is said with what happens next, in the person's language.
import { describe, expect, it } from 'vitest';
import { csvName, hoursText } from '../../../src/app/features/street/figures';
import { streetErrorText } from '../../../src/app/features/street/streetError';
import { SyncError } from '../../../src/app/sync/SyncError';
import { format, type Locale, type MessageKey } from '../../../src/shared/i18n';

const words = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => format(locale, key, params);
const en = words('en');

describe('dashboard figures', () => {
  it('give each time with its count, and a dash when nothing was measured', () => {
    expect(hoursText({ count: 12, median: 3.24, p90: 10 }, 'median', en)).toBe('3.2 h (n=12)');
    expect(hoursText({ count: 12, median: 3.24, p90: 10 }, 'p90', en)).toBe('10.0 h (n=12)');
    expect(hoursText({ count: 0, median: null, p90: null }, 'median', en)).toBe('– (n=0)');
    expect(hoursText({ count: 3, median: 1.5, p90: 2 }, 'median', words('zh-CN'))).toBe('1.5 小时 (n=3)');
  });

  it('name a report file by week and community, without characters a file system refuses', () => {
    expect(csvName('2026-W10', '建兴路社区')).toBe('hazards-2026-W10-建兴路社区.csv');
    expect(csvName('2026-W10', 'No. 3 / East: "Old"')).toBe('hazards-2026-W10-No.-3-East-Old.csv');
    expect(csvName('2026-W10', '///')).toBe('hazards-2026-W10.csv');
  });
});

describe('street office failures', () => {
  it('say what went wrong and what to do, per kind of failure', () => {
    expect(streetErrorText(new SyncError('network', null, 'offline'), en)).toMatch(/No connection.*Nothing was changed/);
    expect(streetErrorText(new SyncError('protocol', 200, 'html'), en)).toMatch(/login page/);
    expect(streetErrorText(new SyncError('unauthorized', 401, 'unauthorized', 'unauthorized'), en)).toMatch(/Enroll it again/);
    expect(streetErrorText(new SyncError('server', 403, 'forbidden', 'forbidden'), en)).toMatch(/Only the street office/);
    expect(streetErrorText(new SyncError('server', 400, 'invalid_body', 'invalid_body'), en)).toMatch(/Check the names/);
    expect(streetErrorText(new SyncError('server', 503, 'unavailable', 'unavailable'), en)).toMatch(/error 503.*try again/);
    expect(streetErrorText(new SyncError('network', null, 'offline'), words('zh-CN'))).toMatch(/连不上服务端/);
    expect(streetErrorText(new TypeError('boom'), en)).toMatch(/error \?/);
  });
});
