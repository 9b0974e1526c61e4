// Times a phone reports must be possible: not before 2020-01-01 (no record of this product is
// older), and not more than 24 h ahead of the server's clock (a phone a day off still syncs; a
// round.end dated 9999 or a fix at 2^53−1 ms does not). Track points must also lie within 24 h of
// their round's start, either side (reports read a round's points by that window). The refusal
// names the field.
import type { Mutation } from '../../shared/protocol/sync';
import type { Refusal } from './refusal';

export const EARLIEST_MS = Date.parse('2020-01-01T00:00:00.000Z');
export const MAX_AHEAD_MS = 24 * 3_600_000;

type Stamp = [field: string, value: string | number | null | undefined];

function stampsOf(m: Mutation): Stamp[] {
  const stamps: Stamp[] = [['at', m.at]];
  switch (m.type) {
    case 'hazard.create':
      return [...stamps, ['data.createdAt', m.data.createdAt], ['data.position.at', m.data.position?.at]];
    case 'hazard.event': {
      const data = m.data.data as { position?: { at?: string } };
      return [...stamps, ['data.at', m.data.at], ['data.data.position.at', data.position?.at]];
    }
    case 'round.start':
      return [...stamps, ['data.startedAt', m.data.startedAt]];
    case 'round.end':
      return [...stamps, ['data.endedAt', m.data.endedAt]];
    case 'track.append':
      return [...stamps, ...m.data.points.map((p, i): Stamp => [`data.points.${i}.at`, p.at])];
    case 'checkpoint.scan':
      return [...stamps, ['data.scannedAt', m.data.scannedAt], ['data.position.at', m.data.position?.at]];
  }
}

export function timeRefusal(field: string, value: string | number, latestMs: number): Refusal | null {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms) || ms < EARLIEST_MS) return { code: 'invalid', message: `${field}: ${JSON.stringify(value)} is before 2020-01-01` };
  if (ms > latestMs) {
    return { code: 'invalid', message: `${field}: ${JSON.stringify(value)} is more than 24 h ahead (latest allowed ${new Date(latestMs).toISOString()})` };
  }
  return null;
}

/** The first impossible time a mutation carries, or null. */
export function saneTimesRefusal(m: Mutation, nowMs: number): Refusal | null {
  for (const [field, value] of stampsOf(m)) {
    if (value === null || value === undefined) continue;
    const refusal = timeRefusal(field, value, nowMs + MAX_AHEAD_MS);
    if (refusal) return refusal;
  }
  return null;
}

/** Track points of a round must lie within 24 h of its start, before or after. */
export function pointsOutsideRoundRefusal(points: readonly { at: number }[], roundStartedAt: string): Refusal | null {
  const start = Date.parse(roundStartedAt);
  const latest = start + MAX_AHEAD_MS;
  for (const [i, p] of points.entries()) {
    const refusal = timeRefusal(`data.points.${i}.at`, p.at, latest);
    if (refusal) return { code: 'invalid', message: `${refusal.message}, past 24 h after the round's start` };
    if (p.at < start - MAX_AHEAD_MS) {
      return { code: 'invalid', message: `data.points.${i}.at: ${p.at} is more than 24 h before the round's start (${roundStartedAt})` };
    }
  }
  return null;
}
