// Whether this database is a demo or a real community, decided once, at its first start, and
// kept in the database: a later start's DEMO flag can turn demo codes off, never on. A demo
// database becomes a real one only through convertToReal (`npm run admin -- convert`).
import type Database from 'better-sqlite3';
import { recordAudit, SYSTEM_ACTOR } from './audit';

type Db = Database.Database;
export type Mode = 'demo' | 'real';

const readMode = (db: Db) =>
  db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'mode'").get()?.value as Mode | undefined;

/**
 * The database's mode, recorded now if this is its first start. A database from before the mode
 * was recorded is a demo one exactly when it holds demo codes.
 */
export function recordedMode(db: Db, wantDemo: boolean): Mode {
  return db.transaction((): Mode => {
    const stored = readMode(db);
    if (stored) return stored;
    const empty = db.prepare('SELECT 1 FROM members LIMIT 1').get() === undefined;
    const hasDemoCodes = db.prepare('SELECT 1 FROM enrollment_codes WHERE demo = 1 LIMIT 1').get() !== undefined;
    const mode: Mode = (empty ? wantDemo : hasDemoCodes) ? 'demo' : 'real';
    db.prepare("INSERT INTO settings (key, value) VALUES ('mode', ?)").run(mode);
    return mode;
  })();
}

/** Demo codes are honoured only on a demo database started in demo mode. */
export const demoCodesHonoured = (db: Db, wantDemo: boolean) => recordedMode(db, wantDemo) === 'demo' && wantDemo;

export interface ConvertSummary {
  demoCodes: number;
  devicesSignedOut: number;
  hazards: number;
  rounds: number;
}

/**
 * Demo → real use: the public demo codes go, and every device enrolled so far is signed out
 * (anyone could have enrolled with a public code). With `dropHistory`, the demo's hazards and
 * rounds go too (and their lines of the pull log); the roster and reference data stay.
 */
export function convertToReal(db: Db, now: Date, options: { dropHistory: boolean }): ConvertSummary {
  return db.transaction((): ConvertSummary => {
    const at = now.toISOString();
    const demoCodes = db.prepare('DELETE FROM enrollment_codes WHERE demo = 1').run().changes;
    const devicesSignedOut = db.prepare('UPDATE devices SET revoked_at = ? WHERE revoked_at IS NULL').run(at).changes;
    let hazards = 0;
    let rounds = 0;
    if (options.dropHistory) {
      db.prepare('DELETE FROM hazard_events').run();
      hazards = db.prepare('DELETE FROM hazards').run().changes;
      db.prepare('DELETE FROM checkpoint_scans').run();
      db.prepare('DELETE FROM track_batches').run();
      rounds = db.prepare('DELETE FROM rounds').run().changes;
      db.prepare("DELETE FROM changes WHERE entity IN ('hazard', 'hazardEvent', 'round', 'trackBatch', 'checkpointScan')").run();
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('mode', 'real') ON CONFLICT(key) DO UPDATE SET value = 'real'").run();
    const summary = { demoCodes, devicesSignedOut, hazards, rounds };
    recordAudit(db, SYSTEM_ACTOR, 'mode.convert', 'real', { ...summary, dropHistory: options.dropHistory }, now);
    return summary;
  })();
}
