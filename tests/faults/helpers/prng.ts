// A seeded PRNG (mulberry32) for the random faults, so a failing run replays from its seed.
// FAULT_SEED picks the seed; without it a fixed one keeps CI runs identical.
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

/** Uniform in [0, 1), fully determined by the seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
