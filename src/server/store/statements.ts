// Prepared statements, compiled once per connection and reused: a push of 500 mutations runs
// the same few statements thousands of times, and compiling SQL each time dominated its cost.
import type Database from 'better-sqlite3';

type Db = Database.Database;
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function statement<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared as unknown as Database.Statement<P, R>;
}
