// Secrets at rest: tokens and enrollment codes are stored only as SHA-256 hex, never raw.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** 32 random bytes (256 bits), base64url: 43 characters, no padding. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// No 0/O or 1/I/L: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random enrollment code like "K7QM-4XWP-RT": 10 symbols, about 49 bits. */
export function newEnrollmentCode(): string {
  const symbols = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/** Codes are typed by people: case and surrounding spaces must not matter. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
