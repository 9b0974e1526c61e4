// SIGTERM on the endpoint process: it stops accepting connections, finishes the push it is
// in the middle of (the batch is committed and acked), closes the database and exits 0.
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../src/shared/protocol/sync';
import { openStore } from '../../src/server/store/openStore';
import { countRows, enroll, hazardCreate } from './helpers/api';
import { serverProcess, type ServerProcess } from './helpers/serverProcess';

let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.signal('SIGKILL');
});

describe('shutdown', () => {
  it('SIGTERM lets the in-flight push finish, then exits 0', { timeout: 60_000 }, async () => {
    server = await serverProcess();
    await server.start();
    const { token } = await enroll(server.url, 'DEMO-A-02');
    const mutations = Array.from({ length: 100 }, () => hazardCreate());
    const body = Buffer.from(JSON.stringify({ mutations }));

    // Expect: 100-continue makes the server say it has the request before we send the body,
    // so the request is provably in flight when SIGTERM arrives.
    const url = new URL('/api/v1/sync/push', server.url);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));

    const exited = server.signal('SIGTERM');
    // New connections are refused while the push is still open (bounded poll, no sleep-and-hope).
    const deadline = Date.now() + 10_000;
    let refused = false;
    while (!refused && Date.now() < deadline) {
      refused = await fetch(`${server.url}/api/v1/health`).then(() => false, () => true);
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(refused).toBe(true);

    req.end(body);
    const response = await answered;
    expect(response.status).toBe(200);
    expect(pushResponseSchema.parse(JSON.parse(response.text)).acked).toHaveLength(100);
    const answeredAt = Date.now();
    expect(await exited).toBe(0);
    // The finished request's keep-alive connection must not hold the exit for Node's 5 s
    // keepAliveTimeout: it is closed as soon as it goes idle. (3 s leaves a wide margin.)
    expect(Date.now() - answeredAt).toBeLessThan(3_000);
    expect(server.output()).toContain('SIGTERM: finishing in-flight requests');

    const store = await openStore({ dataDir: server.dataDir, databaseUrl: server.databaseUrl });
    try {
      expect(await countRows(store.sql, 'hazards')).toBe(100);
    } finally {
      await store.close();
    }
  });
});
