// Turns the rows either store holds into a ReportInput, the same way on both sides: which
// rounds matter for a week, and each round's fixes in time order whatever batch they came in.
import type { TrackPoint } from '../domain/rounds';
import { coverageScans } from '../tracks/coverageScans';
import type { CheckpointScan, Checkpoint } from '../domain/rounds';
import type { ReportInput, ReportRound } from './reportInput';

/** A round that started up to this long before the week can still walk into it. */
export const ROUND_LOOKBACK_MS = 24 * 3_600_000;

export interface StoredRows extends Omit<ReportInput, 'pointsByRound' | 'scans' | 'rounds'> {
  rounds: readonly ReportRound[];
  batches: Iterable<{ roundId: string; points: readonly TrackPoint[] }>;
  scans: Iterable<Pick<CheckpointScan, 'checkpointId' | 'roundId' | 'teamId' | 'scannedAt'>>;
  checkpoints: Iterable<Pick<Checkpoint, 'id' | 'compoundId'>>;
}

/** Rounds whose fixes can fall in [from, to): the loaders fetch track batches for these only. */
export function roundsForWeek<R extends Pick<ReportRound, 'startedAt'>>(rounds: readonly R[], range: { from: number; to: number }): R[] {
  return rounds.filter((r) => {
    const started = Date.parse(r.startedAt);
    return started >= range.from - ROUND_LOOKBACK_MS && started < range.to;
  });
}

export function assembleInput(rows: StoredRows, range: { from: number; to: number }): ReportInput {
  const rounds = roundsForWeek(rows.rounds, range).sort((a, b) => (a.id < b.id ? -1 : 1));
  const wanted = new Set(rounds.map((r) => r.id));
  const pointsByRound = new Map<string, TrackPoint[]>();
  for (const batch of rows.batches) {
    if (!wanted.has(batch.roundId)) continue;
    const list = pointsByRound.get(batch.roundId) ?? [];
    pointsByRound.set(batch.roundId, list);
    for (const p of batch.points) list.push(p);
  }
  for (const list of pointsByRound.values()) list.sort((a, b) => a.at - b.at);
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    hazards: byId(rows.hazards),
    events: [...rows.events].sort((a, b) => (a.at < b.at ? -1 : 1)),
    rounds,
    pointsByRound,
    scans: coverageScans(rows.scans, rows.checkpoints),
    compounds: byId(rows.compounds),
    companies: byId(rows.companies),
    teams: byId(rows.teams),
    members: byId(rows.members),
    categories: [...rows.categories].sort((a, b) => a.sort - b.sort),
  };
}
