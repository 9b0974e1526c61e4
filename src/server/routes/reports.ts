// GET /api/v1/reports/weekly?week=2026-W47&format=json|csv|geojson|html|pdf
// Leads get their own team's report, the office (admin) everyone's, members none. The week is
// an ISO week on the community's wall clock (COMMUNITY_TZ, Asia/Shanghai by default); without
// one the last complete week is reported. Numbers come from the same shared function the app
// runs offline, so the office's download and a lead's phone agree.
import { Hono } from 'hono';
import { PROTOCOL } from '../../shared/protocol/sync';
import type { CommunityConfigResponse } from '../../shared/protocol/config';
import type { Store } from '../store/openStore';
import { dataVersion } from '../store/changes';
import { drillDown, placeOf } from '../store/communities';
import type { Sql } from '../store/sql/sql';
import type { Caller } from '../auth/caller';
import type { ReportScope } from '../../shared/report/reportInput';
import { createHash } from 'node:crypto';
import { requireRole } from '../http/auth';
import { ApiError } from '../http/apiError';
import type { AuthedEnv } from '../http/env';
import { loadReportInput, photoDataUris } from '../store/reportData';
import { PdfReports } from '../report/pdfReports';
import { WorkQueue } from '../report/workQueue';
import { DEFAULT_COMMUNITY_TZ, isTimeZone } from '../../shared/report/isoWeek';
import { reportFormat, reportLocale, reportWeek } from '../http/reportQuery';
import { scopeInput } from '../../shared/report/reportInput';
import { weeklyStats } from '../../shared/report/weeklyStats';
import { csvChunks, csvFileName } from '../../shared/report/csv';
import { geoJsonFeatures, geoJsonFileName } from '../../shared/report/geojson';
import { jsonArrayPieces, textStream } from '../report/textStream';
import { reportDocument } from '../../shared/report/reportDocument';
import { REPORT_CSS } from '../../shared/report/printCss';
import { format as formatMessage } from '../../shared/i18n';
import '../../shared/i18n/features/report';


