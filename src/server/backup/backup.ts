// Backup and restore of a DATA_DIR as one plain tar file:
//   patrol.db   a consistent snapshot taken with SQLite's online backup API while the server
//               runs (WAL readers and writers are not blocked), checked, in rollback-journal
//               mode so the one file holds everything
//   photos/...  the photos folder as it is, when it exists (photos are written once, never edited)
// The archive is written under a temporary name and renamed, so a crash never leaves a file
// that looks complete. Restore goes only into an empty or missing DATA_DIR.
import Database from 'better-sqlite3';
import { existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { DB_FILE } from '../store/sqlite/openSqlite';
import { writeTar, readTar, type TarEntry } from './tarFile';

export const PHOTOS_DIR = 'photos';

export interface BackupSummary {
  file: string;
  bytes: number;
  userVersion: number;
  hazards: number;
  photos: number;
}

function checkedSnapshot(path: string): { userVersion: number; hazards: number } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`snapshot failed its integrity check: ${String(integrity)}`);
    db.pragma('journal_mode = DELETE');
    const userVersion = Number(db.pragma('user_version', { simple: true }));
    const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'hazards'").get();
    const hasHazards = typeof row === 'object' && row !== null && 'n' in row && Number(row.n) > 0;
    const count = hasHazards ? db.prepare('SELECT count(*) AS n FROM hazards').pluck().get() : 0;
    return { userVersion, hazards: Number(count) };
  } finally {
    db.close();
  }
}

function filesUnder(root: string, folder: string): TarEntry[] {
  const entries: TarEntry[] = [{ name: relative(root, folder) }];
  for (const item of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    // Dot files are uploads still being written (photos/.tmp-*): not part of any state to restore.
    if (item.name.startsWith('.')) continue;
    const path = join(folder, item.name);
    if (item.isDirectory()) entries.push(...filesUnder(root, path));
    else if (item.isFile()) entries.push({ name: relative(root, path), source: path });
  }
  return entries;
}

/** The photos folder of a DATA_DIR as tar entries (both backends' backups carry it). */
export const photoEntries = (dataDir: string): TarEntry[] => filesUnder(dataDir, join(dataDir, PHOTOS_DIR));

export async function backupDataDir(dataDir: string, file: string): Promise<BackupSummary> {
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const staging = mkdtempSync(join(dirname(file), `.${basename(file)}-`));
  try {
    const snapshot = join(staging, DB_FILE);
    const db = new Database(source, { fileMustExist: true });
    try {
      await db.backup(snapshot);
    } finally {
      db.close();
    }
    const { userVersion, hazards } = checkedSnapshot(snapshot);
    const photos = existsSync(join(dataDir, PHOTOS_DIR)) ? photoEntries(dataDir) : [];
    const partial = join(staging, 'backup.tar');
    const bytes = writeTar(partial, [{ name: DB_FILE, source: snapshot }, ...photos]);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
    return { file, bytes, userVersion, hazards, photos: photos.filter((p) => p.source).length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface RestoreSummary {
  dataDir: string;
  files: number;
  userVersion: number;
  hazards: number;
}

export function restoreDataDir(file: string, dataDir: string): RestoreSummary {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`DATA_DIR ${dataDir} is not empty: restore only into an empty or new folder`);
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const staging = mkdtempSync(join(dirname(dataDir), `.${basename(dataDir)}-restoring-`));
  try {
    const names = readTar(file, staging);
    if (!names.includes(DB_FILE)) throw new Error(`${file} holds no ${DB_FILE}: not a Patrol Log backup`);
    const { userVersion, hazards } = checkedSnapshot(join(staging, DB_FILE));
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    return { dataDir, files: names.length, userVersion, hazards };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
