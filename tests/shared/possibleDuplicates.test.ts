import { describe, expect, it } from 'vitest';
import { possibleDuplicates, DUPLICATE_RADIUS_M } from '../../src/shared/geo/possibleDuplicates';
import type { Hazard } from '../../src/shared/domain/schemas';

// One metre north is 1/111 195 of a degree of latitude.
const M = 1 / 111_195;
const here = { lat: 30.66, lng: 104.11 };
const north = (m: number) => ({ lat: here.lat + m * M, lng: here.lng, accuracy: 10, at: '2026-11-27T08:00:00.000Z' });

function candidate(id: string, patch: Partial<Pick<Hazard, 'categoryId' | 'status' | 'position'>> = {}) {
  return { id, categoryId: 'fire', status: 'open' as Hazard['status'], position: north(10), ...patch };
}

describe('possibleDuplicates', () => {
  it('finds open and assigned hazards of the same category within 40 m, nearest first', () => {
    const hazards = [
      candidate('far', { position: north(41) }),
      candidate('edge', { position: north(39.5) }),
      candidate('near', { position: north(10) }),
      candidate('assigned', { status: 'assigned', position: north(20) }),
    ];
    const found = possibleDuplicates(hazards, { categoryId: 'fire', position: here });
    expect(found.map((f) => f.hazard.id)).toEqual(['near', 'assigned', 'edge']);
    expect(found[0]!.distanceM).toBeCloseTo(10, 0);
    expect(DUPLICATE_RADIUS_M).toBe(40);
  });

  it('leaves out other categories, closed hazards, hazards without a position and the one being written', () => {
    const hazards = [
      candidate('other-category', { categoryId: 'wiring' }),
      candidate('resolved', { status: 'resolved' }),
      candidate('duplicate', { status: 'closed_duplicate' }),
      candidate('rejected', { status: 'rejected' }),
      candidate('no-position', { position: null }),
      candidate('self'),
    ];
    expect(possibleDuplicates(hazards, { categoryId: 'fire', position: here, excludeId: 'self' })).toEqual([]);
  });

  it('finds nothing before the category or a position is known', () => {
    const hazards = [candidate('near')];
    expect(possibleDuplicates(hazards, { categoryId: '', position: here })).toEqual([]);
    expect(possibleDuplicates(hazards, { categoryId: 'fire', position: null })).toEqual([]);
  });
});
