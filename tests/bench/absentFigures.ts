// Budgets of features that are not built yet. They are listed so the table always shows the whole
// promise, and reported as absent, never estimated. Move each into a real measurement as it lands.
import { absent, type Figure } from './lib/figure';

const FEATURE_ABSENT = 'feature absent';

export function absentFigures(): Figure[] {
  return [
    absent({ id: 'mapFirstPaint', name: 'map first paint', unit: 'ms', budget: { op: '<=', limit: 400, on: 'median' } }, FEATURE_ABSENT),
    absent({ id: 'mapFilterChange', name: 'map filter change', unit: 'ms', budget: { op: '<=', limit: 100, on: 'median' } }, FEATURE_ABSENT),
    absent({ id: 'weeklyReport', name: 'weekly report (10,000 hazards)', unit: 'ms', budget: { op: '<=', limit: 500, on: 'median' } }, FEATURE_ABSENT),
  ];
}
