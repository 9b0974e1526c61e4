// The SQLite executor: one better-sqlite3 connection, statements compiled once and reused (a push
// of 500 mutations runs the same few statements thousands of times). better-sqlite3 is
// synchronous, so a transaction that awaits between statements would let another request's
// statement run inside it; a lock keeps every statement outside a transaction waiting until the
// open one commits, and transactions run one at a time (SQLite has one writer anyway).
import type Database from 'better-sqlite3';
import type { Change } from '../../../shared/protocol/sync';
import type { Scope, Sql, SqlValue, Tx } from '../sql/sql';

type Statement = Database.Statement<unknown[], unknown>;

export function sqliteSql(db: Database.Database): Sql {
  const cache = new Map<string, Statement>();
  const prepared = (text: string): Statement => {
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = db.prepare(text) as Statement));
    return statement;
  };
  let held: Promise<void> = Promise.resolve();
  let locked = false;
  const lock = async (): Promise<() => void> => {
    const before = held;
    let release!: () => void;
    held = new Promise<void>((resolve) => (release = resolve));
    await before;
    locked = true;
    return () => {
      locked = false;
      release();
    };
  };
  const direct = {
    all: <R>(text: string, params: readonly SqlValue[] = []) => prepared(text).all(...params) as R[],
    get: <R>(text: string, params: readonly SqlValue[] = []) => prepared(text).get(...params) as R | undefined,
    run: (text: string, params: readonly SqlValue[] = []) => prepared(text).run(...params).changes,
  };
  // Outside a transaction: at once when none is open, else after it.
  const outside = async <T>(work: () => T): Promise<T> => {
    if (!locked) return work();
    const release = await lock();
    try {
      return work();
    } finally {
      release();
    }
  };

  const sql: Sql = {
    dialect: 'sqlite',
    all: (text, params) => outside(() => direct.all(text, params)),
    get: (text, params) => outside(() => direct.get(text, params)),
    run: (text, params) => outside(() => direct.run(text, params)),
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const release = await lock();
      const published: Array<[Change, Scope]> = [];
      const tx: Tx = {
        dialect: 'sqlite',
        all: async (text, params) => direct.all(text, params),
        get: async (text, params) => direct.get(text, params),
        run: async (text, params) => direct.run(text, params),
        transaction: (inner) => inner(tx),
        publish: (change, scope) => void published.push([change, scope]),
      };
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          // Single writer: seq order is commit order. REPLACE moves the entity to a new seq.
          const write = prepared('INSERT OR REPLACE INTO changes (entity, entity_id, scope, data) VALUES (?, ?, ?, ?)');
          for (const [change, scope] of published) write.run(change.entity, change.id, scope, JSON.stringify(change.data));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        release();
      }
    },
  };
  return sql;
}
