// `npm run backup -- <file>`: a consistent online backup of DATA_DIR (default ./data) into one
// tar file, while the server keeps running. See store/backup.ts for what the file holds.
import { resolve } from 'node:path';
import { backupDataDir } from '../backup/backup';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run backup -- <backup file>   (DATA_DIR selects the data folder, default ./data)');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR || './data');
try {
  const summary = await backupDataDir(dataDir, resolve(file));
  console.log(
    `Backed up ${dataDir} to ${summary.file}: ${summary.bytes} bytes, schema version ${summary.userVersion}, ` +
      `${summary.hazards} hazards, ${summary.photos} photos`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
