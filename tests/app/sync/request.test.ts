// The one network door: what every endpoint exchange gets from request(), with fetch stubbed.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { request, type EndpointConfig } from '../../../src/app/sync/request';
import { SyncError } from '../../../src/app/sync/SyncError';

const okSchema = z.object({ ok: z.literal(true) });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stub(answer: (url: URL, init: RequestInit) => Response | Promise<Response>, extra: Partial<EndpointConfig> = {}) {
  const seen: { url: URL; init: RequestInit }[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    seen.push({ url, init });
    return answer(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't0k', fetch, ...extra }, seen };
}

describe('request', () => {
  it('sends the token, JSON and no-store, and returns the parsed answer', async () => {
    const { config, seen } = stub(() => json({ ok: true, extra: 1 }));
    expect(await request(config, '/api/v1/x', { method: 'POST', body: { json: { a: 1 } }, expect: okSchema })).toEqual({ ok: true });
    const [{ url, init }] = seen as [{ url: URL; init: RequestInit }];
    expect(url.href).toBe('http://127.0.0.1:1/api/v1/x');
    expect(init).toMatchObject({ method: 'POST', cache: 'no-store', body: '{"a":1}' });
    expect(init.headers).toEqual({ authorization: 'Bearer t0k', 'content-type': 'application/json' });
  });

  it('sends raw bytes with their type and no token when there is none', async () => {
    const { config, seen } = stub(() => json({ ok: true }), { token: undefined });
    const bytes = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    await request(config, '/p', { method: 'PUT', body: { bytes, type: 'image/png' }, expect: okSchema });
    expect(seen[0]!.init.body).toBe(bytes);
    expect(seen[0]!.init.headers).toEqual({ 'content-type': 'image/png' });
  });

  it('returns bytes with their content type', async () => {
    const { config } = stub(() => new Response(new Uint8Array([9, 8]), { headers: { 'content-type': 'image/webp' } }));
    const answer = await request(config, '/p', { expect: 'bytes' });
    expect([...new Uint8Array(answer.bytes)]).toEqual([9, 8]);
    expect(answer.contentType).toBe('image/webp');
  });

  it('maps every failure to a typed SyncError', async () => {
    const cases: [Response | Error, Partial<SyncError>][] = [
      [json({ error: { code: 'token_revoked', message: 'no' } }, 401), { code: 'unauthorized', status: 401, serverCode: 'token_revoked' }],
      [new Response('<html>login</html>', { status: 401 }), { code: 'unauthorized', status: 401, serverCode: null }],
      [json({ error: { code: 'internal', message: 'internal error' } }, 500), { code: 'server', status: 500, serverCode: 'internal', message: 'internal' }],
      [json({ error: { code: 'quota_exceeded', message: 'tomorrow' } }, 429), { code: 'quota', status: 429, serverCode: 'quota_exceeded' }],
      // A newer endpoint's code: still the endpoint's error, read 'unknown', its message kept.
      [json({ error: { code: 'busy', message: 'later' } }, 503), { code: 'server', status: 503, serverCode: 'unknown', message: 'later' }],
      [json({ error: { code: 'device_retired', message: 'enroll again' } }, 401), { code: 'unauthorized', status: 401, serverCode: 'unknown' }],
      [new Response('<html>bad gateway</html>', { status: 502 }), { code: 'protocol', status: 502, message: 'HTTP 502' }],
      [new Response('<html>captive portal</html>', { status: 200 }), { code: 'protocol', status: 200 }],
      [json({ ok: 'yes' }), { code: 'protocol' }],
      [new TypeError('Failed to fetch'), { code: 'network', status: null, message: 'Failed to fetch' }],
    ];
    for (const [answer, expected] of cases) {
      const { config } = stub(() => {
        if (answer instanceof Error) throw answer;
        return answer;
      });
      const error = await request(config, '/x', { expect: okSchema }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect(error).toMatchObject(expected);
    }
  });

  it('turns its own deadline into a network error', async () => {
    const hang = (_url: URL, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    const { config } = stub(hang, { timeoutMs: 20 });
    await expect(request(config, '/x', { expect: okSchema })).rejects.toMatchObject({ code: 'network' });
  });

  it('lets the caller\'s abort through as it is', async () => {
    const hang = (_url: URL, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    const { config } = stub(hang);
    const abort = new AbortController();
    const pending = request(config, '/x', { expect: okSchema, signal: abort.signal });
    abort.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SyncError);
    expect((error as Error).name).toBe('AbortError');
  });
});
