// Everything the map draws for one day, read from Dexie only (the map works offline with what
// has been pulled). Rounds overlapping the day, their points in time order (pulled batches plus
// this phone's unsent fixes, through the packed track cache), their scans, the day's hazards and the reference data.
import type { PatrolDb, LocalHazard, LocalHazardEvent, LocalRound } from '../../db/db';
import type { Category, Compound, Member, Team } from '../../../shared/domain/schemas';
import type { Checkpoint, CheckpointScan } from '../../../shared/domain/rounds';
import { loadTracks, type CachedTrack } from './trackCache';
import type { DayWindow } from '../../../shared/map/mapFilter';

export interface MapDay {
  day: DayWindow;
  rounds: LocalRound[];
  /** Each round's fixes, packed and sorted by time, with distance and gaps. */
  tracks: Map<string, CachedTrack>;
  scans: CheckpointScan[];
  hazards: LocalHazard[];
  /** Each hazard's lifecycle events, oldest first. */
  events: Map<string, LocalHazardEvent[]>;
  compounds: Compound[];
  checkpoints: Map<string, Checkpoint>;
  members: Map<string, Member>;
  teams: Team[];
  categories: Category[];
}

// ISO times from phones carry different offsets; the index is searched with a margin wider
// than any offset, and each row is then checked as an instant.
const OFFSET_MARGIN_MS = 15 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** `onlyMemberId` limits rounds to the ones that member walked (a member's own map). */
export async function loadMapDay(db: PatrolDb, day: DayWindow, onlyMemberId: string | null = null): Promise<MapDay> {
  const now = Date.now();
  const [allRounds, hazardRows, compounds, checkpoints, members, teams, categories] = await Promise.all([
    db.rounds.where('startedAt').below(iso(day.to + OFFSET_MARGIN_MS)).toArray(),
    db.hazards.where('createdAt').between(iso(day.from - OFFSET_MARGIN_MS), iso(day.to + OFFSET_MARGIN_MS)).toArray(),
    db.compounds.toArray(),
    db.checkpoints.toArray(),
    db.members.toArray(),
    db.teams.toArray(),
    db.categories.orderBy('sort').toArray(),
  ]);
  const rounds = allRounds.filter((r) => {
    const end = r.endedAt === null ? now : Date.parse(r.endedAt);
    return Date.parse(r.startedAt) < day.to && end >= day.from && (onlyMemberId === null || r.memberIds.includes(onlyMemberId));
  });
  const [tracks, scans] = await Promise.all([
    loadTracks(db, rounds),
    db.checkpointScans.where('roundId').anyOf(rounds.map((r) => r.id)).toArray(),
  ]);
  const hazards = hazardRows.filter((h) => {
    const at = Date.parse(h.createdAt);
    return at >= day.from && at < day.to;
  });
  const events = new Map<string, LocalHazardEvent[]>();
  const eventRows = await db.hazardEvents.where('hazardId').anyOf(hazards.map((h) => h.id)).toArray();
  for (const event of eventRows.sort((a, b) => a.at.localeCompare(b.at))) {
    const list = events.get(event.hazardId);
    if (list) list.push(event);
    else events.set(event.hazardId, [event]);
  }
  return {
    day,
    events,
    rounds,
    tracks,
    scans,
    hazards,
    compounds,
    checkpoints: new Map(checkpoints.map((c) => [c.id, c])),
    members: new Map(members.map((m) => [m.id, m])),
    teams,
    categories,
  };
}
