// Budgets of features that are not built yet. They are listed so the table always shows the whole
// promise, and reported as absent, never estimated. Move each into a real measurement as it lands.
import { absent, type Figure } from './lib/figure';

const FEATURE_ABSENT = 'feature absent';

export function absentFigures(): Figure[] {
  return [
    absent({ id: 'photoCompression', name: 'photo compression (12 MP)', unit: 'ms', budget: { op: '<=', limit: 800, on: 'p95' } }, FEATURE_ABSENT),
    absent({ id: 'photoSync', name: 'photo sync (1,000 × 300 KB)', unit: 'ms', budget: { op: '<=', limit: 20_000, on: 'median' } }, FEATURE_ABSENT),
  ];
}
