// The rows a weekly report is computed from, read from SQLite into the shapes the shared
// statistics take (the app reads the same shapes from Dexie). Every read is bounded by the week
// and the scope, through indexes: the week's hazards, the ones still open or changed since the
// week began (a hazard from an earlier week may be open at this week's end), the rounds that can
// touch the week and their track batches, and the week's scans. Nothing reads a whole table of
// records, so a report's cost follows what it reports, not the size of the database.
import type Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assembleInput, ROUND_LOOKBACK_MS } from '../../shared/report/assembleInput';
import type { ReportInput, ReportRound, ReportScope } from '../../shared/report/reportInput';
import type { HazardEventType } from '../../shared/domain/hazardEvents';
import type { TrackPoint } from '../../shared/domain/rounds';
import { PHOTO_ID_PATTERN, type Compound, type Hazard } from '../../shared/domain/schemas';
import { hazardFromRow } from './hazards';

type Db = Database.Database;
type Named = { id: string; name_zh: string; name_en: string };
const named = (r: Named) => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } });

// A phone's clock may run ahead of the server's by up to a day (the push refuses more), so a
// hazard closed by an event dated in the week may have reached the server that long before it.
const CLOCK_SLACK_MS = 24 * 3_600_000;

/**
 * The hazards a week's report can count: reported in the week; or reported before it and still
 * open now; or changed (resolved, closed, reopened) since shortly before the week began. One
 * closed before then and untouched since was already closed at the week's start.
 */
const RELEVANT_HAZARDS = `
  SELECT * FROM hazards WHERE created_at >= :from AND created_at < :to AND (:team IS NULL OR team_id = :team)
  UNION ALL
  SELECT * FROM hazards WHERE status IN ('open', 'assigned') AND created_at < :from AND (:team IS NULL OR team_id = :team)
  UNION ALL
  SELECT * FROM hazards WHERE status NOT IN ('open', 'assigned') AND created_at < :from
    AND (updated_at >= :since OR updated_at IS NULL) AND (:team IS NULL OR team_id = :team)`;

const iso = (ms: number) => new Date(ms).toISOString();

export function loadReportInput(db: Db, range: { from: number; to: number }, scope: ReportScope = 'all'): ReportInput {
  // Stored times are ISO strings with offsets from phones (…+08:00) or Z from the server; both
  // compare correctly as text only in one zone, so the bounds are widened by the largest offset
  // and the shared code applies the exact range.
  const params = { from: iso(range.from - 14 * 3_600_000), to: iso(range.to + 14 * 3_600_000), since: iso(range.from - CLOCK_SLACK_MS), team: scope === 'all' ? null : scope.teamId };
  // Row by row: a busy week's rows are never held twice (as rows and as hazards).
  const hazards: Hazard[] = [];
  for (const row of db.prepare<typeof params, Parameters<typeof hazardFromRow>[0]>(RELEVANT_HAZARDS).iterate(params)) hazards.push(hazardFromRow(row));
  const roundParams = { from: iso(range.from - ROUND_LOOKBACK_MS - 14 * 3_600_000), to: params.to, team: params.team };
  const rounds = db
    .prepare<typeof roundParams, { id: string; team_id: string; started_at: string; ended_at: string | null }>(
      'SELECT id, team_id, started_at, ended_at FROM rounds WHERE started_at >= :from AND started_at < :to AND (:team IS NULL OR team_id = :team)',
    )
    .all(roundParams)
    .map((r): ReportRound => ({ id: r.id, teamId: r.team_id, startedAt: r.started_at, endedAt: r.ended_at }));
  const batchesOf = db.prepare<[string], { points: string }>('SELECT points FROM track_batches WHERE round_id = ? ORDER BY first_at');
  const batches = rounds.flatMap((round) => batchesOf.all(round.id).map((b) => ({ roundId: round.id, points: JSON.parse(b.points) as TrackPoint[] })));
  const closing = db.prepare<[string], { hazard_id: string; type: HazardEventType; at: string }>(
    "SELECT hazard_id, type, at FROM hazard_events WHERE hazard_id = ? AND type IN ('duplicate', 'reject')",
  );
  const events = hazards
    .filter((h) => h.status === 'closed_duplicate' || h.status === 'rejected')
    .flatMap((h) => closing.all(h.id).map((e) => ({ hazardId: e.hazard_id, type: e.type, at: e.at })));
  const scanParams = { from: params.from, to: params.to, team: params.team };
  return assembleInput(
    {
      hazards,
      events,
      rounds,
      batches,
      scans: db
        .prepare<typeof scanParams, { checkpoint_id: string; round_id: string; team_id: string; scanned_at: string }>(
          'SELECT checkpoint_id, round_id, team_id, scanned_at FROM checkpoint_scans WHERE scanned_at >= :from AND scanned_at < :to AND (:team IS NULL OR team_id = :team)',
        )
        .all(scanParams)
        .map((s) => ({ checkpointId: s.checkpoint_id, roundId: s.round_id, teamId: s.team_id, scannedAt: s.scanned_at })),
      checkpoints: db.prepare<[], { id: string; compound_id: string }>('SELECT id, compound_id FROM checkpoints').all().map((c) => ({ id: c.id, compoundId: c.compound_id })),
      compounds: db
        .prepare<[], Named & { polygon: string; property_company_id: string }>('SELECT * FROM compounds')
        .all()
        .map((c): Compound => ({ ...named(c), polygon: JSON.parse(c.polygon) as Compound['polygon'], propertyCompanyId: c.property_company_id })),
      companies: db.prepare<[], Named>('SELECT id, name_zh, name_en FROM property_companies').all().map(named),
      teams: db.prepare<[], Named>('SELECT id, name_zh, name_en FROM teams').all().map(named),
      members: db.prepare<[], { id: string; name: string; team_id: string | null }>('SELECT id, name, team_id FROM members').all().map((m) => ({ id: m.id, name: m.name, teamId: m.team_id })),
      categories: db.prepare<[], Named & { sort: number }>('SELECT * FROM categories').all().map((c) => ({ ...named(c), sort: c.sort })),
    },
    range,
  );
}

/** Embedding more than this many photos would make a report page too heavy to print. */
export const MAX_EMBEDDED_PHOTOS = 60;

/**
 * Photos as data: URIs for the printable report, read from DATA_DIR/photos (the directory of
 * the database file). Unknown or missing photos give null, and the report leaves them out.
 */
export function photoDataUris(db: Db): (photoId: string) => string | null {
  const dir = join(dirname(db.name), 'photos');
  const mimeOf = db.prepare<[string], { mime: string }>('SELECT mime FROM photos WHERE id = ?');
  let embedded = 0;
  return (photoId) => {
    if (!PHOTO_ID_PATTERN.test(photoId) || embedded >= MAX_EMBEDDED_PHOTOS) return null;
    const mime = mimeOf.get(photoId)?.mime;
    const file = join(dir, photoId);
    if (!mime || !/^image\/(jpeg|png|webp)$/.test(mime) || !existsSync(file)) return null;
    embedded += 1;
    return `data:${mime};base64,${readFileSync(file).toString('base64')}`;
  };
}
