// The Store: the database behind the Sql door, and the photo bytes behind a PhotoStore.
// DATABASE_URL=postgres://… selects PostgreSQL; without it, SQLite at DATA_DIR/patrol.db.
// Routes and services receive a Store and reach the database only through store/ functions.
import pg from 'pg';
import { parse } from 'pg-connection-string';
import type { PhotoStore } from '../photos/photoStore';
import { createFsPhotoStore } from '../photos/fsPhotoStore';
import { join } from 'node:path';
import type { Dialect, Sql } from './sql/sql';
import { openSqlite } from './sqlite/openSqlite';
import { sqliteSql } from './sqlite/sqliteSql';
import { postgresSql } from './postgres/postgresSql';
import { migratePostgres } from './postgres/migrate';
import { ensureTrackPartitions } from './postgres/partitions';

export interface Store {
  readonly dialect: Dialect;
  readonly sql: Sql;
  readonly photos: PhotoStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  /** postgres://… for PostgreSQL; undefined or '' for SQLite in dataDir. */
  databaseUrl?: string;
  /** Where photo bytes go; the filesystem at DATA_DIR/photos by default. */
  photos?: PhotoStore;
  /** Connections this process keeps to PostgreSQL (PG_POOL_SIZE); 10 by default. */
  poolSize?: number;
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

export async function openStore(options: StoreOptions): Promise<Store> {
  const photos = options.photos ?? createFsPhotoStore(join(options.dataDir, 'photos'));
  if (isPostgresUrl(options.databaseUrl)) {
    // An ack means durable: a server tuned to synchronous_commit=off must not weaken that here.
    // Set as a connection option, so it holds before the first query (after the URL's own options).
    const own = parse(options.databaseUrl).options;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      options: [own, '-c synchronous_commit=on'].filter(Boolean).join(' '),
      max: options.poolSize ?? 10,
    });
    // An idle connection the server drops must not take the process down.
    pool.on('error', (error) => console.error('postgres pool error', error.message));
    try {
      await migratePostgres(pool);
      await ensureTrackPartitions(pool, new Date());
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { dialect: 'postgres', sql: postgresSql(pool), photos, close: () => pool.end() };
  }
  if (options.databaseUrl) throw new Error('DATABASE_URL must start with postgres:// (or be unset for SQLite)');
  const db = openSqlite(options.dataDir);
  return { dialect: 'sqlite', sql: sqliteSql(db), photos, close: async () => void db.close() };
}
