// The demo community as seeded: its shape is what the README, the E2E suite and people trying
// the demo rely on.
import { describe, expect, it } from 'vitest';
import { pointInRing, findCompound } from '../../src/shared/geo/pointInPolygon';
import { changeSchema } from '../../src/shared/protocol/sync';
import { DEMO_COMPOUNDS, demoCompoundCentre } from '../../src/server/seed/compounds';
import { DEMO_ENROLLMENTS, DEMO_PROPERTY_COMPANIES } from '../../src/server/seed/demoCommunity';
import { DEMO_CHECKPOINTS } from '../../src/server/seed/checkpoints';
import { startTestServer } from './helpers/testServer';

const METRES_PER_DEG_LAT = 110_900;

describe('demo community', () => {
  it('has two teams of twelve with one lead each, and one admin', () => {
    for (const teamId of ['team-a', 'team-b']) {
      const team = DEMO_ENROLLMENTS.filter((e) => e.member.teamId === teamId);
      expect(team).toHaveLength(12);
      expect(team.filter((e) => e.member.role === 'lead')).toHaveLength(1);
    }
    expect(DEMO_ENROLLMENTS.filter((e) => e.member.role === 'admin').map((e) => e.code)).toEqual(['DEMO-ADMIN']);
  });

  it('has 23 small compounds near Tiaodenghe that do not overlap, each with a property company', () => {
    expect(DEMO_COMPOUNDS).toHaveLength(23);
    const companies = new Set(DEMO_PROPERTY_COMPANIES.map((pc) => pc.id));
    expect(new Set(DEMO_COMPOUNDS.map((c) => c.propertyCompanyId))).toEqual(companies);
    for (const compound of DEMO_COMPOUNDS) {
      const ring = compound.polygon;
      expect(ring[0]).toEqual(ring.at(-1));
      const lats = ring.map(([, lat]) => lat);
      const heightM = (Math.max(...lats) - Math.min(...lats)) * METRES_PER_DEG_LAT;
      expect(heightM).toBeGreaterThanOrEqual(79);
      expect(heightM).toBeLessThanOrEqual(151);
      const centre = demoCompoundCentre(compound.id);
      expect(Math.abs(centre.lat - 30.66)).toBeLessThan(0.02);
      expect(Math.abs(centre.lng - 104.11)).toBeLessThan(0.02);
      expect(findCompound(centre.lng, centre.lat, DEMO_COMPOUNDS)?.id).toBe(compound.id);
      const others = DEMO_COMPOUNDS.filter((c) => c.id !== compound.id);
      for (const [lng, lat] of ring) expect(others.some((o) => pointInRing(lng, lat, o.polygon))).toBe(false);
    }
  });

  it('publishes every reference entity in the pull log, in the shared schemas', async () => {
    const server = await startTestServer();
    try {
      const rows = await server.sql.all<{ entity: string; entity_id: string; data: string; scope: string }>('SELECT entity, entity_id, data, scope FROM changes');
      const changes = rows.map((r) => changeSchema.parse({ entity: r.entity, op: 'put', id: r.entity_id, data: JSON.parse(r.data) }));
      const count = (entity: string) => new Set(changes.filter((c) => c.entity === entity).map((c) => c.id)).size;
      // Jianxinglu (2 teams, 25 people, 23 compounds) and two smaller communities (a team and 3 or
      // 4 people each, 5 compounds), the street office and two staff, the street's 6 companies.
      expect([count('team'), count('member'), count('compound'), count('propertyCompany'), count('category')]).toEqual([4, 35, 28, 6, 10]);
      expect(count('checkpoint')).toBe(DEMO_CHECKPOINTS.length);
      const companies = ['pc1', 'pc2', 'pc3', 'pc4', 'pc5', 'pc6'].map((id) => `company:${id}`);
      expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(['global', 'street:street-1', 'c:community-1', 'c:community-2', 'c:community-3', ...companies]));
      // Every compound is also in its company's scope (its staff name it), and nothing else is.
      expect(rows.filter((r) => r.scope.startsWith('company:')).every((r) => r.entity === 'compound')).toBe(true);
      // A checkpoint's code is what its printed QR holds, published on purpose; nothing else may
      // carry a secret.
      const others = rows.filter((r) => r.entity !== 'checkpoint');
      expect(others.map((r) => r.data).join('')).not.toMatch(/token|hash|code/i);
      for (const r of rows.filter((row) => row.entity === 'checkpoint')) {
        expect(Object.keys(JSON.parse(r.data)).sort()).toEqual(['code', 'compoundId', 'id', 'lat', 'lng', 'name']);
      }
    } finally {
      await server.close();
    }
  });
});

describe('demo checkpoints', () => {
  it('puts one at the middle of every compound’s south side, and more at some north sides', () => {
    for (const compound of DEMO_COMPOUNDS) {
      const own = DEMO_CHECKPOINTS.filter((cp) => cp.compoundId === compound.id);
      expect(own.length, compound.id).toBeGreaterThanOrEqual(1);
      const minLat = Math.min(...compound.polygon.map(([, lat]) => lat));
      const south = own.find((cp) => cp.id === `cp-${compound.id}-south`);
      expect(south?.lat).toBeCloseTo(minLat, 6);
      expect(south?.lng).toBeCloseTo(demoCompoundCentre(compound.id).lng, 5);
      expect(south?.name.zh).toBe(`${compound.name.zh}南门`);
    }
    expect(DEMO_CHECKPOINTS.length).toBeGreaterThan(DEMO_COMPOUNDS.length);
  });

  it('gives each a distinct 8-character code that does not spell its compound', () => {
    const codes = DEMO_CHECKPOINTS.map((cp) => cp.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const cp of DEMO_CHECKPOINTS) {
      expect(cp.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(cp.code).not.toContain(cp.compoundId.toUpperCase());
    }
  });
});
