// Bundle sizes from the build (bench-dist), gzip level 9 (what a phone downloads from a server that compresses):
// - capture JS: the entry chunk of index.html and its static imports, followed transitively.
//   Dynamic imports are left out: they load on demand, not before the capture screen works.
// - total app JS: every .js the build wrote, the service worker included.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measured, type Figure } from '../lib/figure';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const CAPTURE_JS_KB = 65;
export const TOTAL_JS_KB = 150;
/**
 * Total app JS misses its budget: Leaflet alone is 42.6 KB gz, Dexie 30 KB. The build may not
 * grow past this ceiling; the table still reports the miss against 150 KB. It was 200 at 199.2 KB
 * built; the field-day work added about 20 KB, none of it on the capture path (whose own budget
 * holds): the photo viewer (3 KB), the place-on-map picker and detail mini-map (about 4 KB), the
 * refused-records list (3 KB), the checked backup import (2 KB), meta parsed on read (1 KB), the
 * recording line and round resume (1 KB), and the chunk overhead of splitting these out. It was
 * 221 at 220.8 KB; the street office's screens (a lazy 6.4 KB chunk, its words in two languages)
 * and the code the report, admin and street screens now share brought it to 229.1 KB, and the
 * street map (its view of the lazy Leaflet chunk, 4.4 KB) to 233.5 KB, none of it on the capture
 * path. Cutting it back (below 190 KB) is the bench-ratios issue's work.
 */
export const TOTAL_JS_CEILING_KB = 235;

const gzCache = new Map<string, number>();

/** gzip-9 bytes of a file of the build, by its path relative to the build folder. */
export function gzBytes(distDir: string, file: string): number {
  const path = join(distDir, file);
  let bytes = gzCache.get(path);
  if (bytes === undefined) {
    bytes = gzipSync(readFileSync(path), { level: 9 }).length;
    gzCache.set(path, bytes);
  }
  return bytes;
}

export function staticCaptureFiles(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = manifest['index.html'];
  if (!entry?.isEntry) throw new Error(`${distDir}/.vite/manifest.json has no entry for index.html`);
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest imports ${JSON.stringify(key)}, which it does not list`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  return [...files];
}

export function allJsFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && !file.startsWith('.vite'))
    .map((file) => relative(distDir, join(distDir, file)));
}

const kb = (bytes: number) => bytes / 1024;

export function bundleFigures(distDir: string): Figure[] {
  const capture = staticCaptureFiles(distDir);
  const all = allJsFiles(distDir);
  const sum = (files: string[]) => files.reduce((total, file) => total + gzBytes(distDir, file), 0);
  return [
    measured(
      {
        id: 'captureJsStatic',
        name: 'capture JS (static graph)',
        unit: 'KB',
        budget: { op: '<=', limit: CAPTURE_JS_KB, on: 'median' },
        note: capture.map((f) => `${f} ${kb(gzBytes(distDir, f)).toFixed(1)} KB`).join(', '),
      },
      [kb(sum(capture))],
    ),
    measured(
      {
        id: 'totalAppJs',
        name: 'total app JS',
        unit: 'KB',
        budget: { op: '<=', limit: TOTAL_JS_KB, on: 'median' },
        ceiling: TOTAL_JS_CEILING_KB,
        note: `${all.length} files incl. sw.js; over its budget, held at ≤ ${TOTAL_JS_CEILING_KB} KB`,
      },
      [kb(sum(all))],
    ),
  ];
}
