// Scenario 12 needs a feature the product does not have yet: editing a hazard, with its history
// and per-event rejections. Scenario 10 (photo upload) is real now: see photoUpload.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationType } from '../../src/shared/protocol/sync';
import { printTable, record } from './helpers/scoreboard';

afterAll(printTable);

const absent = (scenario: string, note: string) =>
  record({ scenario, records: 'n/a', lost: 'n/a', duplicated: 'n/a', convergeMs: null, note: `n/a (feature absent): ${note}` });

describe('scenarios waiting for their features', () => {
  it('#12 is n/a while hazards can only be created', () => {
    // A new mutation type fails the typecheck here. A hazard edit or photo upload means writing
    // scenarios 10/12 (and adding it to the Node scenarios' saves); anything else, list it here.
    const covered: Record<MutationType, true> = {
      'hazard.create': true,
      'hazard.event': true,
      'round.start': true,
      'round.end': true,
      'track.append': true,
      'checkpoint.scan': true,
    };
    const hazardMutations = Object.keys(covered).filter((type) => type.startsWith('hazard.'));
    expect(hazardMutations).toEqual(['hazard.create']);
    absent('#12', 'no hazard edits yet (only hazard.create); no history or per-event rejection to check');
  });
});
