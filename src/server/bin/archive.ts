// `npm run archive -- <folder> [--keep-months N]`: on PostgreSQL (DATABASE_URL), dumps and drops
// the track-point partitions of months that ended more than N months ago (TRACK_RETENTION_MONTHS,
// 13 by default: a year and its month of comparison). Each month becomes one pg_dump file in
// <folder>; `pg_restore -d "$DATABASE_URL" <file>` brings it back as a table of its own.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { isPostgresUrl } from '../store/openStore';
import { archiveTrackMonths } from '../store/postgres/archiveTracks';

const USAGE = 'usage: npm run archive -- <folder> [--keep-months N]   (DATABASE_URL must name a PostgreSQL database)';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'keep-months': { type: 'string' } } });
const url = process.env.DATABASE_URL;
const keep = Number(values['keep-months'] ?? process.env.TRACK_RETENTION_MONTHS ?? 13);
if (!isPostgresUrl(url) || positionals.length !== 1 || !Number.isInteger(keep) || keep < 1) {
  console.error(USAGE);
  process.exit(2);
}
const dir = resolve(positionals[0]!);
mkdirSync(dir, { recursive: true });
const now = new Date();
const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - keep, 1);
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const archived = await archiveTrackMonths(pool, url, dir, cutoff);
  if (archived.length === 0) console.log(`No month of track points ended before ${new Date(cutoff).toISOString().slice(0, 10)}: nothing to archive.`);
  for (const a of archived) console.log(`Archived ${a.partition}: ${a.batches} track batches, ${a.bytes} bytes in ${a.file}`);
} catch (error) {
  console.error(`Archive failed (nothing was dropped): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
