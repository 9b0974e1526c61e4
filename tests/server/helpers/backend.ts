// Which backend the server, security and faults suites run against: `npm test` runs each suite
// twice, with PATROL_TEST_BACKEND=sqlite and =postgres (tests/run.mjs). On PostgreSQL every test
// server gets a fresh schema of its own in the run's database (PATROL_TEST_PG_URL), so test
// files running in parallel never see each other's rows.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Dialect } from '../../../src/server/store/sql/sql';

export const TEST_BACKEND: Dialect = process.env.PATROL_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** The run's database: made by tests/run.mjs, else PG_TEST_URL, else the machine's `test` database. */
export const TEST_PG_URL = process.env.PATROL_TEST_PG_URL || process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A URL whose connections see only `schema` (search_path), in the run's database. */
export function schemaUrl(schema: string): string {
  // %20, not '+': libpq (pg_dump, psql) reads '+' in a URL literally.
  const url = new URL(TEST_PG_URL);
  url.searchParams.delete('options');
  return `${url.toString()}${url.search ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** An empty PostgreSQL schema of its own, as a DATABASE_URL. */
export async function freshPostgresUrl(): Promise<string> {
  const schema = `s_${randomBytes(8).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return schemaUrl(schema);
}

/** The DATABASE_URL for a new test server on this run's backend: undefined means SQLite. */
export async function freshDatabaseUrl(): Promise<string | undefined> {
  return TEST_BACKEND === 'postgres' ? freshPostgresUrl() : undefined;
}
