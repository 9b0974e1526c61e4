// The coverage figure: computeCoverage over a synthetic day of 138,240 points against the 23
// demo compounds, in this Node process. Plain CPU work, so it runs before any browser starts.
// Generating the day is not timed; each run computes coverage from scratch (no cached state).
import { performance } from 'node:perf_hooks';
import { DEMO_COMPOUNDS } from '../../../src/server/seed/compounds';
import { computeCoverage } from '../../../src/shared/tracks/coverage';
import { measured, type Figure } from '../lib/figure';
import { syntheticDay } from './syntheticDay';

export const COVERAGE_MS = 200;
const WARMUPS = 3;
const RUNS = 9;

export const COVERAGE_FIGURE = {
  id: 'coverage',
  name: 'coverage (138,240 points × 23 compounds)',
  unit: 'ms',
  budget: { op: '<=', limit: COVERAGE_MS, on: 'median' },
} as const satisfies Pick<Figure, 'id' | 'name' | 'unit' | 'budget'>;

export function coverageFigure(): Figure {
  const day = syntheticDay(DEMO_COMPOUNDS, Date.UTC(2025, 4, 12, 0, 0, 0));
  const input = { compounds: DEMO_COMPOUNDS, points: day.points, scans: day.scans, period: day.period };
  let visited = 0;
  for (let i = 0; i < WARMUPS; i++) visited = computeCoverage(input).filter((c) => c.visited).length;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    computeCoverage(input);
    runs.push(performance.now() - started);
  }
  const note = `${day.points.length.toLocaleString('en')} points, ${day.scans.length} scans; ${visited}/${DEMO_COMPOUNDS.length} compounds visited; ${WARMUPS} warm-ups`;
  return measured({ ...COVERAGE_FIGURE, note }, runs);
}
