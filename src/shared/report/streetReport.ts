// The street's weekly report in the community report's formats: CSV for Excel (same BOM, CRLF
// and formula-safe cells as csv.ts) and a printable page (print or PDF). One row per community
// and per property company, with every count beside the rate it explains.
import { format, type Locale } from '../i18n';
import '../i18n/features/streetReport';
import type { StreetDashboard } from '../protocol/street';
import { CSV_BOM, csvCell } from './csv';
import { html, trusted, type Markup } from './html';
import { REPORT_CSS } from './printCss';

const CRLF = '\r\n';
const num = (value: number | null) => (value === null ? '' : value);

export function streetCsv(d: StreetDashboard, locale: Locale): string {
  const t = (key: Parameters<typeof format>[1]) => format(locale, key);
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  const header = ['kind', 'name', 'found', 'open', 'overdue', 'assignMedian', 'assignP90', 'assignN', 'resolveMedian', 'resolveP90', 'resolveN', 'compounds', 'notVisited', 'rounds', 'hours', 'served', 'assigned'] as const;
  const rows: Array<Array<string | number | null>> = [header.map((h) => t(`streetReport.col.${h}`))];
  for (const c of d.communities) {
    rows.push([t('streetReport.kind.community'), name(c.name), c.found, c.open, c.overdue, num(c.toAssign.median), num(c.toAssign.p90), c.toAssign.count, num(c.toResolve.median), num(c.toResolve.p90), c.toResolve.count, c.compounds, c.notVisited.length, c.rounds, c.patrolHours, null, null]);
  }
  for (const p of d.companies) {
    rows.push([t('streetReport.kind.company'), name(p.name), null, p.open, p.overdue, null, null, null, num(p.toResolve.median), num(p.toResolve.p90), p.resolved, null, null, null, null, p.communities, p.assigned]);
  }
  return CSV_BOM + rows.map((r) => r.map((cell) => csvCell(cell === '' ? null : cell)).join(',')).join(CRLF) + CRLF;
}

export function streetDocument(d: StreetDashboard, locale: Locale, streetName: string): string {
  const t = (key: Parameters<typeof format>[1], values?: Record<string, string>) => format(locale, key, values);
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  const hours = (median: number | null, p90: number | null, n: number): Markup => html`${median ?? '–'} / ${p90 ?? '–'} (n=${n})`;
  const communities = d.communities.map(
    (c) => html`<tr><td>${name(c.name)}</td><td class="num">${c.found}</td><td class="num">${c.open}</td><td class="num">${c.overdue}</td><td class="num">${hours(c.toAssign.median, c.toAssign.p90, c.toAssign.count)}</td><td class="num">${hours(c.toResolve.median, c.toResolve.p90, c.toResolve.count)}</td><td class="num">${c.notVisited.length} / ${c.compounds}</td><td class="num">${c.rounds} · ${c.patrolHours} h</td></tr>`,
  );
  const companies = d.companies.map(
    (p) => html`<tr><td>${name(p.name)}</td><td class="num">${p.communities}</td><td class="num">${p.assigned}</td><td class="num">${p.open}</td><td class="num">${p.overdue}</td><td class="num">${hours(p.toResolve.median, p.toResolve.p90, p.resolved)}</td></tr>`,
  );
  const page = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t('streetReport.heading')} ${d.week}</title><style>${trusted(REPORT_CSS)}</style></head><body>
<h1>${streetName} · ${t('streetReport.heading')}</h1><p>${t('streetReport.week', { week: d.week })}</p><p>${t('streetReport.note')}</p>
<h2>${t('streetReport.communities')}</h2>
<table><thead><tr><th>${t('streetReport.col.name')}</th><th>${t('streetReport.col.found')}</th><th>${t('streetReport.col.open')}</th><th>${t('streetReport.col.overdue')}</th><th>${t('streetReport.col.assignMedian')} / P90 (n)</th><th>${t('streetReport.col.resolveMedian')} / P90 (n)</th><th>${t('streetReport.col.notVisited')} / ${t('streetReport.col.compounds')}</th><th>${t('streetReport.col.rounds')} · ${t('streetReport.col.hours')}</th></tr></thead><tbody>${communities}</tbody></table>
<h2>${t('streetReport.companies')}</h2>
<table><thead><tr><th>${t('streetReport.col.name')}</th><th>${t('streetReport.col.served')}</th><th>${t('streetReport.col.assigned')}</th><th>${t('streetReport.col.open')}</th><th>${t('streetReport.col.overdue')}</th><th>${t('streetReport.col.resolveMedian')} / P90 (n)</th></tr></thead><tbody>${companies}</tbody></table>
</body></html>`;
  return String(page);
}
