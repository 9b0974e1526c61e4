// The map's track cache: each round's fixes packed into one typed array, with its distance and
// gaps, in a separate IndexedDB database of derived data only (deleting it loses nothing: it is
// rebuilt from trackBatches). A cached round is used while its signature (its batch ids, its end
// and its unsent fixes) is unchanged; anything else is rebuilt from the batches and stored again.
import Dexie, { type EntityTable } from 'dexie';
import type { LocalRound, PatrolDb } from '../../db/db';
import type { TrackPoint } from '../../../shared/domain/rounds';
import { packTrack } from '../../../shared/map/packedTrack';
import { summarizeGaps, type GapSummary } from '../../../shared/tracks/segments';
import { trackDistanceMetres } from '../../../shared/tracks/trackDistance';

export interface CachedTrack {
  roundId: string;
  signature: string;
  packed: Float64Array;
  distanceM: number;
  gaps: GapSummary;
}

class TrackCacheDb extends Dexie {
  tracks!: EntityTable<CachedTrack, 'roundId'>;
  constructor() {
    super('patrol-log-map-cache');
    this.version(1).stores({ tracks: 'roundId' });
  }
}

let cacheDb: TrackCacheDb | null = null;
const cache = () => (cacheDb ??= new TrackCacheDb());

/** The cached entry of a round, if any (what the next open will use). */
export const cachedTrack = (roundId: string) => cache().tracks.get(roundId);

function build(round: LocalRound, points: TrackPoint[], signature: string): CachedTrack {
  points.sort((a, b) => a.at - b.at);
  const span = { startedAt: Date.parse(round.startedAt), endedAt: round.endedAt === null ? undefined : Date.parse(round.endedAt) };
  return { roundId: round.id, signature, packed: packTrack(points), distanceM: trackDistanceMetres(points), gaps: summarizeGaps(points, span) };
}

/** Each round's packed track, from the cache where it is current, else from Dexie (and cached). */
export async function loadTracks(db: PatrolDb, rounds: readonly LocalRound[]): Promise<Map<string, CachedTrack>> {
  const ids = rounds.map((r) => r.id);
  const open = rounds.filter((r) => r.endedAt === null).map((r) => [r.id, ''] as [string, string]);
  // Index keys and primary keys of one range come in the same order: batch i belongs to round i.
  const [roundKeys, batchIds, unsentCounts, cached] = await Promise.all([
    db.trackBatches.where('roundId').anyOf(ids).keys(),
    db.trackBatches.where('roundId').anyOf(ids).primaryKeys(),
    Promise.all(open.map(([id]) => db.trackPoints.where('[roundId+batchId]').equals([id, '']).count())),
    cache().tracks.bulkGet(ids).catch(() => ids.map(() => undefined)),
  ]);
  const batchesOf = new Map<string, string[]>(ids.map((id) => [id, []]));
  roundKeys.forEach((key, i) => batchesOf.get(String(key))?.push(batchIds[i]!));
  const unsent = new Map(open.map(([id], i) => [id, unsentCounts[i]!]));
  const signatureOf = (r: LocalRound) => `${batchesOf.get(r.id)!.sort().join(',')}|${r.endedAt ?? ''}|${unsent.get(r.id) ?? 0}`;

  const result = new Map<string, CachedTrack>();
  const stale: LocalRound[] = [];
  rounds.forEach((round, i) => {
    const hit = cached[i];
    if (hit && hit.signature === signatureOf(round)) result.set(round.id, hit);
    else stale.push(round);
  });
  if (stale.length) {
    const staleIds = stale.map((r) => r.id);
    const staleOpen = open.filter(([id]) => staleIds.includes(id));
    const [batches, points] = await Promise.all([
      db.trackBatches.where('roundId').anyOf(staleIds).toArray(),
      staleOpen.length ? db.trackPoints.where('[roundId+batchId]').anyOf(staleOpen).toArray() : Promise.resolve([]),
    ]);
    const pointsOf = new Map<string, TrackPoint[]>(staleIds.map((id) => [id, []]));
    for (const batch of batches) {
      const list = pointsOf.get(batch.roundId)!;
      for (const p of batch.points) list.push(p);
    }
    for (const p of points) pointsOf.get(p.roundId)?.push(p);
    const built = stale.map((round) => build(round, pointsOf.get(round.id)!, signatureOf(round)));
    for (const track of built) result.set(track.roundId, track);
    // Derived data: a failed write (storage full) only means the next open rebuilds it. Written
    // after this read returns: a liveQuery (which runs this) may not write.
    setTimeout(() => void cache().tracks.bulkPut(built).catch((error: unknown) => console.warn('map track cache not written', error)), 0);
  }
  return result;
}
