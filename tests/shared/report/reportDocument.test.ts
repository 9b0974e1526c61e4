import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../../src/shared/report/reportDocument';
import { weeklyStats } from '../../../src/shared/report/weeklyStats';
import { escapeHtml } from '../../../src/shared/report/html';
import { fixtureInput, WEEK, ZONE } from './fixtureInput';

function page(patch: (input: ReturnType<typeof fixtureInput>) => void = () => {}) {
  const input = fixtureInput();
  patch(input);
  const stats = weeklyStats(input, WEEK, ZONE)!;
  const asked: string[] = [];
  const html = reportDocument({
    stats,
    input,
    locale: 'zh-CN',
    scopeLabel: '全部队伍',
    generatedAt: Date.parse('2026-11-27T08:00:00Z'),
    photoSrc: (id) => (asked.push(id), `data:image/jpeg;base64,${id.slice(0, 4)}`),
  });
  return { html, asked };
}

describe('the printable report', () => {
  it('has the community and week in its header, two charts, a map and the tables', () => {
    const { html } = page();
    expect(html).toMatch(/<h1>巡逻日志社区 · 隐患周报 · 2026-W47<\/h1>/);
    expect(html).toContain('2026-11-16 至 2026-11-22');
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html.match(/<svg class="map"/g)).toHaveLength(1);
    expect(html).toContain('锦江物业');
    expect(html).toContain('整周未巡：芳草街7号院');
    // Sections after the first start on a new page.
    expect(html.match(/<section class="page-break">/g)!.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toContain('<script');
  });

  it('shows at most two photos per urgent or high hazard, none for the others', () => {
    const { html, asked } = page((input) => {
      const low = input.hazards.find((h) => h.severity === 'low' && h.createdAt > '2026-11-16')!;
      (low as { photoIds: string[] }).photoIds = ['d'.repeat(64)];
    });
    // h1 (urgent) has three photos; only two are shown. The low hazard's photo is never asked for.
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2);
    expect(asked).not.toContain('d'.repeat(64));
  });

  it('escapes user text everywhere it appears', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const { html } = page((input) => {
      (input.hazards[0] as { description: string }).description = evil;
      (input.compounds[0] as { name: { zh: string; en: string } }).name = { zh: evil, en: evil };
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(evil));
    expect(escapeHtml(evil)).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  });
});
