// Runs the versioned migrations in order. PRAGMA user_version holds the last applied one, and
// each migration commits together with its version bump, so a crash leaves no half-schema.
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export function migrate(db: Database.Database): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
  return MIGRATIONS.length;
}
