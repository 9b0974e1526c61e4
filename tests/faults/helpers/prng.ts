// The seed of the random faults, so a failing run replays: FAULT_SEED picks it, else a fixed one.
export const DEFAULT_FAULT_SEED = 20261127;

export function faultSeed(): number {
  const raw = process.env.FAULT_SEED;
  if (raw === undefined || raw === '') return DEFAULT_FAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`FAULT_SEED must be an integer in [0, 2^32), got ${JSON.stringify(raw)}`);
  }
  return seed;
}

export { mulberry32 } from '../../fixtures/prng';
