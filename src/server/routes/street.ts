// /api/v1/street: the street office (an admin of the street, with no community of its own).
// It reads every community of its street, creates communities with their first admin, manages
// the street's property companies, and sees the week across all of them. Another street's
// community or company answers exactly like a missing one.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/openStore';
import type { AuthedEnv } from '../http/env';
import { ApiError } from '../http/apiError';
import { readJson } from '../http/readJson';
import { isStreetAdmin } from '../auth/caller';
import { communityCreateSchema, companyCreateSchema, type Community } from '../../shared/protocol/street';
import { listCommunities, putCommunity } from '../store/communities';
import { createAdmin } from '../store/admins';
import { putPropertyCompany } from '../store/reference';
import { recordAudit } from '../store/audit';
import { streetFigures, streetHazardFeatures, streetMap } from '../store/streetFigures';
import { streetCsv, streetDocument } from '../../shared/report/streetReport';
import type { PdfReports } from '../report/pdfReports';
import { dataVersion } from '../store/changes';
import { reportFormat, reportLocale, reportWeek } from '../http/reportQuery';
import { REPORT_CSP } from './reports';
import { isTimeZone } from '../../shared/report/isoWeek';

const requireStreetAdmin = createMiddleware<AuthedEnv>(async (c, next) => {
  if (!isStreetAdmin(c.get('caller'))) throw new ApiError(403, 'forbidden', 'only the street office may use this route');
  await next();
});

export function streetRoutes(store: Store, options: { now: () => Date; timeZone: string; pdfs: PdfReports }) {
  const { sql } = store;
  const weekOf = (param: string | undefined) => reportWeek(param, options.timeZone, options.now());
  const toWire = (c: { id: string; name: Community['name']; timeZone: string | null }): Community => ({ id: c.id, name: c.name, timeZone: c.timeZone });
  return new Hono<AuthedEnv>()
    .use(requireStreetAdmin)
    .get('/communities', async (c) => c.json({ communities: (await listCommunities(sql, c.get('caller').streetId)).map(toWire) }, 200))
    .post('/communities', async (c) => {
      const body = await readJson(c, communityCreateSchema);
      if (body.timeZone && !isTimeZone(body.timeZone)) throw new ApiError(400, 'invalid_body', `timeZone must be an IANA zone like Asia/Shanghai, got ${JSON.stringify(body.timeZone)}`);
      const caller = c.get('caller');
      const community = { id: `community-${randomUUID()}`, streetId: caller.streetId, name: body.name, timeZone: body.timeZone ?? null };
      const now = options.now();
      const admin = await sql.transaction(async (tx) => {
        await putCommunity(tx, community);
        await recordAudit(tx, caller, 'community.add', community.id, { name: community.name }, now);
        return createAdmin(tx, body.admin.name, now, { communityId: community.id, streetId: caller.streetId });
      });
      return c.json({ community: toWire(community), admin }, 201);
    })
    .get('/companies', async (c) => {
      const rows = await sql.all<{ id: string; name_zh: string; name_en: string }>('SELECT id, name_zh, name_en FROM property_companies WHERE street_id = ? ORDER BY id', [c.get('caller').streetId]);
      return c.json({ companies: rows.map((r) => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } })) }, 200);
    })
    .post('/companies', async (c) => {
      const { name } = await readJson(c, companyCreateSchema);
      const caller = c.get('caller');
      const company = { id: `pc-${randomUUID()}`, name };
      await sql.transaction(async (tx) => {
        await putPropertyCompany(tx, company, caller.streetId);
        await recordAudit(tx, caller, 'company.add', company.id, { name }, options.now());
      });
      return c.json({ company }, 201);
    })
    .get('/dashboard', async (c) => {
      const week = weekOf(c.req.query('week'));
      return c.json(await streetFigures(sql, c.get('caller').streetId, week, options.now().getTime()), 200);
    })
    .get('/map', async (c) => c.json(await streetMap(sql, c.get('caller').streetId, weekOf(c.req.query('week')), options.now().getTime()), 200))
    // The street's weekly report, in the community report's formats.
    .get('/report', async (c) => {
      const week = weekOf(c.req.query('week'));
      const format = reportFormat(c.req.query('format'));
      const locale = reportLocale(c.req.query('lang'));
      const streetId = c.get('caller').streetId;
      const figures = await streetFigures(sql, streetId, week, options.now().getTime());
      const fileName = `street-${week.label}`;
      if (format === 'json') return c.json(figures, 200);
      if (format === 'csv') return c.body(streetCsv(figures, locale), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}.csv"` });
      if (format === 'geojson') {
        const body = JSON.stringify({ type: 'FeatureCollection', features: await streetHazardFeatures(sql, streetId, week) });
        return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}.geojson"` });
      }
      const street = await sql.get<{ name_zh: string; name_en: string }>('SELECT name_zh, name_en FROM streets WHERE id = ?', [streetId]);
      const page = streetDocument(figures, locale, locale === 'zh-CN' ? (street?.name_zh ?? '') : (street?.name_en ?? ''));
      if (format === 'html') return c.body(page, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REPORT_CSP });
      // Through the endpoint's one PDF queue: one render at a time, shared and kept until the data changes.
      const key = `street|${streetId}|${week.label}|${locale}`;
      const pdf = await options.pdfs.get(key, await dataVersion(sql), c.get('caller').deviceId, c.req.raw.signal, async () => page);
      if (pdf === null) throw new ApiError(503, 'unavailable', 'PDF needs Chromium on the server (CHROMIUM_PATH); use format=html and print it instead');
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName}.pdf"` });
    });
}
