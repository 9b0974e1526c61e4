// `npm run backup -- <file>`: a consistent online backup into one tar file, while the server keeps
// running: of DATA_DIR's SQLite file and photos, or (DATABASE_URL=postgres://…) a pg_dump of the
// database and DATA_DIR's photos. See backup/backup.ts and backup/pgBackup.ts for what it holds.
import { resolve } from 'node:path';
import { backupDataDir } from '../backup/backup';
import { backupPostgres } from '../backup/pgBackup';
import { isPostgresUrl } from '../store/openStore';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run backup -- <backup file>   (DATA_DIR selects the data folder, default ./data; DATABASE_URL a PostgreSQL database)');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR || './data');
const databaseUrl = process.env.DATABASE_URL;
try {
  if (isPostgresUrl(databaseUrl)) {
    const summary = await backupPostgres(databaseUrl, dataDir, resolve(file));
    console.log(`Backed up the PostgreSQL database and ${dataDir}/photos to ${summary.file}: ${summary.bytes} bytes, ${summary.photos} photos`);
  } else {
    const summary = await backupDataDir(dataDir, resolve(file));
    console.log(
      `Backed up ${dataDir} to ${summary.file}: ${summary.bytes} bytes, schema version ${summary.userVersion}, ` +
        `${summary.hazards} hazards, ${summary.photos} photos`,
    );
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
