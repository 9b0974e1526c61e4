// The week as GeoJSON (RFC 7946) for GIS tools: hazard points and round tracks. Coordinates are
// WGS-84 [lng, lat] exactly as the phones reported them (never GCJ-02 shifted). A track is a
// MultiLineString with one line per segment, so no line crosses a gap where nobody knows the path.
import { splitSegments } from '../tracks/segments';
import type { ReportInput } from './reportInput';
import { csvHazards } from './csv';

type Position = [number, number];

export interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: Position } | { type: 'MultiLineString'; coordinates: Position[][] };
  properties: Record<string, string | number | null>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export function geoJsonFileName(week: string): string {
  return `hazards-${week}.geojson`;
}

// Seven decimals is ~1 cm: more is noise from the phone, and it keeps the file small.
const fixed = (value: number) => Math.round(value * 1e7) / 1e7;

export function buildGeoJson(input: ReportInput, range: { from: number; to: number }): FeatureCollection {
  return { type: 'FeatureCollection', features: [...geoJsonFeatures(input, range)] };
}

/** The features one by one, so the endpoint can stream a large week instead of holding it. */
export function* geoJsonFeatures(input: ReportInput, range: { from: number; to: number }): Generator<Feature> {
  for (const h of csvHazards(input, range)) {
    if (h.position === null) continue;
    yield {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [fixed(h.position.lng), fixed(h.position.lat)] },
      properties: {
        kind: 'hazard',
        id: h.id,
        createdAt: h.createdAt,
        categoryId: h.categoryId,
        severity: h.severity,
        status: h.status,
        compoundId: h.compoundId,
        teamId: h.teamId,
        description: h.description,
        photoCount: h.photoIds.length,
      },
    };
  }
  for (const round of input.rounds) {
    const started = Date.parse(round.startedAt);
    if (started < range.from || started >= range.to) continue;
    const trusted = (input.pointsByRound.get(round.id) ?? []).filter((p) => p.suspect !== true);
    // A line needs two positions; a segment of one fix is a moment, not a path.
    const lines = splitSegments(trusted)
      .map((segment) => segment.map((p): Position => [fixed(p.lng), fixed(p.lat)]))
      .filter((line) => line.length >= 2);
    if (lines.length === 0) continue;
    yield {
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: lines },
      properties: { kind: 'round', id: round.id, teamId: round.teamId, startedAt: round.startedAt, endedAt: round.endedAt },
    };
  }
}
