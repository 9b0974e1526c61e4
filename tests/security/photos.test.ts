// Photo probes (issue 7's 7, 8, 9): type confusion, polyglots, hash mismatch and photo-id
// traversal, sent byte for byte. Each is refused with its code, nothing outside DATA_DIR/photos is
// ever read, and neither the database nor the photos directory changes.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { enroll } from '../server/helpers/api';
import { photoFixture, sha256Of } from '../fixtures/photos';
import { rawRequest } from './helpers/rawHttp';
import { OUTSIDE_MARKER, startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { snapshot, type DbSnapshot } from './helpers/snapshot';

let server: SecurityServer;
let token = '';
beforeAll(async () => {
  server = await startSecurityServer();
  token = (await enroll(server.url, 'DEMO-A-05')).token;
  // A file beside the photos directory that a traversal would reach.
  writeFileSync(join(server.dataDir, 'secret.txt'), OUTSIDE_MARKER);
});
afterAll(() => server.close());

const photoDirListing = () => (existsSync(join(server.dataDir, 'photos')) ? readdirSync(join(server.dataDir, 'photos')) : []);
let before: DbSnapshot;
let filesBefore: string[];
beforeEach(async () => {
  before = await snapshot(server.sql);
  filesBefore = photoDirListing();
});
afterEach(async () => {
  expect(await snapshot(server.sql), 'the database changed').toEqual(before);
  expect(photoDirListing(), 'the photos directory changed').toEqual(filesBefore);
});

function putRaw(path: string, body: Uint8Array<ArrayBuffer>, type: string) {
  return fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
}
const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

it.each([
  ['not-an-image.jpg', 'image/jpeg'],
  ['polyglot.jpg', 'image/jpeg'],
  ['truncated.jpg', 'image/jpeg'],
  ['polyglot.jpg', 'image/png'],
  ['not-an-image.jpg', 'image/webp'],
])('probe 7: %s claimed as %s is 415 not_an_image, and is never served', async (name, type) => {
  const bytes = photoFixture(name);
  const id = sha256Of(bytes);
  const response = await putRaw(`/api/v1/photos/${id}`, bytes, type);
  expect(response.status).toBe(415);
  expect(await codeOf(response)).toBe('not_an_image');
  const get = await fetch(`${server.url}/api/v1/photos/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(get.status).toBe(404);
  expect(await get.text()).not.toContain('<?php');
});

it('probe 7: a real JPEG sent as text/html is refused before anything is read into a file', async () => {
  const bytes = photoFixture('small-1200x900.jpg');
  const response = await putRaw(`/api/v1/photos/${sha256Of(bytes)}`, bytes, 'text/html');
  expect(response.status).toBe(415);
});

it('probe 8: a body that is not what the path names is 400 hash_mismatch', async () => {
  const bytes = photoFixture('small-1200x900.jpg');
  const response = await putRaw(`/api/v1/photos/${'0'.repeat(64)}`, bytes, 'image/jpeg');
  expect(response.status).toBe(400);
  expect(await codeOf(response)).toBe('hash_mismatch');
});

// The status each path gets: URL parsing resolves "/../" and "%2e%2e/" (a whole dot segment)
// before routing, so those land on another /api path (404); every other form reaches the photo
// route and stops at the id check (400).
it.each([
  ['/api/v1/photos/../secret.txt', 404],
  ['/api/v1/photos/%2e%2e/secret.txt', 404],
  ['/api/v1/photos/..%2fsecret.txt', 400],
  ['/api/v1/photos/%2e%2e%2fsecret.txt', 400],
  ['/api/v1/photos/..%5csecret.txt', 400],
  ['/api/v1/photos/%252e%252e%252fsecret.txt', 400],
  ['/api/v1/photos/..%2f..%2fpatrol.db', 400],
  [`/api/v1/photos/${'a'.repeat(63)}%00`, 400],
  [`/api/v1/photos/${'a'.repeat(64)}/..%2f..%2fsecret.txt`, 400],
  [`/api/v1/photos/${'a'.repeat(64)}%2f..%2f..%2fsecret.txt`, 400],
])('probe 9: GET %s never reads outside DATA_DIR/photos (%i)', async (path, status) => {
  const result = await rawRequest({ port: server.port, path, headers: { authorization: `Bearer ${token}` } });
  expect(result.body).not.toContain(OUTSIDE_MARKER);
  expect(result.body).not.toContain('SQLite format');
  expect(result.status).toBe(status);
});

it('probe 9: a PUT to a traversal path writes nothing anywhere', async () => {
  const bytes = photoFixture('small-1200x900.jpg');
  const result = await rawRequest({
    port: server.port,
    method: 'PUT',
    path: '/api/v1/photos/..%2f..%2fevil',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: Buffer.from(bytes).toString('latin1'),
  });
  expect(result.status).toBe(400);
  expect(existsSync(join(server.dataDir, 'evil'))).toBe(false);
});
