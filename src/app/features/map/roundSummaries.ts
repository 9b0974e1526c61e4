// The list's line per round: who, when, how far and how many gaps (kept with the cached track).
import type { MapDay } from './loadMapDay';
import type { GapSummary } from '../../../shared/tracks/segments';

export interface RoundSummary {
  id: string;
  walkerId: string;
  startedAt: string;
  endedAt: string | null;
  distanceM: number;
  gaps: GapSummary;
  scans: number;
}

export function roundSummaries(data: MapDay): Map<string, RoundSummary> {
  const scans = new Map<string, number>();
  for (const scan of data.scans) scans.set(scan.roundId, (scans.get(scan.roundId) ?? 0) + 1);
  return new Map(
    data.rounds.map((round) => {
      const track = data.tracks.get(round.id);
      return [
        round.id,
        {
          id: round.id,
          walkerId: round.startedBy,
          startedAt: round.startedAt,
          endedAt: round.endedAt,
          distanceM: track?.distanceM ?? 0,
          gaps: track?.gaps ?? { gaps: 0, withoutPositionMs: 0 },
          scans: scans.get(round.id) ?? 0,
        },
      ];
    }),
  );
}
