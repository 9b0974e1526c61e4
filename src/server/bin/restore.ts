// `npm run restore -- <file>`: restores a backup made by `npm run backup` into DATA_DIR
// (default ./data), which must be empty or absent. Start the server on it afterwards.
import { resolve } from 'node:path';
import { restoreDataDir } from '../backup/backup';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run restore -- <backup file>   (DATA_DIR selects the data folder, default ./data)');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR || './data');
try {
  const summary = restoreDataDir(resolve(file), dataDir);
  console.log(
    `Restored ${summary.files} files into ${summary.dataDir}: schema version ${summary.userVersion}, ${summary.hazards} hazards`,
  );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
