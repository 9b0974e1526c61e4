// Store SQL is written with `?` placeholders (SQLite's); PostgreSQL numbers them ($1, $2…).
// A `?` inside a quoted string or identifier is text, not a placeholder.
const converted = new Map<string, string>();

export function numberedPlaceholders(text: string): string {
  const hit = converted.get(text);
  if (hit !== undefined) return hit;
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  converted.set(text, out);
  return out;
}
