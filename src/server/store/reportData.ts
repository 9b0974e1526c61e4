// The rows a weekly report is computed from, read from SQLite into the shapes the shared
// statistics take (the app reads the same shapes from Dexie). Hazards are read whole: a hazard
// from any earlier week may still be open at this week's end. Track batches are read only for
// the rounds that can touch the week.
import type Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assembleInput, roundsForWeek } from '../../shared/report/assembleInput';
import type { ReportInput, ReportRound } from '../../shared/report/reportInput';
import type { HazardEventType } from '../../shared/domain/hazardEvents';
import type { TrackPoint } from '../../shared/domain/rounds';
import { PHOTO_ID_PATTERN, type Compound } from '../../shared/domain/schemas';
import { hazardFromRow } from './hazards';

type Db = Database.Database;
type Named = { id: string; name_zh: string; name_en: string };
const named = (r: Named) => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en } });

export function loadReportInput(db: Db, range: { from: number; to: number }): ReportInput {
  const rounds = db
    .prepare<[], { id: string; team_id: string; started_at: string; ended_at: string | null }>('SELECT id, team_id, started_at, ended_at FROM rounds')
    .all()
    .map((r): ReportRound => ({ id: r.id, teamId: r.team_id, startedAt: r.started_at, endedAt: r.ended_at }));
  const batchesOf = db.prepare<[string], { points: string }>('SELECT points FROM track_batches WHERE round_id = ? ORDER BY first_at');
  const batches = roundsForWeek(rounds, range).flatMap((round) =>
    batchesOf.all(round.id).map((b) => ({ roundId: round.id, points: JSON.parse(b.points) as TrackPoint[] })),
  );
  return assembleInput(
    {
      hazards: db.prepare<[], Parameters<typeof hazardFromRow>[0]>('SELECT * FROM hazards').all().map(hazardFromRow),
      events: db
        .prepare<[], { hazard_id: string; type: HazardEventType; at: string }>(
          "SELECT hazard_id, type, at FROM hazard_events WHERE type IN ('duplicate', 'reject')",
        )
        .all()
        .map((e) => ({ hazardId: e.hazard_id, type: e.type, at: e.at })),
      rounds,
      batches,
      scans: db
        .prepare<[], { checkpoint_id: string; round_id: string; team_id: string; scanned_at: string }>(
          'SELECT checkpoint_id, round_id, team_id, scanned_at FROM checkpoint_scans',
        )
        .all()
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
