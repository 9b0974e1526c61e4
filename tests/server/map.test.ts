// The map's two routes on a real server: the basemap config (token required) and the rounds of
// a period, paged, seen by role: admin all, lead the own team's, member the rounds they walked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, enroll, errorCode } from './helpers/api';
import { pushOutcomes, roundEnd, roundStart, trackAppend } from './helpers/rounds';
import { makeStaticDir } from './helpers/testServer';
import { freshDatabaseUrl } from './helpers/backend';
import { startServer, type RunningServer } from '../../src/server/startServer';
import { mapConfigFromEnv, mapCspSources } from '../../src/server/config/mapConfig';
import { ROUNDS_PER_PAGE, roundsRangeResponseSchema, type RoundsRangeResponse } from '../../src/shared/protocol/rounds';
import { basemapConfigSchema } from '../../src/shared/map/basemap';

let server: RunningServer;
const tokens: Record<string, string> = {};
// The helpers' rounds start 2026-03-02T08:00Z; the period is that day in Chengdu (+08:00).
const FROM = encodeURIComponent('2026-03-02T00:00:00+08:00');
const TO = encodeURIComponent('2026-03-03T00:00:00+08:00');
const teamARounds: string[] = [];
let teamBRound = '';

beforeAll(async () => {
  const map = mapConfigFromEnv({ MAP_PROVIDER: 'amap' });
  server = await startServer({
    port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'patrol-map-')), databaseUrl: await freshDatabaseUrl(), staticDir: makeStaticDir(),
    demo: true, log: false, map, csp: mapCspSources(map),
  });
  for (const code of ['DEMO-A-LEAD', 'DEMO-A-01', 'DEMO-A-03', 'DEMO-B-01', 'DEMO-ADMIN']) tokens[code] = (await enroll(server.url, code)).token;
  // Six team A rounds (more than one page): three walked by a-01, three by a-03.
  for (const [walker, code] of [['m-a-01', 'DEMO-A-01'], ['m-a-03', 'DEMO-A-03']] as const) {
    for (let i = 0; i < 3; i++) {
      const start = roundStart('team-a', [walker]);
      const outcomes = await pushOutcomes(server.url, tokens[code]!, [start, trackAppend(start.data.id, 10), roundEnd(start.data.id)]);
      expect(Object.values(outcomes)).toEqual(['acked', 'acked', 'acked']);
      teamARounds.push(start.data.id);
    }
  }
  const b = roundStart('team-b', ['m-b-01']);
  await pushOutcomes(server.url, tokens['DEMO-B-01']!, [b, trackAppend(b.data.id, 4)]);
  teamBRound = b.data.id;
});
afterAll(() => server.close());

