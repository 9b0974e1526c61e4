// Pull cursors: opaque to clients, base64url of the last seq they have seen. Only the
// canonical encoding of a non-negative integer is accepted, so a cursor cannot be forged
// into something the server did not hand out in shape.
export function encodeCursor(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The seq a cursor stands for; 0 (the start) when absent or empty; null when malformed. */
export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) return null;
  const seq = Number(text);
  return Number.isSafeInteger(seq) && encodeCursor(seq) === cursor ? seq : null;
}
