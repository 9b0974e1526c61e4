// Many rows in few statements: a push of 1,000 hazards must not cost 1,000 round trips to
// PostgreSQL. Multi-row VALUES and IN lists are plain SQL both backends run; chunks of at most
// CHUNK rows keep the statements few (one prepared statement per chunk size) and well under
// either backend's parameter limit.
import type { Sql, SqlValue } from './sql';

const CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Inserts rows; `tail` follows the VALUES (ON CONFLICT…, RETURNING…). Returns what RETURNING gave. */
export async function insertRows<R>(sql: Sql, table: string, columns: readonly string[], rows: readonly SqlValue[][], tail: string): Promise<R[]> {
  const out: R[] = [];
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (const part of chunks(rows)) {
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => one).join(', ')} ${tail}`;
    // better-sqlite3 reads rows only from a statement that returns some.
    if (/\bRETURNING\b/i.test(tail)) out.push(...(await sql.all<R>(text, part.flat())));
    else await sql.run(text, part.flat());
  }
  return out;
}

/** Which of `ids` are in `column` of `table` (a key column), with an optional extra condition. */
export async function presentIds(sql: Sql, table: string, column: string, ids: Iterable<string>, extra: { clause: string; params: SqlValue[] } | null = null): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const text = `SELECT ${column} AS id FROM ${table} WHERE ${column} IN (${part.map(() => '?').join(', ')})${extra ? ` AND ${extra.clause}` : ''}`;
    for (const row of await sql.all<{ id: string }>(text, [...part, ...(extra?.params ?? [])])) found.add(row.id);
  }
  return found;
}

/** Runs `text` (ending in `IN`) once per chunk of ids, the list appended as its parameters. */
export async function runForIds(sql: Sql, text: string, leading: readonly SqlValue[], ids: Iterable<string>): Promise<void> {
  for (const part of chunks([...new Set(ids)])) await sql.run(`${text} (${part.map(() => '?').join(', ')})`, [...leading, ...part]);
}
