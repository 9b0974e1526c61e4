// Whether this database is a demo or a real community, decided once, at its first start, and
// kept in the database: a later start's DEMO flag can turn demo codes off, never on. A demo
// database becomes a real one only through convertToReal (`npm run admin -- convert`).
import { recordAudit, SYSTEM_ACTOR } from './audit';
import type { Sql } from './sql/sql';

export type Mode = 'demo' | 'real';

/**
 * The database's mode, recorded now if this is its first start. A database from before the mode
 * was recorded is a demo one exactly when it holds demo codes.
 */
export function recordedMode(sql: Sql, wantDemo: boolean): Promise<Mode> {
  return sql.transaction(async (tx): Promise<Mode> => {
    const stored = (await tx.get<{ value: string }>("SELECT value FROM settings WHERE key = 'mode'"))?.value as Mode | undefined;
    if (stored) return stored;
    const empty = (await tx.get('SELECT 1 FROM members LIMIT 1')) === undefined;
    const hasDemoCodes = (await tx.get('SELECT 1 FROM enrollment_codes WHERE demo = 1 LIMIT 1')) !== undefined;
    const mode: Mode = (empty ? wantDemo : hasDemoCodes) ? 'demo' : 'real';
    // Two processes starting on one new database: the first one's record stands.
    await tx.run("INSERT INTO settings (key, value) VALUES ('mode', ?) ON CONFLICT (key) DO NOTHING", [mode]);
    return ((await tx.get<{ value: string }>("SELECT value FROM settings WHERE key = 'mode'"))?.value as Mode | undefined) ?? mode;
  });
}

/** Demo codes are honoured only on a demo database started in demo mode. */
export const demoCodesHonoured = async (sql: Sql, wantDemo: boolean) => (await recordedMode(sql, wantDemo)) === 'demo' && wantDemo;

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
export function convertToReal(sql: Sql, now: Date, options: { dropHistory: boolean }): Promise<ConvertSummary> {
  return sql.transaction(async (tx): Promise<ConvertSummary> => {
    const at = now.toISOString();
    const demoCodes = await tx.run('DELETE FROM enrollment_codes WHERE demo = 1');
    const devicesSignedOut = await tx.run('UPDATE devices SET revoked_at = ? WHERE revoked_at IS NULL', [at]);
    let hazards = 0;
    let rounds = 0;
    if (options.dropHistory) {
      await tx.run('DELETE FROM hazard_events');
      hazards = await tx.run('DELETE FROM hazards');
      await tx.run('DELETE FROM checkpoint_scans');
      await tx.run('DELETE FROM track_batches');
      rounds = await tx.run('DELETE FROM rounds');
      await tx.run("DELETE FROM changes WHERE entity IN ('hazard', 'hazardEvent', 'round', 'trackBatch', 'checkpointScan')");
    }
    await tx.run("INSERT INTO settings (key, value) VALUES ('mode', 'real') ON CONFLICT(key) DO UPDATE SET value = 'real'");
    const summary = { demoCodes, devicesSignedOut, hazards, rounds };
    await recordAudit(tx, SYSTEM_ACTOR, 'mode.convert', 'real', { ...summary, dropHistory: options.dropHistory }, now);
    return summary;
  });
}
