// Backup and restore on PostgreSQL, as one tar file like SQLite's:
//   patrol.pgdump  pg_dump's custom format of the database (a consistent snapshot: pg_dump reads
//                  in one repeatable-read transaction while the endpoint keeps writing)
//   photos/...     DATA_DIR/photos, when photos are kept on the filesystem (PHOTO_STORE=fs); a
//                  bucket (PHOTO_STORE=s3) is backed up by the object store's own versioning
// Restore goes only into an empty database (no schema_version table) and an empty DATA_DIR.
import { execFile } from 'node:child_process';
import { existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { readTar, writeTar } from './tarFile';
import { PHOTOS_DIR, photoEntries } from './backup';

const run = promisify(execFile);
export const PG_DUMP_FILE = 'patrol.pgdump';

export interface PgBackupSummary {
  file: string;
  bytes: number;
  photos: number;
}

export async function backupPostgres(databaseUrl: string, dataDir: string, file: string): Promise<PgBackupSummary> {
  const staging = mkdtempSync(join(dirname(file), `.${basename(file)}-`));
  try {
    const dump = join(staging, PG_DUMP_FILE);
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${databaseUrl}`]);
    const photos = existsSync(join(dataDir, PHOTOS_DIR)) ? photoEntries(dataDir) : [];
    const partial = join(staging, 'backup.tar');
    const bytes = writeTar(partial, [{ name: PG_DUMP_FILE, source: dump }, ...photos]);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
    return { file, bytes, photos: photos.filter((p) => p.source).length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export async function restorePostgres(file: string, databaseUrl: string, dataDir: string): Promise<{ photos: number; dumpBytes: number }> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`DATA_DIR ${dataDir} is not empty: restore only into an empty or new folder`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'");
    if (rowCount) throw new Error('the database already holds a Patrol Log schema: restore only into an empty database');
  } finally {
    await client.end();
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const staging = mkdtempSync(join(dirname(dataDir), `.${basename(dataDir)}-restoring-`));
  try {
    const names = readTar(file, staging);
    if (!names.includes(PG_DUMP_FILE)) throw new Error(`${file} holds no ${PG_DUMP_FILE}: not a PostgreSQL backup of Patrol Log`);
    const dump = join(staging, PG_DUMP_FILE);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, dump]);
    const dumpBytes = statSync(dump).size;
    rmSync(dump);
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true });
    renameSync(staging, dataDir);
    return { photos: names.filter((n) => n.startsWith(`${PHOTOS_DIR}/`) && !n.endsWith('/')).length, dumpBytes };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
