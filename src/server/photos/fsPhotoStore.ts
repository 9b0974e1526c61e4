// Photo bytes on disk, content-addressed: <dir>/<sha256>, no extension, outside the static root.
// A file appears only whole: bytes go to a temp file in the same directory, are fsynced, then
// renamed over (atomic on one filesystem), and the directory is fsynced so the new name survives
// a power cut too. Temp files of a crashed write are swept the first time a store opens the dir.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PHOTO_ID_PATTERN } from '../../shared/domain/schemas';
import type { PhotoStore } from './photoStore';

const TEMP_PREFIX = '.tmp-';
const swept = new Set<string>();

function sweepOnce(dir: string): void {
  if (swept.has(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(dir, name), { force: true });
  swept.add(dir);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function syncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createFsPhotoStore(dir: string): PhotoStore {
  sweepOnce(dir);

  /** Throws on anything but 64 lower-case hex, so no path ever leaves the directory. */
  const pathOf = (id: string): string => {
    if (!PHOTO_ID_PATTERN.test(id)) throw new Error(`not a photo id: ${JSON.stringify(id)}`);
    return join(dir, id);
  };

  const has = async (id: string): Promise<boolean> => {
    try {
      return (await stat(pathOf(id))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };

  return {
    has,

    async put(id, bytes) {
      const target = pathOf(id);
      // Same id, same bytes: a second write would only cost an fsync.
      if (await has(id)) return;
      const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
      try {
        const file = await open(temp, 'wx', 0o600);
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await syncPath(dir, 'r');
    },

    async get(id) {
      try {
        const file = await readFile(pathOf(id));
        // A plain view of the Buffer (no copy), so callers compare and hash it as any Uint8Array.
        return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(id) {
      await rm(pathOf(id), { force: true });
    },
  };
}
