// Probe 5: guessing enrollment codes. Ten wrong codes from one address are each refused with
// enroll_invalid; then the address gets 429 — for a wrong code and for a right one alike — and
// no device is created at any point. The only writes are one audit line for the burst and the
// failures themselves (kept in the database so every endpoint process counts them), keyed by the
// address and by the code's hash, never by the code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENROLL_MAX_FAILURES, ENROLL_WINDOW_MS } from '../../src/server/routes/enroll';
import { call, errorCode } from '../server/helpers/api';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';
import { snapshot } from './helpers/snapshot';

let server: SecurityServer;
beforeAll(async () => {
  server = await startSecurityServer();
});
afterAll(() => server.close());

const attempt = (code: string) => call(server.url, '/api/v1/enroll', { body: { code, deviceName: 'guesser' } });

it('probe 5: 10 wrong enrollment codes → 401 each, then 429 even for the right code, nothing written', async () => {
  expect(ENROLL_MAX_FAILURES).toBe(10);
  const before = await snapshot(server.sql);
  for (let i = 1; i <= ENROLL_MAX_FAILURES; i++) {
    const result = await attempt(`WRONG-CODE-${i}`);
    expect(result.status, `attempt ${i}`).toBe(401);
    expect(errorCode(result)).toBe('enroll_invalid');
  }
  for (const code of ['WRONG-CODE-11', 'DEMO-A-01']) {
    const result = await attempt(code);
    expect(result.status, code).toBe(429);
    expect(result.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(result.headers.get('retry-after')).toBe(String(ENROLL_WINDOW_MS / 1000));
  }
  const after = await snapshot(server.sql);
  expect({ ...after, audit_log: before.audit_log, enroll_failures: before.enroll_failures }).toEqual(before);
  const failures = await server.sql.all<{ key: string }>('SELECT key FROM enroll_failures ORDER BY key');
  expect(failures.filter((f) => f.key === 'address:127.0.0.1')).toHaveLength(ENROLL_MAX_FAILURES);
  const byCode = failures.filter((f) => f.key.startsWith('code:'));
  expect(byCode).toHaveLength(ENROLL_MAX_FAILURES);
  for (const f of byCode) expect(f.key).toMatch(/^code:[0-9a-f]{64}$/);
  expect(await server.sql.all('SELECT action, target FROM audit_log')).toEqual([{ action: 'enroll.burst', target: '127.0.0.1' }]);

  // The limit is a window, not a ban: once the failures age out the right code works.
  server.clock.advance(ENROLL_WINDOW_MS);
  expect((await attempt('DEMO-A-01')).status).toBe(201);
});
