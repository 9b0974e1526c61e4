// Failed enrollments are limited per address: the 11th failure within a minute is refused,
// and so is a right code, until the window passes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENROLL_MAX_FAILURES, ENROLL_WINDOW_MS } from '../../src/server/routes/enroll';
import { call, errorCode } from './helpers/api';
import { startTestServer, type TestServer } from './helpers/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const attempt = (code: string) => call(server.url, '/api/v1/enroll', { body: { code, deviceName: 'guesser' } });

it('returns 429 after 10 failed attempts a minute, even for a right code, until the window passes', async () => {
  expect(ENROLL_MAX_FAILURES).toBe(10);
  for (let i = 0; i < 10; i++) {
    const result = await attempt(`WRONG-${i}`);
    expect(result.status, `attempt ${i + 1}`).toBe(401);
  }
  const eleventh = await attempt('WRONG-11');
  expect(eleventh.status).toBe(429);
  expect(errorCode(eleventh)).toBe('rate_limited');
  expect((await attempt('DEMO-A-01')).status).toBe(429);

  server.clock.advance(ENROLL_WINDOW_MS + 1);
  expect((await attempt('DEMO-A-01')).status).toBe(201);
});
