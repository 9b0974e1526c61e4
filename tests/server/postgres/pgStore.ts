// A migrated PostgreSQL schema of its own for a test, with the pool it runs on.
import pg from 'pg';
import { freshPostgresUrl } from '../helpers/backend';
import { migratePostgres } from '../../../src/server/store/postgres/migrate';

export async function freshPool(): Promise<{ pool: pg.Pool; url: string }> {
  const url = await freshPostgresUrl();
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  await migratePostgres(pool);
  return { pool, url };
}
