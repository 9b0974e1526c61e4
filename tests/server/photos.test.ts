// PUT/GET /api/v1/photos/<sha256> on a real server and a real DATA_DIR: idempotent upload,
// hash_mismatch, 413, 415 for every bad fixture, the token rule, and what a GET serves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoFixture, sha256Of } from '../fixtures/photos';
import { enroll, errorCode } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

const fixture = photoFixture;
const sha = sha256Of;

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await enroll(server.url, 'DEMO-A-02')).token;
});
afterAll(() => server.close());

function put(id: string, body: Uint8Array<ArrayBuffer>, type = 'image/jpeg', auth: string | null = token) {
  const headers: Record<string, string> = { 'content-type': type };
  if (auth) headers.authorization = `Bearer ${auth}`;
  return fetch(`${server.url}/api/v1/photos/${id}`, { method: 'PUT', headers, body });
}

const photoFiles = () => readdirSync(join(server.dataDir, 'photos'));
const photoRows = async () => (await server.sql.get<{ n: number }>('SELECT count(*) AS n FROM photos'))!.n;

describe('PUT /api/v1/photos/<sha256>', () => {
  it('stores the bytes under their hash once; a repeat answers 200 and writes nothing', async () => {
    const bytes = fixture('small-1200x900.jpg');
    const id = sha(bytes);
    const first = await put(id, bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id, bytes: bytes.length, width: 1200, height: 900 });
    const file = join(server.dataDir, 'photos', id);
    expect(sha(new Uint8Array(readFileSync(file)))).toBe(id);
    const row = await server.sql.get('SELECT mime, bytes, width, height FROM photos WHERE id = ?', [id]);
    expect(row).toEqual({ mime: 'image/jpeg', bytes: bytes.length, width: 1200, height: 900 });

    const rows = await photoRows();
    const files = photoFiles();
    const again = await put(id, bytes);
    expect(again.status).toBe(200);
    expect(await photoRows()).toBe(rows);
    expect(photoFiles()).toEqual(files);
  });

  it('accepts a PNG larger than the 1 MB JSON limit', async () => {
    const bytes = fixture('screenshot-1280x960.png');
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const response = await put(sha(bytes), bytes, 'image/png');
    expect(response.status).toBe(201);
  });

  it('answers 400 hash_mismatch when the body is not what the path names, and stores nothing', async () => {
    const bytes = fixture('small-1200x900.jpg');
    const wrong = sha(new Uint8Array([1, 2, 3]));
    const response = await put(wrong, bytes);
    expect(response.status).toBe(400);
    expect(errorCode({ status: 400, body: await response.json(), headers: response.headers })).toBe('hash_mismatch');
    expect(existsSync(join(server.dataDir, 'photos', wrong))).toBe(false);
  });

  it('answers 413 payload_too_large past 5 MB, and stores nothing', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(fixture('small-1200x900.jpg'));
    const id = sha(big);
    const response = await put(id, big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(existsSync(join(server.dataDir, 'photos', id))).toBe(false);
  });

  it('answers 413 for a chunked body that grows past 5 MB (no Content-Length to trust)', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(7);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 7) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${server.url}/api/v1/photos/${'a'.repeat(64)}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(photoFiles().some((name) => name.startsWith('.tmp-'))).toBe(false);
  });

  it('keeps nothing of an upload cut halfway; the whole retry is then stored as new', async () => {
    const bytes = fixture('phone-27mp.jpg');
    const id = sha(bytes);
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: `/api/v1/photos/${id}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'content-length': String(bytes.length) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(bytes.subarray(0, bytes.length >> 1), () => req.destroy());
    });
    const retry = await put(id, bytes);
    expect(retry.status).toBe(201);
    expect(photoFiles().filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(sha(new Uint8Array(readFileSync(join(server.dataDir, 'photos', id))))).toBe(id);
  });

  it.each(['not-an-image.jpg', 'polyglot.jpg', 'truncated.jpg'])('answers 415 not_an_image for %s and stores nothing', async (name) => {
    const bytes = fixture(name);
    const id = sha(bytes);
    const rows = await photoRows();
    const response = await put(id, bytes);
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_an_image');
    expect(existsSync(join(server.dataDir, 'photos', id))).toBe(false);
    expect(await photoRows()).toBe(rows);
  });

  it('answers 415 when the bytes are a real image of another type than claimed', async () => {
    const bytes = fixture('small-1200x900.jpg');
    const response = await put(sha(bytes), bytes, 'image/png');
    expect(response.status).toBe(415);
  });

  it('refuses an upload without a token', async () => {
    const bytes = fixture('small-1200x900.jpg');
    const response = await put(sha(bytes), bytes, 'image/jpeg', null);
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/photos/<sha256>', () => {
  it('serves the stored bytes with their type, nosniff and an immutable cache', async () => {
    const bytes = fixture('small-1200x900.jpg');
    const id = sha(bytes);
    await put(id, bytes);
    const response = await fetch(`${server.url}/api/v1/photos/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(sha(new Uint8Array(await response.arrayBuffer()))).toBe(id);
  });

  it('needs a token', async () => {
    const id = sha(fixture('small-1200x900.jpg'));
    const response = await fetch(`${server.url}/api/v1/photos/${id}`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('JFIF');
  });

  it('answers 404 for a well-formed id it does not have, 400 for anything else', async () => {
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/v1/photos/${'b'.repeat(64)}`, { headers })).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/photos/${'B'.repeat(64)}`, { headers })).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/photos/abc`, { headers })).status).toBe(400);
  });
});
