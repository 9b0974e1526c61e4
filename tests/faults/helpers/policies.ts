// Fault policies: which requests get which fault. Only the sync routes are targeted; enroll and
// health are not part of the engine under test.
import { createHash } from 'node:crypto';
import type { Fault, ProxiedRequest } from './faultProxy';

export const isSync = (r: ProxiedRequest) => r.path.startsWith('/api/v1/sync/');
export const isPush = (r: ProxiedRequest) => r.path.startsWith('/api/v1/sync/push');

/** The fault on the first sending of each distinct request; its retry goes through. */
export function onFirstSending(fault: Fault, applies: (r: ProxiedRequest) => boolean = isSync) {
  const seen = new Set<string>();
  return (r: ProxiedRequest): Fault => {
    if (!applies(r)) return 'pass';
    const key = createHash('sha256').update(r.method).update(r.path).update(r.body).digest('hex');
    if (seen.has(key)) return 'pass';
    seen.add(key);
    return fault;
  };
}

const RANDOM_FAULTS: readonly Fault[] = ['resetBeforeForward', 'cutAfterResponse', 'timeout', 'status503'];

/** `rate` of sync requests fail, each with one of reset (before or after the commit), timeout or 503. */
export function randomFailures(random: () => number, rate: number) {
  return (r: ProxiedRequest): Fault => {
    if (!isSync(r)) return 'pass';
    if (random() >= rate) return 'pass';
    return RANDOM_FAULTS[Math.floor(random() * RANDOM_FAULTS.length)]!;
  };
}
