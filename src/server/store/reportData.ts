// The rows a weekly report is computed from, read from the database into the shapes the shared
// statistics take (the app reads the same shapes from Dexie). Every read is bounded by the week
// and the scope, through indexes: the week's hazards, the ones still open or changed since the
// week began (a hazard from an earlier week may be open at this week's end), the rounds that can
// touch the week and their track batches, and the week's scans. Nothing reads a whole table of
// records, so a report's cost follows what it reports, not the size of the database.
import { assembleInput, ROUND_LOOKBACK_MS } from '../../shared/report/assembleInput';
import type { ReportInput, ReportRound, ReportScope } from '../../shared/report/reportInput';
import type { HazardEventType } from '../../shared/domain/hazardEvents';
import type { TrackPoint } from '../../shared/domain/rounds';
import { PHOTO_ID_PATTERN, type Compound, type Hazard } from '../../shared/domain/schemas';
import type { PhotoStore } from '../photos/photoStore';
import { hazardFromRow, type HazardRow } from './hazards';
import type { Sql, SqlValue } from './sql/sql';

type Named = { id: string; name_zh: string; name_en: string };
const named = (r: Named) => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } });

// A phone's clock may run ahead of the server's by up to a day (the push refuses more), so a
// hazard closed by an event dated in the week may have reached the server that long before it.
const CLOCK_SLACK_MS = 24 * 3_600_000;

// A round's track points lie within a day of its start (the push refuses others: push/saneTimes.ts).
const TRACK_SLACK_MS = 24 * 3_600_000;

/**
 * The hazards a week's report can count: reported in the week; or reported before it and still
 * open now; or changed (resolved, closed, reopened) since shortly before the week began. One
 * closed before then and untouched since was already closed at the week's start.
 */
