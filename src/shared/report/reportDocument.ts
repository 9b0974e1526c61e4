// The printable weekly report: one HTML builder for the endpoint's html/pdf formats and the
// app's print view. Pure: photos arrive as ready URLs (data: on the server, blob: in the app).
import { format as formatMessage, type Locale, type MessageKey } from '../i18n';
import { type Severity } from '../domain/schemas';
import { medianChart, perDayChart } from './charts';
import { csvHazards } from './csv';
import { html, type Markup } from './html';
import { localDateTime, weekRange, parseIsoWeek } from './isoWeek';
import { REPORT_CSS } from './printCss';
import type { ReportInput } from './reportInput';
import { staticMap } from './staticMap';
import { NO_KEY, type WeeklyStats } from './weeklyStats';
import '../i18n/features/report';

export interface ReportDocumentOptions {
  stats: WeeklyStats;
  input: ReportInput;
  locale: Locale;
  /** Who the report covers: "All teams" or the lead's team. */
  scopeLabel: string;
  generatedAt: number;
  /** A URL for a photo to embed, or null when the bytes are not at hand. */
  photoSrc: (photoId: string) => string | null;
}

const MAX_PHOTOS_PER_HAZARD = 2;
/** The oldest open hazards a printed page lists; the CSV has every one. */
export const MAX_PRINTED_OPEN = 200;
const num = (v: number | null) => (v === null ? '–' : String(v));

const isSevere = (h: { severity: Severity }) => h.severity === 'urgent' || h.severity === 'high';

/** The week's urgent and high hazards: the ones the report shows with their photos. */
export function severeHazards({ stats, input }: Pick<ReportDocumentOptions, 'stats' | 'input'>) {
  return printedSevere(csvHazards(input, weekRange(parseIsoWeek(stats.week, stats.timeZone)!, stats.timeZone)));
}

/** At most this many hazard cards print: urgent before high, in report order within each. */
export const MAX_PRINTED_SEVERE = 60;
const printedSevere = <H extends { severity: Severity }>(found: readonly H[]) =>
  [...found.filter((h) => h.severity === 'urgent'), ...found.filter((h) => h.severity === 'high')].slice(0, MAX_PRINTED_SEVERE);

