// What an upload really is, from its bytes alone: JPEG, PNG or WebP with its dimensions, or
// null. Pure (no DOM, no Node) so the endpoint and the app judge bytes the same way.
// A file passes only if its whole structure holds from the first byte to the last: a JPEG must
// run SOI … SOF (with dimensions) … SOS … EOI and end there, a PNG must end with IEND, a WebP's
// RIFF size must match. So a truncated file fails, and a JPEG header glued to a script
// (polyglot) fails, because the script sits where the structure says nothing may be.
import type { PhotoMime } from '../protocol/photos';

/** The types a photo may travel as (the protocol's list). */
export type ImageMime = PhotoMime;

export interface SniffedImage {
  mime: ImageMime;
  width: number;
  height: number;
}

// Larger than any phone camera (a 200 MP sensor is ~16,000 px wide); beyond this is a decoy.
export const MAX_IMAGE_SIDE = 20_000;

const sane = (width: number, height: number) =>
  width >= 1 && height >= 1 && width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE;

export interface SniffOptions {
  /**
   * Accept bytes after a JPEG's EOI. Only for the phone's own check before it re-encodes: some
   * cameras append data there (motion photos append a video). The endpoint never allows it.
   */
  trailing?: boolean;
}

export function sniffImage(bytes: Uint8Array, options: SniffOptions = {}): SniffedImage | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return sniffJpeg(bytes, options.trailing ?? false);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return sniffPng(bytes);
  if (bytes[0] === 0x52 && bytes[1] === 0x49) return sniffWebp(bytes);
  return null;
}

/** True when the bytes are a whole image of exactly the claimed type. */
export function isImageOfType(bytes: Uint8Array, mime: string): SniffedImage | null {
  const sniffed = sniffImage(bytes);
  return sniffed && sniffed.mime === mime ? sniffed : null;
}

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => ((u16(b, at) << 16) >>> 0) + u16(b, at + 2);
const le16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const le24 = (b: Uint8Array, at: number) => le16(b, at) | ((b[at + 2] ?? 0) << 16);
const le32 = (b: Uint8Array, at: number) => (le24(b, at) + (b[at + 3] ?? 0) * 0x1000000) >>> 0;
const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function sniffJpeg(b: Uint8Array, trailing: boolean): SniffedImage | null {
  let at = 2;
  let size: { width: number; height: number } | null = null;
  let scans = 0;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      // EOI must be the very last thing in the file.
      return (trailing || at + 2 === b.length) && size && scans > 0 ? { mime: 'image/jpeg', ...size } : null;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) return null;
    if (isSof(marker)) {
      if (length < 8) return null;
      const height = u16(b, at + 5);
      const width = u16(b, at + 7);
      if (!sane(width, height)) return null;
      size = { width, height };
    }
    at += 2 + length;
    if (marker === 0xda) {
      if (!size) return null;
      scans++;
      // Entropy-coded data: FF is only ever followed by 00 (stuffing) or a restart marker.
      while (at + 1 < b.length) {
        if (b[at] !== 0xff) {
          at++;
          continue;
        }
        const next = b[at + 1] ?? 0;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
        else break;
      }
    }
  }
  return null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sniffPng(b: Uint8Array): SniffedImage | null {
  if (!PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return null;
  let at = 8;
  let size: { width: number; height: number } | null = null;
  let sawData = false;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const type = ascii(b, at + 4, 4);
    const end = at + 12 + length;
    if (end > b.length) return null;
    if (at === 8) {
      if (type !== 'IHDR' || length !== 13) return null;
      const width = u32(b, at + 8);
      const height = u32(b, at + 12);
      if (!sane(width, height)) return null;
      size = { width, height };
    } else if (!/^[A-Za-z]{4}$/.test(type)) {
      return null;
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return end === b.length && size && sawData ? { mime: 'image/png', ...size } : null;
    at = end;
  }
  return null;
}

function sniffWebp(b: Uint8Array): SniffedImage | null {
  // The RIFF size counts everything after its own field; an even-padded file matches exactly.
  return le32(b, 4) + 8 === b.length ? webpDimensions(b) : null;
}

/** The canvas size from a WebP's first chunk (within its first 30 bytes). */
function webpDimensions(b: Uint8Array): SniffedImage | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 4);
  const at = 20;
  let width: number;
  let height: number;
  if (chunk === 'VP8 ') {
    if (b[at + 3] !== 0x9d || b[at + 4] !== 0x01 || b[at + 5] !== 0x2a) return null;
    width = le16(b, at + 6) & 0x3fff;
    height = le16(b, at + 8) & 0x3fff;
  } else if (chunk === 'VP8L') {
    if (b[at] !== 0x2f) return null;
    const bits = le32(b, at + 1);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    width = le24(b, at + 4) + 1;
    height = le24(b, at + 7) + 1;
  } else {
    return null;
  }
  return sane(width, height) ? { mime: 'image/webp', width, height } : null;
}

