// Constant-time comparison of two stored secret hashes (hex SHA-256). Rows are found by an
// index on the hash, which leaks nothing useful (a guesser cannot steer a hash's prefix); the
// final equality check is still done without early exit, so no code path compares by bytes.
import { timingSafeEqual } from 'node:crypto';

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Lengths are public (always 64 hex digits); unequal lengths would make timingSafeEqual throw.
  return left.length === right.length && timingSafeEqual(left, right);
}
