// The PostgreSQL executor over a pg Pool. Each statement is a named prepared statement (parsed
// once per connection). A transaction holds one pooled connection from BEGIN to COMMIT; the ack
// of a push is sent only after COMMIT returns, with synchronous_commit on (the server default,
// and set again per connection so a tuned server cannot weaken it).
//
// The pull log is commit-safe: a change's seq comes from one counter row, taken with an UPDATE at
// the end of the writing transaction. Its row lock is held until COMMIT, so a transaction that
// took seq 41 has committed before any other can take seq 42, and a pull that has seen 42 can
// never later meet a 41 (a sequence would hand out numbers at insert and let them commit out of
// order). Only the tail of the transaction (the change rows and COMMIT) runs under the lock.
import pg from 'pg';
import { createHash } from 'node:crypto';
import type { Change } from '../../../shared/protocol/sync';
import type { Scope, Sql, SqlValue, Tx } from '../sql/sql';
import { numberedPlaceholders } from './placeholders';

// int8 (counts, sums, seq) as numbers: every value the store keeps is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

type Queryable = Pick<pg.PoolClient, 'query'>;

const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
}

async function query<R>(on: Queryable, text: string, params: readonly SqlValue[]): Promise<pg.QueryResult & { rows: R[] }> {
  const converted = numberedPlaceholders(text);
  return (await on.query({ name: nameOf(converted), text: converted, values: params as SqlValue[] })) as pg.QueryResult & { rows: R[] };
}

function executor(on: Queryable, transaction: Sql['transaction']): Sql {
  return {
    dialect: 'postgres',
    all: async <R>(text: string, params: readonly SqlValue[] = []) => (await query<R>(on, text, params)).rows,
    get: async <R>(text: string, params: readonly SqlValue[] = []) => (await query<R>(on, text, params)).rows[0],
    run: async (text: string, params: readonly SqlValue[] = []) => (await query(on, text, params)).rowCount ?? 0,
    transaction,
  };
}

async function writeChanges(client: Queryable, published: ReadonlyArray<[Change, Scope]>): Promise<void> {
  // The last state of each entity wins within one transaction.
  const latest = new Map<string, [Change, Scope]>();
  for (const entry of published) {
    const key = `${entry[0].entity}\u0000${entry[0].id}\u0000${entry[1]}`;
    latest.delete(key);
    latest.set(key, entry);
  }
  const rows = [...latest.values()];
  const { rows: counter } = await query<{ seq: number }>(client, 'UPDATE change_counter SET seq = seq + ? WHERE id = 1 RETURNING seq', [rows.length]);
  const first = counter[0]!.seq - rows.length + 1;
  // One statement for the whole batch: the counter's lock is held only this long and for COMMIT.
  await client.query(
    `INSERT INTO changes (seq, entity, entity_id, scope, data)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (entity, entity_id, scope) DO UPDATE SET seq = excluded.seq, data = excluded.data`,
    [
      rows.map((_, i) => first + i),
      rows.map(([change]) => change.entity),
      rows.map(([change]) => change.id),
      rows.map(([, scope]) => scope),
      rows.map(([change]) => JSON.stringify(change.data)),
    ],
  );
}

// Deadlock and serialization failures: the transaction did nothing and may simply run again.
const TRANSIENT = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export interface PostgresHooks {
  /** Runs after a transaction's changes took their seqs and before COMMIT (tests hold it open here). */
  beforeCommit?: () => Promise<void>;
}

export function postgresSql(pool: pg.Pool, hooks: PostgresHooks = {}): Sql {
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(fn);
      } catch (error) {
        if (attempt >= ATTEMPTS || !TRANSIENT.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  };
  const once = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const published: Array<[Change, Scope]> = [];
    const tx: Tx = {
      ...executor(client, (inner) => inner(tx)),
      publish: (change, scope) => void published.push([change, scope]),
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      if (published.length > 0) await writeChanges(client, published);
      await hooks.beforeCommit?.();
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection whose ROLLBACK fails is not put back in the pool.
      await client.query('ROLLBACK').then(
        () => client.release(),
        (rollbackError: unknown) => client.release(rollbackError instanceof Error ? rollbackError : true),
      );
      throw error;
    }
  };
  return executor(pool, transaction);
}
