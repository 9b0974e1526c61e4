// The report's two charts as plain SVG markup (no canvas, so they print sharp, and no script).
// Presentation attributes only, no style attributes: the app's CSP forbids inline styles.
import { SEVERITIES, type Severity } from '../domain/schemas';
import { html, trusted, type Markup } from './html';
import { SEVERITY_COLORS } from './severityColors';
import type { WeeklyStats } from './weeklyStats';

const W = 640;
const FONT_ATTRS = trusted('font-family="sans-serif" font-size="12"');

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least the largest value. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power);
}

export function perDayChart(
  perDay: WeeklyStats['found']['perDay'],
  labels: { title: string; day: (date: string) => string; severity: (s: Severity) => string },
): Markup {
  const H = 260;
  const left = 40;
  const top = 30;
  const bottom = 40;
  const plotH = H - top - bottom;
  const totals = perDay.map((d) => SEVERITIES.reduce((sum, s) => sum + d[s], 0));
  const max = niceMax(Math.max(...totals));
  const slot = (W - left - 10) / perDay.length;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  const bars = perDay.map((day, i) => {
    let base = 0;
    const x = left + i * slot + slot * 0.2;
    const rects = SEVERITIES.filter((s) => day[s] > 0).map((s) => {
      const r = html`<rect x="${x.toFixed(1)}" y="${y(base + day[s]).toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${(y(base) - y(base + day[s])).toFixed(1)}" fill="${SEVERITY_COLORS[s]}"><title>${labels.severity(s)}: ${day[s]}</title></rect>`;
      base += day[s];
      return r;
    });
    return html`${rects}<text x="${(x + slot * 0.3).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" ${FONT_ATTRS}>${labels.day(day.date)}</text>${totals[i]! > 0 ? html`<text x="${(x + slot * 0.3).toFixed(1)}" y="${(y(totals[i]!) - 4).toFixed(1)}" text-anchor="middle" ${FONT_ATTRS}>${totals[i]!}</text>` : ''}`;
  });
  const legend = SEVERITIES.map((s, i) => html`<rect x="${left + i * 120}" y="${H - 14}" width="12" height="12" fill="${SEVERITY_COLORS[s]}"/><text x="${left + i * 120 + 16}" y="${H - 4}" ${FONT_ATTRS}>${labels.severity(s)}</text>`);
  return html`<svg class="chart" role="img" aria-label="${labels.title}" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${labels.title}</title>${ticks.map((v) => html`<line x1="${left}" x2="${W - 10}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ccc"/><text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" ${FONT_ATTRS}>${v}</text>`)}${bars}${legend}</svg>`;
}

export function medianChart(rows: readonly { name: string; median: number }[], labels: { title: string; empty: string }): Markup {
  if (rows.length === 0) return html`<p class="empty">${labels.empty}</p>`;
  const rowH = 26;
  const left = 200;
  const H = rows.length * rowH + 30;
  const max = niceMax(Math.max(...rows.map((r) => r.median)));
  const x = (v: number) => left + (v / max) * (W - left - 60);
  const bars = rows.map((r, i) => {
    const yTop = 10 + i * rowH;
    return html`<text x="${left - 8}" y="${yTop + 16}" text-anchor="end" ${FONT_ATTRS}>${truncate(r.name, 18)}</text><rect x="${left}" y="${yTop + 4}" width="${Math.max(1, x(r.median) - left).toFixed(1)}" height="${rowH - 8}" fill="#4292c6"><title>${r.name}: ${r.median} h</title></rect><text x="${(x(r.median) + 4).toFixed(1)}" y="${yTop + 16}" ${FONT_ATTRS}>${r.median} h</text>`;
  });
  return html`<svg class="chart" role="img" aria-label="${labels.title}" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${labels.title}</title><line x1="${left}" x2="${left}" y1="6" y2="${H - 20}" stroke="#999"/>${bars}</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

