// JPEG metadata by the segment: read the EXIF orientation, and drop the segments that can carry
// where and with what a photo was taken (EXIF/XMP in APP1, IPTC in APP13, comments). Used when a
// small JPEG is kept as is instead of re-encoded: its pixels stay, its GPS must not.

const APP1 = 0xe1;
const APP13 = 0xed;
const COM = 0xfe;
// APP0 (JFIF) and APP2 (ICC colour profile) are kept: they change how the pixels look, not who.
const DROPPED = new Set([APP1, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, APP13, 0xef, COM]);

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/** The header segments before the first scan, or null if the bytes are not a walkable JPEG. */
function headerSegments(b: Uint8Array): { segments: Segment[]; scanStart: number } | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  const segments: Segment[] = [];
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xda) return { segments, scanStart: at };
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    if (length < 2) return null;
    segments.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return null;
}

/** The same JPEG without metadata segments; null if it cannot be walked safely. */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  const parsed = headerSegments(bytes);
  if (!parsed) return null;
  const kept = parsed.segments.filter((s) => !DROPPED.has(s.marker));
  const parts = [bytes.subarray(0, 2), ...kept.map((s) => bytes.subarray(s.start, s.end)), bytes.subarray(parsed.scanStart)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** True when the JPEG still holds any segment that can carry EXIF, GPS, XMP or IPTC. */
export function hasJpegMetadata(bytes: Uint8Array): boolean {
  const parsed = headerSegments(bytes);
  return parsed ? parsed.segments.some((s) => DROPPED.has(s.marker)) : false;
}

/** EXIF orientation 1..8 (1 when absent or unreadable). */
export function jpegOrientation(bytes: Uint8Array): number {
  const parsed = headerSegments(bytes);
  const exif = parsed?.segments.find((s) => s.marker === APP1 && String.fromCharCode(...bytes.subarray(s.start + 4, s.start + 8)) === 'Exif');
  if (!exif) return 1;
  const tiff = exif.start + 10;
  const little = bytes[tiff] === 0x49;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (tiff + 8 > exif.end) return 1;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > exif.end) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > exif.end) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
