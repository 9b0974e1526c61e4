// Runs the PostgreSQL migrations in order under an advisory lock, so several endpoint processes
// starting at once migrate exactly once. schema_version holds the last applied version, bumped in
// the same transaction as its migration.
import type pg from 'pg';
import { PG_MIGRATIONS } from './migrations';

const MIGRATION_LOCK = 0x7061_7472; // "patr"

export async function migratePostgres(pool: pg.Pool, migrations: readonly string[] = PG_MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    let current = rows[0]?.version ?? 0;
    for (const [index, text] of migrations.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(text);
        await client.query('UPDATE schema_version SET version = $1', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      current = version;
    }
    return current;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
