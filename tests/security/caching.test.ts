// Caching of API answers: nothing that carries a token or personal data may be kept by a
// browser cache, a shared proxy or a phone's disk cache; photos stay private (never shared).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enroll } from '../server/helpers/api';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';

let server: SecurityServer;
let lead = '';
let admin = '';
beforeAll(async () => {
  server = await startSecurityServer();
  lead = (await enroll(server.url, 'DEMO-A-LEAD')).token;
  admin = (await enroll(server.url, 'DEMO-ADMIN')).token;
});
afterAll(() => server.close());

const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

it('the enroll answer, which carries the token, is no-store', async () => {
  const response = await fetch(`${server.url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'DEMO-A-02', deviceName: 'probe' }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it.each([
  ['pull', '/api/v1/sync/pull?cursor=&limit=10', 'lead'],
  ['the weekly report as CSV', '/api/v1/reports/weekly?week=2026-W47&format=csv', 'lead'],
  ['the weekly report as JSON', '/api/v1/reports/weekly?week=2026-W47&format=json', 'lead'],
  ['the roster', '/api/v1/admin/members', 'admin'],
  ['the audit log', '/api/v1/admin/audit', 'admin'],
  ['own devices', '/api/v1/devices', 'lead'],
  ['community config', '/api/v1/config/community', 'lead'],
  ['an error', '/api/v1/admin/members', 'lead'],
])('%s is no-store', async (_name, path, who) => {
  const response = await get(path, who === 'admin' ? admin : lead);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it('a 401 is no-store too', async () => {
  const response = await get('/api/v1/sync/pull', 'wrong');
  expect(response.status).toBe(401);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

// A valid 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

it('a photo stays private (the phone may keep it, a shared cache never); a missing one is no-store', async () => {
  const id = createHash('sha256').update(PIXEL).digest('hex');
  const put = await fetch(`${server.url}/api/v1/photos/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${lead}`, 'content-type': 'image/png' },
    body: PIXEL,
  });
  expect(put.status).toBe(201);
  expect(put.headers.get('cache-control')).toBe('no-store');
  const photo = await get(`/api/v1/photos/${id}`, lead);
  expect(photo.status).toBe(200);
  expect(photo.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  const missing = await get(`/api/v1/photos/${'a'.repeat(64)}`, lead);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('cache-control')).toBe('no-store');
});