export function reportBody(o: ReportDocumentOptions): Markup {
  const { stats, input, locale } = o;
  const t = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(locale, key, params);
  const pick = (n: { zh: string; en: string } | undefined, id: string) => (n ? (locale === 'zh-CN' ? n.zh : n.en) : id === NO_KEY ? t('report.none') : id);
  const lookup = <T extends { id: string; name: { zh: string; en: string } }>(rows: readonly T[]) => {
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string | null) => pick(byId.get(id ?? NO_KEY), id ?? NO_KEY);
  };
  const compound = lookup(input.compounds);
  const company = lookup(input.companies);
  const team = lookup(input.teams);
  const category = lookup(input.categories);
  const severity = (s: Severity) => t(`severity.${s}`);
  const range = weekRange(parseIsoWeek(stats.week, stats.timeZone)!, stats.timeZone);
  const found = csvHazards(input, range);
  const countTable = (head: string, rows: { key: string; count: number }[], name: (id: string) => string) =>
    html`<table><thead><tr><th scope="col">${head}</th><th scope="col" class="num">${t('report.col.count')}</th></tr></thead><tbody>${rows.map((r) => html`<tr><td>${name(r.key)}</td><td class="num">${r.count}</td></tr>`)}</tbody></table>`;
  const rounds = stats.effort.reduce((s, e) => s + e.rounds, 0);
  const km = Math.round(stats.effort.reduce((s, e) => s + e.km, 0) * 10) / 10;
  const severe = printedSevere(found);
  const severeCount = found.filter(isSevere).length;

  return html`<article class="weekly-report" lang="${locale}">
<header><h1>${t('report.community')} · ${t('report.heading')} · ${stats.week}</h1>
<p class="meta">${t('report.weekRange', { from: range.days[0]!, to: range.days[6]! })} · ${o.scopeLabel} · ${t('report.timeZone', { zone: stats.timeZone })} · ${t('report.generated', { time: localDateTime(o.generatedAt, stats.timeZone) })}</p></header>
<section><ul class="figures">
<li>${t('report.sum.found')}<strong data-figure="found">${stats.found.total}</strong></li>
<li>${t('report.sum.open')}<strong data-figure="open">${stats.open.count}</strong></li>
<li>${t('report.sum.resolved')}<strong data-figure="resolved">${stats.resolvedInWeek}</strong></li>
<li>${t('report.sum.rounds')}<strong data-figure="rounds">${rounds}</strong></li>
<li>${t('report.sum.km')}<strong data-figure="km">${km}</strong></li>
<li>${t('report.sum.notVisited')}<strong data-figure="notVisited">${stats.coverage.notVisitedCompoundIds.length}</strong></li></ul>
<h2>${t('report.chart.perDay')}</h2>
${perDayChart(stats.found.perDay, { title: t('report.chart.perDay'), day: (d) => d.slice(5), severity })}</section>
<section class="page-break"><h2>${t('report.sec.found')}</h2>
${countTable(t('report.col.category'), stats.found.byCategory, category)}
${countTable(t('report.col.severity'), stats.found.bySeverity, (s) => severity(s as Severity))}
${countTable(t('report.col.compound'), stats.found.byCompound, compound)}
${countTable(t('report.col.team'), stats.found.byTeam, team)}</section>
<section class="page-break"><h2>${t('report.sec.response')}</h2>
${medianChart(
  stats.responseTimes.filter((r) => r.toResolved.median !== null).map((r) => ({ name: company(r.companyId), median: r.toResolved.median! })),
  { title: t('report.chart.median'), empty: t('report.chart.empty') },
)}
<div class="table-scroll" tabindex="0" role="region" aria-label="${t('report.sec.response')}"><table><thead><tr><th scope="col">${t('report.col.company')}</th><th scope="col" class="num">${t('report.col.resolved')}</th><th scope="col" class="num">${t('report.col.assignMedian')}</th><th scope="col" class="num">${t('report.col.resolveMedian')}</th><th scope="col" class="num">${t('report.col.resolveP90')}</th><th scope="col" class="num">${t('report.col.over24')}</th><th scope="col" class="num">${t('report.col.over72')}</th></tr></thead>
<tbody>${stats.responseTimes.map((r) => html`<tr><td>${company(r.companyId)}</td><td class="num">${r.resolved}</td><td class="num">${num(r.toAssigned.median)}</td><td class="num">${num(r.toResolved.median)}</td><td class="num">${num(r.toResolved.p90)}</td><td class="num">${r.over24h}</td><td class="num">${r.over72h}</td></tr>`)}</tbody></table></div></section>
<section class="page-break"><h2>${t('report.sec.open')}</h2>
<table><thead><tr><th scope="col">${t('report.col.reported')}</th><th scope="col">${t('report.col.compound')}</th><th scope="col">${t('report.col.category')}</th><th scope="col">${t('report.col.severity')}</th><th scope="col" class="num">${t('report.col.ageDays')}</th></tr></thead>
<tbody>${stats.open.hazards.slice(0, MAX_PRINTED_OPEN).map((h) => html`<tr><td>${localDateTime(Date.parse(h.createdAt), stats.timeZone)}</td><td>${compound(h.compoundId)}</td><td>${category(h.categoryId)}</td><td>${severity(h.severity)}</td><td class="num">${Math.round((h.ageHours / 24) * 10) / 10}</td></tr>`)}</tbody></table>
${stats.open.count > MAX_PRINTED_OPEN ? html`<p>${t('report.openMore', { n: stats.open.count - MAX_PRINTED_OPEN })}</p>` : ''}</section>
<section class="page-break"><h2>${t('report.sec.effort')}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t('report.sec.effort')}"><table><thead><tr><th scope="col">${t('report.col.team')}</th><th scope="col" class="num">${t('report.sum.rounds')}</th><th scope="col" class="num">${t('report.col.hours')}</th><th scope="col" class="num">${t('report.col.km')}</th><th scope="col" class="num">${t('report.col.gaps')}</th><th scope="col" class="num">${t('report.col.minutesWithoutPosition')}</th></tr></thead>
<tbody>${stats.effort.map((e) => html`<tr><td>${team(e.teamId)}</td><td class="num">${e.rounds}</td><td class="num">${e.hours}</td><td class="num">${e.km}</td><td class="num">${e.gaps}</td><td class="num">${e.minutesWithoutPosition}</td></tr>`)}</tbody></table></div>
<h2>${t('report.sec.coverage')}</h2>
<table><thead><tr><th scope="col">${t('report.col.day')}</th><th scope="col" class="num">${t('report.col.visited')}</th></tr></thead>
<tbody>${stats.coverage.days.map((d) => html`<tr><td>${d.date}</td><td class="num">${d.visitedCompoundIds.length} / ${stats.coverage.compounds}</td></tr>`)}</tbody></table>
<p>${stats.coverage.notVisitedCompoundIds.length === 0 ? t('report.allVisited') : t('report.notVisitedList', { list: stats.coverage.notVisitedCompoundIds.map(compound).join('、') })}</p></section>
<section class="page-break"><h2>${t('report.sec.map')}</h2>
${staticMap(input.compounds, found, { title: t('report.sec.map'), compoundName: (id) => compound(id), severity })}</section>
${severe.length > 0 ? html`<section class="page-break"><h2>${t('report.sec.photos')}</h2>${severe.map((h) => {
  const photos = h.photoIds.map(o.photoSrc).filter((src): src is string => src !== null).slice(0, MAX_PHOTOS_PER_HAZARD);
  return html`<div class="hazard-card"><p><strong>${severity(h.severity)} · ${category(h.categoryId)} · ${compound(h.compoundId)}</strong> · ${localDateTime(Date.parse(h.createdAt), stats.timeZone)}<br/>${h.description}</p>${photos.length > 0 ? html`<div class="photos">${photos.map((src) => html`<img src="${src}" alt="${category(h.categoryId)}"/>`)}</div>` : ''}</div>`;
})}${severeCount > severe.length ? html`<p>${t('report.severeMore', { n: severeCount - severe.length })}</p>` : ''}</section>` : ''}
</article>`;
}

/** A standalone page (endpoint html, server-side PDF). */
export function reportDocument(o: ReportDocumentOptions): string {
  const title = `${formatMessage(o.locale, 'report.heading')} ${o.stats.week}`;
  return `<!doctype html><html lang="${o.locale}"><head><meta charset="utf-8"><title>${html`${title}`.html}</title><style>${REPORT_CSS}</style></head><body>${reportBody(o).html}</body></html>`;
}
