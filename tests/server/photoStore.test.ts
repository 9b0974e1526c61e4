// The PhotoStore contract, held by the file store and the S3 store (against a real local
// S3-compatible server), plus what only one backend promises and the choice from the environment.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createFsPhotoStore } from '../../src/server/photos/fsPhotoStore';
import { createS3PhotoStore } from '../../src/server/photos/s3PhotoStore';
import { photoStoreFromEnv } from '../../src/server/photos/photoStoreFromEnv';
import type { PhotoStore } from '../../src/server/photos/photoStore';
import { S3_ACCESS_KEY_ID, S3_REGION, S3_SECRET_ACCESS_KEY, startLocalS3, type LocalS3 } from './helpers/s3Server';

function photo(size = 3000): { id: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(randomBytes(size));
  return { id: createHash('sha256').update(bytes).digest('hex'), bytes };
}

const BAD_IDS = ['../x', 'A'.repeat(64), 'a'.repeat(63)];
const BUCKET = 'patrol-photos';
const PREFIX = 'site-a/';

let s3: LocalS3;
const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'patrol-photos-'));
  tempDirs.push(dir);
  return dir;
}

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.createBucket(BUCKET);
});

afterAll(async () => {
  await s3.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function s3Store(overrides: { bucket?: string; endpoint?: string } = {}): PhotoStore {
  return createS3PhotoStore({
    endpoint: overrides.endpoint ?? s3.endpoint,
    region: S3_REGION,
    bucket: overrides.bucket ?? BUCKET,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: true,
    prefix: PREFIX,
  });
}

async function objectBytes(key: string): Promise<Uint8Array> {
  const answer = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await answer.Body?.transformToByteArray()) ?? new Uint8Array();
}

describe.each([
  { name: 'fs', make: () => createFsPhotoStore(join(tempDir(), 'photos')) },
  { name: 's3', make: () => s3Store() },
])('PhotoStore contract: $name', ({ make }) => {
  it('gives back the bytes it was given', async () => {
    const store = make();
    const { id, bytes } = photo();
    expect(await store.has(id)).toBe(false);
    await store.put(id, bytes, 'image/jpeg');
    expect(await store.has(id)).toBe(true);
    const back = await store.get(id);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('takes the same photo twice and keeps its bytes', async () => {
    const store = make();
    const { id, bytes } = photo();
    await store.put(id, bytes, 'image/png');
    await store.put(id, bytes, 'image/png');
    expect(Buffer.from((await store.get(id)) ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('answers null for a photo it does not hold', async () => {
    expect(await make().get(photo().id)).toBeNull();
  });

  it('deletes, and deleting what it does not hold is no error', async () => {
    const store = make();
    const { id, bytes } = photo();
    await store.put(id, bytes, 'image/webp');
    await store.delete(id);
    expect(await store.has(id)).toBe(false);
    expect(await store.get(id)).toBeNull();
    await expect(store.delete(id)).resolves.toBeUndefined();
    await expect(store.delete(photo().id)).resolves.toBeUndefined();
  });

  it.each(BAD_IDS)('refuses the id %j', async (bad) => {
    const store = make();
    const { bytes } = photo();
    await expect(store.put(bad, bytes, 'image/jpeg')).rejects.toThrow(/not a photo id/);
    await expect(store.get(bad)).rejects.toThrow(/not a photo id/);
    await expect(store.has(bad)).rejects.toThrow(/not a photo id/);
    await expect(store.delete(bad)).rejects.toThrow(/not a photo id/);
  });
});

describe('fs photo store', () => {
  it('sweeps temp files of a crashed write when it opens the directory, and keeps photos', () => {
    const dir = tempDir();
    const { id, bytes } = photo();
    writeFileSync(join(dir, '.tmp-xyz'), 'half a photo');
    writeFileSync(join(dir, id), bytes);
    createFsPhotoStore(dir);
    expect(existsSync(join(dir, '.tmp-xyz'))).toBe(false);
    expect(existsSync(join(dir, id))).toBe(true);
  });

  it('writes <dir>/<id>, readable by the owner alone, and leaves no temp file', async () => {
    const dir = tempDir();
    const store = createFsPhotoStore(dir);
    const { id, bytes } = photo();
    await store.put(id, bytes, 'image/jpeg');
    expect(statSync(join(dir, id)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, id)).equals(Buffer.from(bytes))).toBe(true);
    expect(readdirSync(dir)).toEqual([id]);
  });
});

describe('s3 photo store', () => {
  it('keeps the object under <prefix>photos/<id> with the mime as its content type', async () => {
    const { id, bytes } = photo();
    await s3Store().put(id, bytes, 'image/png');
    const answer = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}photos/${id}` }));
    expect(answer.ContentType).toBe('image/png');
    expect(Buffer.from((await answer.Body?.transformToByteArray()) ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses to serve an object whose bytes do not match its id', async () => {
    const { id, bytes } = photo();
    const store = s3Store();
    await store.put(id, bytes, 'image/jpeg');
    const damaged = Uint8Array.from(bytes);
    damaged[10] = (damaged[10] ?? 0) ^ 0xff;
    await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}photos/${id}`, Body: damaged }));
    expect((await objectBytes(`${PREFIX}photos/${id}`))[10]).toBe(damaged[10]);
    await expect(store.get(id)).rejects.toThrow(/corrupt/);
  });

  it('sends Content-MD5 and none of the flexible-checksum headers S3-compatible services reject', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const recorder = createHttpServer((request, response) => {
      seen.push(request.headers);
      request.resume().on('end', () => response.writeHead(200, { etag: '"x"' }).end());
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => recorder.once('listening', resolve));
    const address = recorder.address();
    try {
      const { id, bytes } = photo();
      await s3Store({ endpoint: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }).put(id, bytes, 'image/jpeg');
      const headers = seen[0] ?? {};
      expect(headers['content-md5']).toBe(createHash('md5').update(bytes).digest('base64'));
      expect(Object.keys(headers).filter((name) => name.startsWith('x-amz-checksum') || name === 'x-amz-trailer' || name === 'x-amz-sdk-checksum-algorithm')).toEqual([]);
      expect(headers['content-encoding'] ?? '').not.toContain('aws-chunked');
    } finally {
      recorder.closeAllConnections();
      await new Promise((resolve) => recorder.close(resolve));
    }
  });

  it('throws, rather than answering "absent", when the bucket is missing', async () => {
    await expect(s3Store({ bucket: 'no-such-bucket' }).get(photo().id)).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('throws, rather than answering "absent", when the server is unreachable', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => probe.close(resolve));
    const store = s3Store({ endpoint: `http://127.0.0.1:${port}` });
    await expect(store.has(photo().id)).rejects.toThrow();
    await expect(store.get(photo().id)).rejects.toThrow();
  });
});

describe('photoStoreFromEnv', () => {
  it('keeps photos in <dataDir>/photos by default', async () => {
    const dataDir = tempDir();
    const { id, bytes } = photo();
    await photoStoreFromEnv({}, dataDir).put(id, bytes, 'image/jpeg');
    expect(readFileSync(join(dataDir, 'photos', id)).equals(Buffer.from(bytes))).toBe(true);
    const explicit = tempDir();
    await photoStoreFromEnv({ PHOTO_STORE: 'fs' }, explicit).put(id, bytes, 'image/jpeg');
    expect(existsSync(join(explicit, 'photos', id))).toBe(true);
  });

  it('builds an S3 store from S3_* (path style by default with an endpoint)', async () => {
    const { id, bytes } = photo();
    const store = photoStoreFromEnv(
      {
        PHOTO_STORE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: BUCKET,
        S3_ACCESS_KEY_ID,
        S3_SECRET_ACCESS_KEY,
        S3_PREFIX: 'from-env',
      },
      tempDir(),
    );
    await store.put(id, bytes, 'image/jpeg');
    expect(Buffer.from(await objectBytes(`from-env/photos/${id}`)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('names the missing variable', () => {
    const env = { PHOTO_STORE: 's3', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };
    expect(() => photoStoreFromEnv(env, tempDir())).toThrow(/S3_BUCKET/);
    expect(() => photoStoreFromEnv({ ...env, S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: ' ' }, tempDir())).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it('names the accepted values for an unknown PHOTO_STORE or S3_FORCE_PATH_STYLE', () => {
    expect(() => photoStoreFromEnv({ PHOTO_STORE: 'nfs' }, tempDir())).toThrow(/PHOTO_STORE must be one of fs, s3.*"nfs"/);
    const env = { PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_FORCE_PATH_STYLE: 'yes' };
    expect(() => photoStoreFromEnv(env, tempDir())).toThrow(/S3_FORCE_PATH_STYLE must be 1 or 0/);
  });
});