// The report page is a document of its own: only its own style block and embedded photos.
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Reports are computed one after another in each process (the statistics are synchronous, and
// a report's rows are held while it is built); the queue bounds how many wait, so a flood of requests is answered 429 instead of piling up in memory.
export const REPORT_QUEUE = { running: 1, waiting: 16, perKey: 4, retryAfterSeconds: 5, maxWaitMs: 10_000 };

const STREAM_HOLD_MS = 60_000;

export interface ReportOptions {
  now: () => Date;
  /** IANA zone of the community (COMMUNITY_TZ). */
  timeZone?: string;
  /** The endpoint's one PDF queue, shared with the street report. */
  pdfs?: PdfReports;
}

/** The community's zone: the option, else COMMUNITY_TZ, else Asia/Shanghai. A mistyped zone throws. */
export function communityTimeZone(option?: string): string {
  const zone = option ?? (process.env.COMMUNITY_TZ || DEFAULT_COMMUNITY_TZ);
  if (!isTimeZone(zone)) throw new Error(`COMMUNITY_TZ must be an IANA time zone like Asia/Shanghai, got ${JSON.stringify(zone)}`);
  return zone;
}

/** The zone a community counts weeks in: its own when set, else the street's (COMMUNITY_TZ). */
async function zoneOf(sql: Sql, communityId: string | null, streetZone: string): Promise<string> {
  if (communityId === null) return streetZone;
  return (await sql.get<{ time_zone: string | null }>('SELECT time_zone FROM communities WHERE id = ?', [communityId]))?.time_zone ?? streetZone;
}

/** GET /api/v1/config/community: what every phone needs to count weeks as the endpoint does. */
export function communityConfigRoutes(store: Store, timeZone: string) {
  return new Hono<AuthedEnv>().get('/', async (c) => {
    const caller = c.get('caller');
    const answer: CommunityConfigResponse = { protocol: PROTOCOL, timeZone: await zoneOf(store.sql, caller.communityId, timeZone), place: await placeOf(store.sql, caller) };
    return c.json(answer, 200);
  });
}

/** Whose report: a community's office its community, a lead their team, the street office any community of its street (?community=). */
async function reportTarget(sql: Sql, caller: Caller, asked: string | undefined): Promise<{ communityId: string; scope: ReportScope }> {
  if (caller.role === 'lead') {
    if (caller.teamId === null || caller.communityId === null) throw new ApiError(403, 'forbidden', 'a lead without a team has no report');
    return { communityId: caller.communityId, scope: { teamId: caller.teamId } };
  }
  if (caller.communityId !== null) return { communityId: caller.communityId, scope: 'all' };
  const communityId = await drillDown(sql, caller, asked);
  if (communityId === null) throw new ApiError(404, 'not_found', `no community ${JSON.stringify(asked ?? '')} in this street`);
  return { communityId, scope: 'all' };
}

export function reportRoutes(store: Store, options: ReportOptions) {
  const { sql } = store;
  // A mistyped zone fails the start, not every report request.
  const streetZone = communityTimeZone(options.timeZone);
  const reports = new WorkQueue(REPORT_QUEUE, 'report');
  const pdfs = options.pdfs ?? new PdfReports();
  return new Hono<AuthedEnv>().use(requireRole('lead', 'admin')).get('/weekly', async (c) => {
    const caller = c.get('caller');
    const { communityId, scope } = await reportTarget(sql, caller, c.req.query('community'));
    const zone = await zoneOf(sql, communityId, streetZone);
    const range = reportWeek(c.req.query('week'), zone, options.now());
    const format = reportFormat(c.req.query('format'));
    const locale = reportLocale(c.req.query('lang'));
    const label = range.label;
    const signal = c.req.raw.signal;
    const load = async () => {
      const input = scopeInput(await loadReportInput(sql, range, scope, communityId), scope);
      return { input, stats: weeklyStats(input, label, zone)! };
    };
    const printable = async () => {
      const { input, stats } = await load();
      const team = scope === 'all' ? null : input.teams.find((t) => t.id === scope.teamId);
      const scopeLabel = team ? formatMessage(locale, 'report.scopeTeam', { team: locale === 'zh-CN' ? team.name.zh : team.name.en }) : formatMessage(locale, 'report.scopeAll');
      const page = { stats, input, locale, scopeLabel, generatedAt: options.now().getTime() } as const;
      // The page names the photos it shows; they are read (from disk or the bucket), then embedded.
      const wanted: string[] = [];
      reportDocument({ ...page, photoSrc: (id) => (wanted.push(id), null) });
      return reportDocument({ ...page, photoSrc: await photoDataUris(sql, store.photos, wanted) });
    };

    if (format === 'pdf') {
      const key = `${communityId}|${label}|${scope === 'all' ? '*' : scope.teamId}|${locale}`;
      // The page is built under a report slot too: its rows must not sit in memory beside another report's.
      const page = () => reports.run(caller.deviceId, signal, () => printable());
      const pdf = await pdfs.get(key, await dataVersion(sql), caller.deviceId, signal, page);
      if (pdf === null) throw new ApiError(503, 'unavailable', 'PDF needs Chromium on the server (CHROMIUM_PATH); use format=html and print it instead');
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="report-${label}.pdf"`,
      });
    }
    // The slot is held until the body is sent: a report's rows stay in memory while it streams.
    const held = await reports.acquire(caller.deviceId, signal);
    // A client that stops reading must not hold the queue: the slot goes after a minute anyway.
    const timer = setTimeout(held, STREAM_HOLD_MS);
    const release = () => {
      clearTimeout(timer);
      held();
    };
    try {
      const send = (pieces: Iterator<string>, type: string, fileName?: string) =>
        c.body(textStream(pieces, release), 200, {
          'Content-Type': type,
          ...(fileName ? { 'Content-Disposition': `attachment; filename="${fileName}"` } : {}),
        });
      if (format === 'html') {
        c.header('Content-Security-Policy', REPORT_CSP);
        return send([await printable()].values(), 'text/html; charset=utf-8');
      }
      const { input, stats } = await load();
      if (format === 'json') return send([JSON.stringify({ stats })].values(), 'application/json');
      if (format === 'csv') return send(csvChunks(input, range, { locale, zone }), 'text/csv; charset=utf-8', csvFileName(label));
      const features = jsonArrayPieces(geoJsonFeatures(input, range), '{"type":"FeatureCollection","features":[', ']}');
      return send(features, 'application/geo+json; charset=utf-8', geoJsonFileName(label));
    } catch (error) {
      release();
      throw error;
    }
  });
}
