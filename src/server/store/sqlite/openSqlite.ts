// Opens the SQLite file with the durability settings the sync contract relies on: an ack is
// sent only after a commit that WAL + synchronous=FULL has made durable.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export const DB_FILE = 'patrol.db';

export function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  // FULL (not NORMAL) so a commit survives power loss, not just a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
