// The few places where SQLite and PostgreSQL spell the same idea differently. Everything else in
// store/ is SQL both run unchanged.
import type { Dialect } from './sql';

/** A stored ISO time (any offset) as an instant both sides of a comparison agree on. */
export const instant = (dialect: Dialect, expr: string): string => (dialect === 'sqlite' ? `julianday(${expr})` : `(${expr})::timestamptz`);

/** Whether text `haystack` contains the parameter's text. */
export const containsText = (dialect: Dialect, haystack: string): string => (dialect === 'sqlite' ? `instr(${haystack}, ?) > 0` : `strpos(${haystack}, ?) > 0`);
