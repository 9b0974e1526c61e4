// The one door to the database. Store modules write portable SQL with `?` placeholders; the
// SQLite and PostgreSQL executors (store/sqlite, store/postgres) run it. Nothing outside
// src/server/store sees an executor: routes and services call store functions.
import type { Change } from '../../../shared/protocol/sync';

export type SqlValue = string | number | null;
export type Dialect = 'sqlite' | 'postgres';

/** A part of the pull log, pulled by those it concerns (store/scopes.ts). */
export type Scope = 'global' | `street:${string}` | `c:${string}` | `company:${string}`;

export interface Sql {
  readonly dialect: Dialect;
  all<R>(text: string, params?: readonly SqlValue[]): Promise<R[]>;
  get<R>(text: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
  /** One transaction on one connection: committed when `fn` resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** A transaction. Changes published here reach the pull log in the same commit. */
export interface Tx extends Sql {
  /** Puts the entity's latest state in the pull log when this transaction commits. */
  publish(change: Change, scope: Scope): void;
}
