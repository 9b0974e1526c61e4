// A static map of the week's hazards over the compound outlines, as SVG: no tiles, so it works
// offline, prints sharp and sends nothing to a map provider. An equirectangular projection
// scaled by cos(latitude) is exact enough for a few square kilometres.
import type { Compound } from '../domain/schemas';
import { SEVERITIES, type Severity } from '../domain/schemas';
import { html, type Markup } from './html';
import type { ReportHazard } from './reportInput';
import { SEVERITY_COLORS } from './severityColors';

const W = 640;
const MAX_H = 720;
const PAD = 16;

export const MAX_MAP_POINTS = 2_000;
const SEVERITY_ORDER: readonly Severity[] = ['urgent', 'high', 'medium', 'low'];

export function staticMap(
  compounds: readonly Pick<Compound, 'id' | 'polygon'>[],
  hazards: readonly Pick<ReportHazard, 'id' | 'position' | 'severity'>[],
  labels: { title: string; compoundName: (id: string) => string; severity: (s: Severity) => string },
): Markup {
  // A printed map of more dots than this is a blot, and slow to print: the most severe are drawn.
  const placed = SEVERITY_ORDER.flatMap((s) => hazards.filter((h) => h.severity === s && h.position !== null)).slice(0, MAX_MAP_POINTS);
  const lngs: number[] = [];
  const lats: number[] = [];
  for (const c of compounds) {
    for (const [lng, lat] of c.polygon) {
      lngs.push(lng);
      lats.push(lat);
    }
  }
  for (const h of placed) {
    lngs.push(h.position!.lng);
    lats.push(h.position!.lat);
  }
  if (lngs.length === 0) return html``;
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((W - 2 * PAD) / spanX, (MAX_H - 2 * PAD) / spanY);
  const H = Math.ceil(spanY * scale + 2 * PAD);
  const x = (lng: number) => (PAD + (lng - minLng) * kx * scale).toFixed(1);
  const y = (lat: number) => (PAD + (maxLat - lat) * scale).toFixed(1);

  const outlines = compounds.map((c) => {
    const points = c.polygon.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join(' ');
    const cx = c.polygon.reduce((s, [lng]) => s + lng, 0) / c.polygon.length;
    const cy = c.polygon.reduce((s, [, lat]) => s + lat, 0) / c.polygon.length;
    return html`<polygon points="${points}" fill="#f2f2f2" stroke="#888" stroke-width="1"/><text x="${x(cx)}" y="${y(cy)}" text-anchor="middle" font-family="sans-serif" font-size="9" fill="#555">${labels.compoundName(c.id)}</text>`;
  });
  // Urgent last, so it is drawn on top where dots overlap.
  const ordered = [...placed].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const dots = ordered.map(
    (h) => html`<circle cx="${x(h.position!.lng)}" cy="${y(h.position!.lat)}" r="5" fill="${SEVERITY_COLORS[h.severity]}" stroke="#fff" stroke-width="1"/>`,
  );
  const legend = SEVERITIES.map(
    (s, i) => html`<circle cx="${PAD + 6 + i * 120}" cy="${H + 12}" r="5" fill="${SEVERITY_COLORS[s]}"/><text x="${PAD + 16 + i * 120}" y="${H + 16}" font-family="sans-serif" font-size="12">${labels.severity(s)}</text>`,
  );
  return html`<svg class="map" role="img" aria-label="${labels.title}" viewBox="0 0 ${W} ${H + 28}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${labels.title}</title>${outlines}${dots}${legend}</svg>`;
}