async function allPages(token: string, from = FROM, to = TO): Promise<RoundsRangeResponse[]> {
  const pages: RoundsRangeResponse[] = [];
  let cursor = '';
  for (let i = 0; i < 20; i++) {
    const result = await call(server.url, `/api/v1/rounds?from=${from}&to=${to}&cursor=${cursor}`, { token });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const page = roundsRangeResponseSchema.parse(result.body);
    pages.push(page);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('more than 20 pages');
}

describe('GET /api/v1/config/map', () => {
  it('serves the configured basemap to an enrolled device, and nothing without a token', async () => {
    const result = await call(server.url, '/api/v1/config/map', { token: tokens['DEMO-A-01'] });
    expect(result.status).toBe(200);
    const map = basemapConfigSchema.parse((result.body as { map: unknown }).map);
    expect(map).toMatchObject({ provider: 'amap', crs: 'gcj02', allowPrefetch: false });
    expect(errorCode(await call(server.url, '/api/v1/config/map'))).toBe('unauthorized');
  });

  it('lets the configured tile hosts through the CSP for images and fetches only', async () => {
    const result = await call(server.url, '/api/v1/health');
    const csp = result.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob: https://webrd01.is.autonavi.com");
    expect(csp).toContain("connect-src 'self' https://webrd01.is.autonavi.com");
    expect(csp).toContain("script-src 'self';");
  });
});

describe('map config from the environment', () => {
  it('defaults to OSM, refuses unknown providers and Tianditu without a key', () => {
    expect(mapConfigFromEnv({}).provider).toBe('osm');
    expect(() => mapConfigFromEnv({ MAP_PROVIDER: 'google' })).toThrow(/google/);
    expect(() => mapConfigFromEnv({ MAP_PROVIDER: 'tianditu' })).toThrow(/MAP_TIANDITU_KEY/);
    expect(mapConfigFromEnv({ MAP_PROVIDER: 'tianditu', MAP_TIANDITU_KEY: 'abcdef0123456789' }).labelUrl).toContain('cva_w');
  });

  it('takes a custom template with its declared CRS, and prefetch only when asked', () => {
    const custom = mapConfigFromEnv({ MAP_PROVIDER: 'custom', MAP_TILE_URL: 'https://tiles.jinniu.example/{z}/{x}/{y}.png', MAP_TILE_CRS: 'gcj02', MAP_ALLOW_PREFETCH: '1' });
    expect(custom).toMatchObject({ crs: 'gcj02', allowPrefetch: true });
    expect(mapCspSources(custom).imgHosts).toEqual(['https://tiles.jinniu.example']);
    expect(() => mapConfigFromEnv({ MAP_PROVIDER: 'custom', MAP_TILE_URL: 'http://plain.example/{z}/{x}/{y}.png' })).toThrow(/tileUrl/);
    expect(() => mapConfigFromEnv({ MAP_PROVIDER: 'custom', MAP_TILE_URL: '/t/{z}/{x}/{y}.png', MAP_TILE_CRS: 'bd09' })).toThrow(/bd09/);
    expect(mapConfigFromEnv({ MAP_PROVIDER: 'osm', MAP_ALLOW_PREFETCH: '1' }).allowPrefetch).toBe(false);
  });
});

describe('GET /api/v1/rounds', () => {
  it('gives a lead every round of the own team in pages, with batches, and progress totals', async () => {
    const pages = await allPages(tokens['DEMO-A-LEAD']!);
    expect(pages.length).toBe(Math.ceil(6 / ROUNDS_PER_PAGE));
    expect(pages.every((p) => p.total === 6)).toBe(true);
    const rounds = pages.flatMap((p) => p.rounds.map((r) => r.id));
    expect(rounds.sort()).toEqual([...teamARounds].sort());
    expect(pages.flatMap((p) => p.trackBatches).reduce((n, b) => n + b.points.length, 0)).toBe(60);
  });

  it('gives an admin both teams, and a member only the rounds they walked', async () => {
    const admin = (await allPages(tokens['DEMO-ADMIN']!)).flatMap((p) => p.rounds.map((r) => r.id));
    expect(admin.sort()).toEqual([...teamARounds, teamBRound].sort());
    const member = (await allPages(tokens['DEMO-A-03']!)).flatMap((p) => p.rounds);
    expect(member).toHaveLength(3);
    expect(member.every((r) => r.memberIds.includes('m-a-03'))).toBe(true);
  });

  it('compares instants, not text: the same day written in UTC finds the same rounds', async () => {
    const pages = await allPages(tokens['DEMO-A-LEAD']!, encodeURIComponent('2026-03-01T16:00:00Z'), encodeURIComponent('2026-03-02T16:00:00Z'));
    expect(pages[0]!.total).toBe(6);
    const before = await allPages(tokens['DEMO-A-LEAD']!, encodeURIComponent('2026-03-01T00:00:00+08:00'), encodeURIComponent('2026-03-02T00:00:00+08:00'));
    expect(before[0]!.total).toBe(0);
  });

  it('refuses a bad period or cursor with invalid_query', async () => {
    const token = tokens['DEMO-A-LEAD'];
    for (const query of [`from=2026-03-02&to=${TO}`, `from=${TO}&to=${FROM}`, `from=${FROM}&to=${encodeURIComponent('2026-05-01T00:00:00+08:00')}`, `from=${FROM}&to=${TO}&cursor=%21%21`]) {
      const result = await call(server.url, `/api/v1/rounds?${query}`, { token });
      expect(result.status, query).toBe(400);
      expect(errorCode(result)).toBe('invalid_query');
    }
  });
});
