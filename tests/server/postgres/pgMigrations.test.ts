// PostgreSQL schema versions: every migration runs once, in order, in its own transaction, under
// an advisory lock, so processes starting together on a new database migrate it once; a failed
// migration leaves the version where it was.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshPostgresUrl } from '../helpers/backend';
import { migratePostgres } from '../../../src/server/store/postgres/migrate';
import { PG_MIGRATIONS } from '../../../src/server/store/postgres/migrations';

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});
const pool = (url: string) => {
  const p = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(p);
  return p;
};
const version = async (p: pg.Pool) => (await p.query<{ version: number }>('SELECT version FROM schema_version')).rows;

describe('PostgreSQL migrations', () => {
  it('bring a new schema to the last version once, even from two processes at once', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = [pool(url), pool(url)];
    expect(await Promise.all([migratePostgres(a), migratePostgres(b)])).toEqual([PG_MIGRATIONS.length, PG_MIGRATIONS.length]);
    expect(await version(a)).toEqual([{ version: PG_MIGRATIONS.length }]);
    expect((await a.query<{ seq: number }>('SELECT seq::int AS seq FROM change_counter')).rows).toEqual([{ seq: 0 }]);
    expect(await migratePostgres(a)).toBe(PG_MIGRATIONS.length);
  });

  it('run from every earlier version to the last, and roll a failing one back whole', async () => {
    for (let from = 0; from < PG_MIGRATIONS.length; from++) {
      const p = pool(await freshPostgresUrl());
      expect(await migratePostgres(p, PG_MIGRATIONS.slice(0, from))).toBe(from);
      expect(await migratePostgres(p)).toBe(PG_MIGRATIONS.length);
    }
    const p = pool(await freshPostgresUrl());
    const broken = [...PG_MIGRATIONS, 'CREATE TABLE half_done (id TEXT); SELECT no_such_function();'];
    await expect(migratePostgres(p, broken)).rejects.toThrow(/no_such_function/);
    expect(await version(p)).toEqual([{ version: PG_MIGRATIONS.length }]);
    expect((await p.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done' AND schemaname = current_schema()")).rowCount).toBe(0);
  });
});
