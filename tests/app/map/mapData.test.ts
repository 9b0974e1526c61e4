// The map's data layer on fake-indexeddb: the day it loads, the packed track cache and its
// invalidation, and that switching basemap providers (WGS-84 ↔ GCJ-02) never changes stored data.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatrolDb, type LocalHazard } from '../../../src/app/db/db';
import { loadMapDay } from '../../../src/app/features/map/loadMapDay';
import { cachedTrack } from '../../../src/app/features/map/trackCache';
import { getMeta } from '../../../src/app/db/meta';
import { pullBasemap } from '../../../src/app/sync/pullBasemap';
import { unpackTrack } from '../../../src/shared/map/packedTrack';
import { simplifyPackedForZoom } from '../../../src/shared/map/simplifyTrack';
import { toDisplay } from '../../../src/shared/map/displayCoords';
import { DEFAULT_BASEMAP, type BasemapConfig } from '../../../src/shared/map/basemap';
import type { Round, TrackPoint } from '../../../src/shared/domain/rounds';
import { draftWith } from '../../fixtures/hazards';
import { PROTOCOL } from '../../../src/shared/protocol/sync';

const DAY = { from: Date.parse('2026-03-02T00:00:00+08:00'), to: Date.parse('2026-03-03T00:00:00+08:00') };
const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const fix = (i: number, segment = 0): TrackPoint => ({ at: T0 + i * 5000 + segment * 600_000, lat: 30.69 + i * 1e-5, lng: 104.05 + i * 1e-5, accuracy: 5, segment });
const round = (id: string, startedAt: number, endedAt: number | null): Round => ({
  id, teamId: 'team-a', memberIds: ['m-a-01'], startedAt: new Date(startedAt).toISOString(), startedBy: 'm-a-01',
  endedAt: endedAt === null ? null : new Date(endedAt).toISOString(), note: null, autoClosed: false,
});
const hazard = (createdAt: string): LocalHazard => ({
  ...draftWith({ createdAt }), reporterId: 'm-a-01', teamId: 'team-a', status: 'open', receivedAt: createdAt,
  assignedCompanyId: null, assignedAt: null, resolvedAt: null, duplicateOf: null, updatedAt: null,
});

let db: PatrolDb;
const R1 = crypto.randomUUID();
const R2 = crypto.randomUUID();
beforeEach(async () => {
  db = new PatrolDb(`map-${crypto.randomUUID()}`);
  await db.rounds.bulkPut([round(R1, T0 - 1000, T0 + 800_000), round(R2, T0 - 86_400_000, T0 - 86_000_000)]);
  await db.trackBatches.bulkPut([
    { id: crypto.randomUUID(), roundId: R1, points: Array.from({ length: 20 }, (_, i) => fix(i)) },
    { id: crypto.randomUUID(), roundId: R1, points: Array.from({ length: 20 }, (_, i) => fix(20 + i, 1)) },
    { id: crypto.randomUUID(), roundId: R2, points: [fix(0)] },
  ]);
  await db.hazards.bulkPut([
    hazard('2026-03-02T00:00:00+08:00'),
    hazard('2026-03-01T16:30:00Z'), // 00:30 on the 2nd in Chengdu
    hazard('2026-03-01T23:59:59+08:00'),
    hazard('2026-03-03T00:00:00+08:00'),
  ]);
  await db.compounds.put({ id: 'c01', name: { zh: '一号院', en: 'No. 1' }, polygon: [[104.05, 30.69], [104.051, 30.69], [104.051, 30.691], [104.05, 30.69]], propertyCompanyId: 'pc1' });
});
afterEach(async () => {
  await db.delete();
});

describe('the map day', () => {
  it('holds the rounds overlapping the day and the hazards logged in it, compared as instants', async () => {
    const day = await loadMapDay(db, DAY);
    expect(day.rounds.map((r) => r.id)).toEqual([R1]);
    expect(day.hazards.map((h) => h.createdAt).sort()).toEqual(['2026-03-01T16:30:00Z', '2026-03-02T00:00:00+08:00']);
    const track = day.tracks.get(R1)!;
    expect(unpackTrack(track.packed).map((p) => p.at)).toEqual([...Array.from({ length: 20 }, (_, i) => fix(i).at), ...Array.from({ length: 20 }, (_, i) => fix(20 + i, 1).at)]);
    expect(track.gaps.gaps).toBe(1);
    expect(track.distanceM).toBeGreaterThan(0);
  });

  it('caches the packed track, and rebuilds it when a batch arrives or the round ends', async () => {
    await loadMapDay(db, DAY);
    await vi.waitFor(async () => expect(await cachedTrack(R1)).toBeDefined());
    const first = (await cachedTrack(R1))!;
    expect(first.packed.length / 5).toBe(40);

    await db.trackBatches.put({ id: crypto.randomUUID(), roundId: R1, points: [fix(60, 2)] });
    const grown = await loadMapDay(db, DAY);
    expect(grown.tracks.get(R1)!.packed.length / 5).toBe(41);
    expect(grown.tracks.get(R1)!.gaps.gaps).toBe(2);
    await vi.waitFor(async () => expect((await cachedTrack(R1))!.signature).not.toBe(first.signature));
  });
});

describe('switching basemap providers', () => {
  it('changes only what is drawn: every stored row stays WGS-84 and byte-for-byte the same', async () => {
    const tables = [db.rounds, db.trackBatches, db.hazards, db.compounds, db.trackPoints] as const;
    const snapshot = async () => Promise.all(tables.map((t) => t.toArray()));
    const before = await snapshot();
    const drawn: Record<string, Array<[number, number]>> = {};
    for (const map of [DEFAULT_BASEMAP, { ...DEFAULT_BASEMAP, provider: 'amap', crs: 'gcj02', tileUrl: 'https://webrd0{s}.is.autonavi.com/{z}/{x}/{y}', subdomains: '1234' }] as BasemapConfig[]) {
      const fetch = vi.fn(async () => new Response(JSON.stringify({ protocol: PROTOCOL, map }), { status: 200 }));
      await pullBasemap(db, { baseUrl: 'http://127.0.0.1:9', token: 't', fetch });
      const config = (await getMeta(db, 'mapConfig'))!;
      expect(config.crs).toBe(map.crs);
      const day = await loadMapDay(db, DAY);
      // What the route map draws: the simplified segments, shifted into the provider's CRS.
      drawn[config.crs] = simplifyPackedForZoom(day.tracks.get(R1)!.packed, 18).flat().map(([lat, lng]) => toDisplay(lat, lng, config.crs));
    }
    expect(await snapshot()).toEqual(before);
    // The drawing did move (GCJ-02 is hundreds of metres off in Chengdu), the data did not.
    expect(drawn.gcj02![0]![0]).not.toBeCloseTo(drawn.wgs84![0]![0], 3);
    expect(drawn.wgs84![0]).toEqual([fix(0).lat, fix(0).lng]);
  });
});