function relevantHazards(team: string | null): string {
  const ofTeam = team === null ? ' AND community_id = ?' : ' AND community_id = ? AND team_id = ?';
  return `
  SELECT * FROM hazards WHERE created_at >= ? AND created_at < ?${ofTeam}
  UNION ALL
  SELECT * FROM hazards WHERE status IN ('open', 'assigned') AND created_at < ?${ofTeam}
  UNION ALL
  SELECT * FROM hazards WHERE status NOT IN ('open', 'assigned') AND created_at < ?
    AND (updated_at >= ? OR updated_at IS NULL)${ofTeam}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The week's input for one community (all of it, or one team's part). */
export async function loadReportInput(sql: Sql, range: { from: number; to: number }, scope: ReportScope, communityId: string): Promise<ReportInput> {
  // Stored times are ISO strings with offsets from phones (…+08:00) or Z from the server; both
  // compare correctly as text only in one zone, so the bounds are widened by the largest offset
  // and the shared code applies the exact range.
  const from = iso(range.from - 14 * 3_600_000);
  const to = iso(range.to + 14 * 3_600_000);
  const since = iso(range.from - CLOCK_SLACK_MS);
  const team = scope === 'all' ? null : scope.teamId;
  const withTeam = (...params: SqlValue[]) => (team === null ? [...params, communityId] : [...params, communityId, team]);
  const hazardRows = await sql.all<HazardRow>(relevantHazards(team), [...withTeam(from, to), ...withTeam(from), ...withTeam(from, since)]);
  const hazards: Hazard[] = hazardRows.map(hazardFromRow);
  const ofTeam = team === null ? ' AND community_id = ?' : ' AND community_id = ? AND team_id = ?';
  const rounds = (
    await sql.all<{ id: string; team_id: string; started_at: string; ended_at: string | null }>(
      `SELECT id, team_id, started_at, ended_at FROM rounds WHERE started_at >= ? AND started_at < ?${ofTeam}`,
      withTeam(iso(range.from - ROUND_LOOKBACK_MS - 14 * 3_600_000), to),
    )
  ).map((r): ReportRound => ({ id: r.id, teamId: r.team_id, startedAt: r.started_at, endedAt: r.ended_at }));
  const batches = [];
  for (const round of rounds) {
    // Bounded by the round's time as well as its id, so PostgreSQL reads only the partitions of
    // the months the round can touch (its points lie within a day of its start).
    const startMs = Date.parse(round.startedAt);
    const rows = await sql.all<{ points: string }>('SELECT points FROM track_batches WHERE round_id = ? AND first_at >= ? AND first_at <= ? ORDER BY first_at', [
      round.id,
      startMs - TRACK_SLACK_MS,
      startMs + TRACK_SLACK_MS,
    ]);
    for (const b of rows) batches.push({ roundId: round.id, points: JSON.parse(b.points) as TrackPoint[] });
  }
  const events = [];
  for (const h of hazards.filter((h) => h.status === 'closed_duplicate' || h.status === 'rejected')) {
    const rows = await sql.all<{ hazard_id: string; type: HazardEventType; at: string }>(
      "SELECT hazard_id, type, at FROM hazard_events WHERE hazard_id = ? AND type IN ('duplicate', 'reject')",
      [h.id],
    );
    for (const e of rows) events.push({ hazardId: e.hazard_id, type: e.type, at: e.at });
  }
  // Scans have no community of their own: their checkpoint's is theirs.
  const scans = await sql.all<{ checkpoint_id: string; round_id: string; team_id: string; scanned_at: string }>(
    `SELECT s.checkpoint_id, s.round_id, s.team_id, s.scanned_at FROM checkpoint_scans s JOIN checkpoints k ON k.id = s.checkpoint_id
      WHERE s.scanned_at >= ? AND s.scanned_at < ? AND k.community_id = ?${team === null ? '' : ' AND s.team_id = ?'}`,
    withTeam(from, to),
  );
  return assembleInput(
    {
      hazards,
      events,
      rounds,
      batches,
      scans: scans.map((s) => ({ checkpointId: s.checkpoint_id, roundId: s.round_id, teamId: s.team_id, scannedAt: s.scanned_at })),
      checkpoints: (await sql.all<{ id: string; compound_id: string }>('SELECT id, compound_id FROM checkpoints WHERE community_id = ?', [communityId])).map((c) => ({ id: c.id, compoundId: c.compound_id })),
      compounds: (await sql.all<Named & { polygon: string; property_company_id: string }>('SELECT * FROM compounds WHERE community_id = ?', [communityId])).map(
        (c): Compound => ({ ...named(c), polygon: JSON.parse(c.polygon) as Compound['polygon'], propertyCompanyId: c.property_company_id }),
      ),
      companies: (await sql.all<Named>('SELECT id, name_zh, name_en FROM property_companies WHERE street_id = (SELECT street_id FROM communities WHERE id = ?)', [communityId])).map(named),
      teams: (await sql.all<Named>('SELECT id, name_zh, name_en FROM teams WHERE community_id = ?', [communityId])).map(named),
      members: (await sql.all<{ id: string; name: string; team_id: string | null }>('SELECT id, name, team_id FROM members WHERE community_id = ?', [communityId])).map((m) => ({ id: m.id, name: m.name, teamId: m.team_id })),
      categories: (await sql.all<Named & { sort: number }>('SELECT * FROM categories')).map((c) => ({ ...named(c), sort: c.sort })),
    },
    range,
  );
}

/** Embedding more than this many photos would make a report page too heavy to print. */
export const MAX_EMBEDDED_PHOTOS = 60;

/**
 * Photos as data: URIs for the printable report, for the ids the page asks for first (at most
 * MAX_EMBEDDED_PHOTOS). Unknown or missing photos give null, and the report leaves them out.
 */
export async function photoDataUris(sql: Sql, photos: PhotoStore, wanted: readonly string[]): Promise<(photoId: string) => string | null> {
  const uris = new Map<string, string>();
  for (const id of new Set(wanted.filter((id) => PHOTO_ID_PATTERN.test(id)))) {
    if (uris.size >= MAX_EMBEDDED_PHOTOS) break;
    const mime = (await sql.get<{ mime: string }>('SELECT mime FROM photos WHERE id = ?', [id]))?.mime;
    if (!mime || !/^image\/(jpeg|png|webp)$/.test(mime)) continue;
    const bytes = await photos.get(id);
    if (bytes) uris.set(id, `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`);
  }
  return (photoId) => uris.get(photoId) ?? null;
}
