import { describe, expect, it } from 'vitest';
import { findCompound, pointInRing } from '../../src/shared/geo/pointInPolygon';
import type { Ring } from '../../src/shared/domain/schemas';

const square: Ring = [
  [104.1, 30.66],
  [104.101, 30.66],
  [104.101, 30.661],
  [104.1, 30.661],
  [104.1, 30.66],
];
// An L shape: the notch at the top right is outside.
const lShape: Ring = [
  [0, 0],
  [2, 0],
  [2, 1],
  [1, 1],
  [1, 2],
  [0, 2],
  [0, 0],
];

describe('pointInRing', () => {
  it('finds points inside and outside a square', () => {
    expect(pointInRing(104.1005, 30.6605, square)).toBe(true);
    expect(pointInRing(104.102, 30.6605, square)).toBe(false);
    expect(pointInRing(104.1005, 30.659, square)).toBe(false);
  });

  it('handles a concave ring', () => {
    expect(pointInRing(0.5, 1.5, lShape)).toBe(true);
    expect(pointInRing(1.5, 0.5, lShape)).toBe(true);
    expect(pointInRing(1.5, 1.5, lShape)).toBe(false);
  });
});

describe('findCompound', () => {
  const compounds = [
    { id: 'c01', polygon: square },
    { id: 'l', polygon: lShape },
  ];
  it('returns the compound holding the point, or null', () => {
    expect(findCompound(104.1005, 30.6605, compounds)?.id).toBe('c01');
    expect(findCompound(0.5, 0.5, compounds)?.id).toBe('l');
    expect(findCompound(50, 50, compounds)).toBeNull();
  });
});
