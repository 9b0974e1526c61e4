// The street map's drawing data: one severity palette, a ring only when overdue, the most severe
// dot on top, outlines per community, boxes to fit (shifted with the basemap), words per dot.
import { describe, expect, it } from 'vitest';
import { COMMUNITY_COLOURS, hazardText, streetMapLayers } from '../../../src/app/features/street/streetMapLayers';
import { SEVERITY_COLORS } from '../../../src/shared/report/severityColors';
import { toDisplay } from '../../../src/shared/map/displayCoords';
import { format, type Locale, type MessageKey } from '../../../src/shared/i18n';
import type { StreetMap } from '../../../src/shared/protocol/street';

const words = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => format(locale, key, params);
const square = (lng: number, lat: number): [number, number][] => [[lng, lat], [lng + 0.001, lat], [lng + 0.001, lat + 0.001], [lng, lat + 0.001], [lng, lat]];
const HOUR = 3_600_000;

const data: StreetMap = {
  week: '2026-W48',
  communities: [
    { id: 'community-1', name: { zh: '建兴路社区', en: 'Jianxinglu' }, compounds: [{ id: 'c01', name: { zh: '一', en: 'One' }, polygon: square(104.06, 30.69) }, { id: 'c02', name: { zh: '二', en: 'Two' }, polygon: square(104.07, 30.7) }] },
    { id: 'community-2', name: { zh: '双林社区', en: 'Shuanglin' }, compounds: [{ id: 'c2-01', name: { zh: '三', en: 'Three' }, polygon: square(104.08, 30.66) }] },
    { id: 'community-3', name: { zh: '杉板桥社区', en: 'Shanbanqiao' }, compounds: [] },
  ],
  hazards: [
    { id: 'h-urgent', communityId: 'community-2', severity: 'urgent', status: 'assigned', lat: 30.6605, lng: 104.0805, overdueMs: 3 * 24 * HOUR },
    { id: 'h-low', communityId: 'community-1', severity: 'low', status: 'open', lat: 30.6905, lng: 104.0605, overdueMs: 0 },
    { id: 'h-high', communityId: 'community-1', severity: 'high', status: 'resolved', lat: 30.71, lng: 104.05, overdueMs: 5 * HOUR },
    { id: 'h-medium', communityId: 'community-3', severity: 'medium', status: 'open', lat: 30.68, lng: 104.09, overdueMs: 0 },
  ],
};

describe('street map layers', () => {
  const layers = streetMapLayers(data, 'wgs84');

  it('colour each dot by the one severity palette and ring only the overdue ones, most severe drawn last', () => {
    expect(layers.dots.map((d) => [d.id, d.fill, d.overdue])).toEqual([
      ['h-low', SEVERITY_COLORS.low, false],
      ['h-medium', SEVERITY_COLORS.medium, false],
      ['h-high', SEVERITY_COLORS.high, true],
      ['h-urgent', SEVERITY_COLORS.urgent, true],
    ]);
  });

  it('outline each community in its own colour, apart from the severity palette', () => {
    expect(layers.communities.map((c) => [c.id, c.colour, c.rings.length])).toEqual([
      ['community-1', COMMUNITY_COLOURS[0], 2],
      ['community-2', COMMUNITY_COLOURS[1], 1],
      ['community-3', COMMUNITY_COLOURS[2], 0],
    ]);
    for (const colour of COMMUNITY_COLOURS) expect(Object.values(SEVERITY_COLORS)).not.toContain(colour);
    expect(layers.communities[0]!.rings[0]![0]).toEqual([30.69, 104.06]);
  });

  it('fit every outline and dot, and give each community its compounds and its own hazards', () => {
    expect(layers.box).toEqual([30.66, 104.05, 30.71, 104.09]);
    expect(layers.communities[0]!.box).toEqual([30.69, 104.05, 30.71, 104.071]);
    // A community with no compound mapped is still reached through its hazard.
    expect(layers.communities[2]!.box).toEqual([30.68, 104.09, 30.68, 104.09]);
    expect(streetMapLayers({ week: 'x', communities: [{ ...data.communities[2]!, compounds: [] }], hazards: [] }, 'wgs84').box).toBeNull();
  });

  it('shift every position for a GCJ-02 basemap, boxes included', () => {
    const shifted = streetMapLayers(data, 'gcj02');
    const [lat, lng] = toDisplay(30.6605, 104.0805, 'gcj02');
    expect(shifted.dots.find((d) => d.id === 'h-urgent')!.at).toEqual([lat, lng]);
    expect(Math.abs(lng - 104.0805)).toBeGreaterThan(0.001);
    expect(shifted.box![0]).toBeCloseTo(toDisplay(30.66, 104.08, 'gcj02')[0], 9);
  });

  it('say each hazard in words, in both languages', () => {
    const [urgent, , high] = data.hazards;
    expect(hazardText(urgent!, 'Shuanglin', words('en'))).toBe('Urgent hazard · Assigned · Shuanglin · overdue by 3 days');
    expect(hazardText(high!, 'Jianxinglu', words('en'))).toBe('High hazard · Resolved · Jianxinglu · overdue by 5 h');
    expect(hazardText(data.hazards[1]!, '建兴路社区', words('zh-CN'))).toBe('严重程度低 · 待处理 · 建兴路社区');
    expect(hazardText({ severity: 'low', status: 'archived', overdueMs: 0 }, 'X', words('en'))).toBe('Low hazard · archived · X');
  });
});
