// `npm run restore -- <file>`: restores a backup made by `npm run backup` into DATA_DIR (default
// ./data), which must be empty or absent; a PostgreSQL backup also into DATABASE_URL, which must
// be an empty database. Start the server on them afterwards.
import { resolve } from 'node:path';
import { restoreDataDir } from '../backup/backup';
import { restorePostgres } from '../backup/pgBackup';
import { isPostgresUrl } from '../store/openStore';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run restore -- <backup file>   (DATA_DIR selects the data folder, default ./data; DATABASE_URL a PostgreSQL database)');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR || './data');
const databaseUrl = process.env.DATABASE_URL;
try {
  if (isPostgresUrl(databaseUrl)) {
    const summary = await restorePostgres(resolve(file), databaseUrl, dataDir);
    console.log(`Restored the database (${summary.dumpBytes} bytes of dump) and ${summary.photos} photos into ${dataDir}`);
  } else {
    const summary = restoreDataDir(resolve(file), dataDir);
    console.log(`Restored ${summary.files} files into ${summary.dataDir}: schema version ${summary.userVersion}, ${summary.hazards} hazards`);
  }
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
