// The list's line per round: who, when, how far and how many gaps; computed once per loaded day.
import type { MapDay } from './loadMapDay';
import { summarizeGaps, type GapSummary } from '../../../shared/tracks/segments';
import { trackDistanceMetres } from '../../../shared/tracks/trackDistance';

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
      const points = data.pointsByRound.get(round.id) ?? [];
      const span = { startedAt: Date.parse(round.startedAt), endedAt: round.endedAt === null ? undefined : Date.parse(round.endedAt) };
      return [
        round.id,
        {
          id: round.id,
          walkerId: round.startedBy,
          startedAt: round.startedAt,
          endedAt: round.endedAt,
          distanceM: trackDistanceMetres(points),
          gaps: summarizeGaps(points, span),
          scans: scans.get(round.id) ?? 0,
        },
      ];
    }),
  );
}
