// The hazard CSV the community office opens in Excel on Windows: UTF-8 with a BOM (without it
// Excel reads Chinese as mojibake, cf. getodk/central#752), CRLF line ends, RFC 4180 quoting,
// and no cell that a spreadsheet would run as a formula (OWASP "CSV injection").
import { format, type Locale } from '../i18n';
import { HAZARD_STATUSES, SEVERITIES } from '../domain/schemas';
import type { ReportInput, ReportHazard } from './reportInput';
import { localDateTime } from './isoWeek';
import { companyResolver } from './weeklyStats';
import '../i18n/features/report';

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

// Seven decimals is ~1 cm: all a phone's fix can say, without float noise like 104.00450000000001.
const coordinate = (value: number) => Math.round(value * 1e7) / 1e7;

export function csvFileName(week: string): string {
  return `hazards-${week}.csv`;
}

/** A cell as Excel must see it: neutralised when it would start a formula, quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Every cell, numbers included: a negative number would read as text in Excel, but no
  // coordinate of a Chengdu community is negative and resolution hours are clamped at 0.
  if (startsFormula(text.charCodeAt(0)) || HIDDEN_FORMULA.test(text)) text = `'${text}`;
  // A number never holds a quote, separator or line break; only text needs the scan.
  return typeof value === 'string' && NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// ';' too: where the list separator is ';' (much of Europe, and some Excel set-ups), an unquoted
// `ok;=2+5` would become two cells, the second a live formula.
const NEEDS_QUOTES = /[",;\r\n]/;
// A formula start behind leading blanks or quotes, which some spreadsheets trim before parsing.
const HIDDEN_FORMULA = /^[\s"'\u3000]+[=+\-@]/;

/** = + - @ tab CR: what Excel, LibreOffice and Sheets read as the start of a formula. */
function startsFormula(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

export interface CsvOptions {
  locale: Locale;
  zone: string;
}

/** The header row's words, in the chosen language. */
export function csvHeader(locale: Locale): string[] {
  return CSV_COLUMNS.map((key) => format(locale, key));
}

const CSV_COLUMNS = [
  'report.csv.id',
  'report.csv.created',
  'report.csv.reporter',
  'report.col.team',
  'report.col.compound',
  'report.col.company',
  'report.col.category',
  'report.col.severity',
  'report.csv.status',
  'report.csv.assignedAt',
  'report.csv.resolvedAt',
  'report.csv.resolutionHours',
  'report.csv.lat',
  'report.csv.lng',
  'report.csv.description',
  'report.csv.photos',
] as const;

/** Builds one row per hazard; the caller decides how many rows to do between breaths. */
export function csvRowWriter(input: ReportInput, { locale, zone }: CsvOptions): (h: ReportHazard) => string {
  const zh = locale === 'zh-CN';
  const name = (n: { zh: string; en: string } | undefined, fallback: string | null) => (n ? (zh ? n.zh : n.en) : (fallback ?? ''));
  const members = new Map(input.members.map((m) => [m.id, m.name]));
  const teams = new Map(input.teams.map((t) => [t.id, t.name]));
  const compounds = new Map(input.compounds.map((c) => [c.id, c.name]));
  const companies = new Map(input.companies.map((c) => [c.id, c.name]));
  const categories = new Map(input.categories.map((c) => [c.id, c.name]));
  const companyOf = companyResolver(input);
  const severities = new Map(SEVERITIES.map((v) => [v, format(locale, `severity.${v}`)]));
  const statuses = new Map(HAZARD_STATUSES.map((v) => [v, format(locale, `hazard.status.${v}`)]));
  const local = (ms: number | null) => (ms === null ? '' : localDateTime(ms, zone));
  return (h) => {
    const company = companyOf(h);
    // Each time parsed once per row: Date.parse is a good part of a 10,000-row file's cost.
    const created = Date.parse(h.createdAt);
    const resolved = h.resolvedAt === null ? null : Date.parse(h.resolvedAt);
    const hours = resolved === null ? null : Math.max(0, Math.round(((resolved - created) / 3_600_000) * 10) / 10);
    return csvLine([
      h.id,
      local(created),
      members.get(h.reporterId) ?? h.reporterId,
      h.teamId === null ? '' : name(teams.get(h.teamId), h.teamId),
      h.compoundId === null ? '' : name(compounds.get(h.compoundId), h.compoundId),
      company === '-' ? '' : name(companies.get(company), company),
      name(categories.get(h.categoryId), h.categoryId),
      severities.get(h.severity)!,
      statuses.get(h.status)!,
      local(h.assignedAt === null ? null : Date.parse(h.assignedAt)),
      local(resolved),
      hours,
      h.position === null ? null : coordinate(h.position.lat),
      h.position === null ? null : coordinate(h.position.lng),
      h.description,
      h.photoIds.length,
    ]);
  };
}

/** The hazards a week's CSV lists: those reported in the week, oldest first. */
export function csvHazards(input: ReportInput, range: { from: number; to: number }): ReportHazard[] {
  return input.hazards
    .filter((h) => {
      const at = Date.parse(h.createdAt);
      return at >= range.from && at < range.to;
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

/** The whole file at once (tests); the app's csvBlob writes it in chunks to stay responsive. */
export function buildCsv(input: ReportInput, range: { from: number; to: number }, options: CsvOptions): string {
  return [...csvChunks(input, range, options)].join('');
}

/** The file piece by piece (BOM and header, then one row at a time), for the endpoint to stream. */
export function* csvChunks(input: ReportInput, range: { from: number; to: number }, options: CsvOptions): Generator<string> {
  const row = csvRowWriter(input, options);
  yield CSV_BOM + csvLine(csvHeader(options.locale));
  for (const h of csvHazards(input, range)) yield row(h);
}
