// Failed enrollment attempts, per key (a client address, or a code's hash), in a sliding window.
// They live in the database, not in a process's memory, so several endpoint processes behind one
// load balancer count the same failures: a guesser gains nothing by spreading over them.
import type { Sql } from './sql/sql';

export async function recentFailures(sql: Sql, key: string, sinceMs: number): Promise<number[]> {
  const rows = await sql.all<{ at_ms: number }>('SELECT at_ms FROM enroll_failures WHERE key = ? AND at_ms > ? ORDER BY at_ms', [key, sinceMs]);
  return rows.map((r) => Number(r.at_ms));
}

/** Records one failure and forgets every failure that has left the window (anyone's). */
export async function recordFailure(sql: Sql, key: string, nowMs: number, windowMs: number): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.run('DELETE FROM enroll_failures WHERE at_ms <= ?', [nowMs - windowMs]);
    await tx.run('INSERT INTO enroll_failures (key, at_ms) VALUES (?, ?)', [key, nowMs]);
  });
}
