// Behind the TLS proxy the README recommends, every phone reaches the endpoint from the proxy's
// address. With TRUST_PROXY set, failed enrollments count per real client (X-Forwarded-For), so
// one person's typos lock nobody else out; without it the header is ignored, so a guesser cannot
// spread guesses over made-up addresses. One code tried too often is refused from any address.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENROLL_MAX_FAILURES, ENROLL_MAX_FAILURES_PER_CODE } from '../../src/server/routes/enroll';
import { parseTrustProxy } from '../../src/server/http/clientAddress';
import { errorCode } from '../server/helpers/api';
import { startSecurityServer, type SecurityServer } from './helpers/securityServer';

let proxied: SecurityServer;
let direct: SecurityServer;
beforeAll(async () => {
  proxied = await startSecurityServer({ trustProxy: parseTrustProxy('127.0.0.1') });
  direct = await startSecurityServer();
});
afterAll(async () => {
  await proxied.close();
  await direct.close();
});

async function attempt(server: SecurityServer, code: string, forwardedFor?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const response = await fetch(`${server.url}/api/v1/enroll`, { method: 'POST', headers, body: JSON.stringify({ code, deviceName: 'phone' }) });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

it('with TRUST_PROXY, one client locked out by its typos does not lock out the next phone behind the proxy', async () => {
  for (let i = 0; i < ENROLL_MAX_FAILURES; i++) expect((await attempt(proxied, `TYPO-${i}`, '203.0.113.5')).status).toBe(401);
  expect((await attempt(proxied, 'DEMO-A-03', '203.0.113.5')).status).toBe(429);
  const other = await attempt(proxied, 'DEMO-A-03', '203.0.113.6');
  expect(other.status).toBe(201);
  // The audit names the real client, not the proxy.
  const bursts = await proxied.sql.all("SELECT target FROM audit_log WHERE action = 'enroll.burst'");
  expect(bursts).toEqual([{ target: '203.0.113.5' }]);
});

it('without TRUST_PROXY, a forged X-Forwarded-For does not give a guesser fresh buckets', async () => {
  for (let i = 0; i < ENROLL_MAX_FAILURES; i++) expect((await attempt(direct, `GUESS-${i}`, `198.51.100.${i}`)).status).toBe(401);
  const next = await attempt(direct, 'GUESS-X', '198.51.100.200');
  expect(next.status).toBe(429);
  expect(errorCode(next)).toBe('rate_limited');
});

it('one code tried wrongly from many addresses is refused after a few tries', async () => {
  for (let i = 0; i < ENROLL_MAX_FAILURES_PER_CODE; i++) expect((await attempt(proxied, 'SAME-CODE', `192.0.2.${i}`)).status).toBe(401);
  expect((await attempt(proxied, 'SAME-CODE', '192.0.2.99')).status).toBe(429);
});

it('an enrollment is audited: who, which device, from which kind of code, from where', async () => {
  const result = await attempt(proxied, 'DEMO-B-04', '203.0.113.77');
  expect(result.status).toBe(201);
  const member = (result.body as { member: { id: string } }).member.id;
  const row = (await proxied.sql.get<{ actor: string; device: string; target: string; details: string }>(
    "SELECT actor_member_id AS actor, actor_device_id AS device, target, details FROM audit_log WHERE action = 'device.enroll' ORDER BY seq DESC LIMIT 1",
  ))!;
  expect(row.actor).toBe(member);
  expect(row.target).toBe(row.device);
  const details = JSON.parse(row.details) as Record<string, unknown>;
  expect(details).toMatchObject({ deviceName: 'phone', code: { kind: 'demo', ref: expect.stringMatching(/^[0-9a-f]{12}$/) }, address: '203.0.113.77' });
  expect(JSON.stringify(details)).not.toContain('DEMO-B-04');
});
