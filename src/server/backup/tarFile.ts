// A minimal ustar (POSIX tar) writer and reader for backups: regular files and folders only,
// names up to 100 bytes. Plain tar so a backup can also be opened with `tar -xf` by hand.
// Files are streamed in 1 MB chunks, so a large database never sits in memory.
import { closeSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';

const BLOCK = 512;
const CHUNK = 1024 * 1024;

export interface TarEntry {
  /** Path inside the archive, '/'-separated, relative. */
  name: string;
  /** The file on disk to copy in; absent for a folder. */
  source?: string;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | '5'): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 100) throw new Error(`tar: name longer than 100 bytes: ${name}`);
  if (size >= 8 ** 11) throw new Error(`tar: ${name} is over 8 GB (${size} bytes)`);
  const block = Buffer.alloc(BLOCK);
  bytes.copy(block, 0);
  block.write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
  block.write(type, 156, 'ascii');
  block.write('ustar\0' + '00', 257, 'ascii');
  block.fill(' ', 148, 156);
  block.write(octal(checksum(block), 7) + ' ', 148, 'ascii');
  return block;
}

const checksum = (block: Buffer) => block.reduce((sum, byte, i) => sum + (i >= 148 && i < 156 ? 32 : byte), 0);

function copyInto(fd: number, source: string, size: number): void {
  const from = openSync(source, 'r');
  const buffer = Buffer.alloc(CHUNK);
  try {
    for (let done = 0; done < size; ) {
      const n = readSync(from, buffer, 0, Math.min(CHUNK, size - done), done);
      if (n === 0) throw new Error(`tar: ${source} shrank while it was archived`);
      writeSync(fd, buffer, 0, n);
      done += n;
    }
  } finally {
    closeSync(from);
  }
}

/** Writes the entries to `file` (overwriting it) and returns its size in bytes. */
export function writeTar(file: string, entries: readonly TarEntry[]): number {
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    for (const entry of entries) {
      const size = entry.source ? statSync(entry.source).size : 0;
      total += writeSync(fd, header(entry.name, size, entry.source ? '0' : '5'));
      if (!entry.source) continue;
      copyInto(fd, entry.source, size);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) writeSync(fd, Buffer.alloc(padding));
      total += size + padding;
    }
    total += writeSync(fd, Buffer.alloc(2 * BLOCK));
  } finally {
    closeSync(fd);
  }
  return total;
}

/** A name from an archive, refused if it would land outside the target folder. */
function safeName(raw: string): string {
  const name = normalize(raw);
  if (isAbsolute(name) || name === '..' || name.startsWith('../') || name.includes('/../')) {
    throw new Error(`tar: refusing entry outside the target folder: ${JSON.stringify(raw)}`);
  }
  return name;
}

const field = (block: Buffer, start: number, length: number) =>
  block.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');

/** Extracts every file and folder into `target`; returns the names of the files. */
export function readTar(file: string, target: string): string[] {
  const fd = openSync(file, 'r');
  const names: string[] = [];
  const block = Buffer.alloc(BLOCK);
  let position = 0;
  try {
    for (;;) {
      if (readSync(fd, block, 0, BLOCK, position) !== BLOCK) throw new Error('tar: archive ends without its end marker');
      position += BLOCK;
      if (block.every((b) => b === 0)) return names;
      const stored = Number.parseInt(field(block, 148, 8).trim(), 8);
      if (stored !== checksum(block)) throw new Error(`tar: bad header checksum at byte ${position - BLOCK}`);
      const prefix = field(block, 345, 155);
      const name = safeName(prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
      const size = Number.parseInt(field(block, 124, 12).trim() || '0', 8);
      const type = field(block, 156, 1) || '0';
      const path = join(target, name);
      if (type === '5') {
        mkdirSync(path, { recursive: true });
      } else if (type === '0') {
        mkdirSync(dirname(path), { recursive: true });
        const out = openSync(path, 'wx');
        const buffer = Buffer.alloc(CHUNK);
        try {
          for (let done = 0; done < size; ) {
            const n = readSync(fd, buffer, 0, Math.min(CHUNK, size - done), position + done);
            if (n === 0) throw new Error(`tar: archive truncated inside ${name}`);
            writeSync(out, buffer, 0, n);
            done += n;
          }
        } finally {
          closeSync(out);
        }
        names.push(name);
      } else {
        throw new Error(`tar: unsupported entry type ${JSON.stringify(type)} for ${name}`);
      }
      position += size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
  } finally {
    closeSync(fd);
  }
}
