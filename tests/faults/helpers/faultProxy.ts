// A fault-injecting HTTP proxy on 127.0.0.1, between the sync engine and the endpoint. For each
// request a policy picks one fault; the proxy buffers whole requests and responses so a fault
// can land at an exact point: before the server sees a request, or after it has committed.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | 'pass'
  /** Forward, read the server's whole (committed) response, then cut the client without it. */
  | 'cutAfterResponse'
  /** Cut the client before anything reaches the server. */
  | 'resetBeforeForward'
  /** Forward the same request twice, one after the other; the client gets the second answer. */
  | 'duplicateSequential'
  /** Forward the same request twice at once; the client gets the first answer. */
  | 'duplicateConcurrent'
  /** Forward, then never answer: the client's own timeout must end the exchange. */
  | 'timeout'
  /** Answer 503 from the proxy; the server never sees the request. */
  | 'status503'
  /** A captive portal: 200 text/html for everything; the server never sees the request. */
  | 'portal';

export interface ProxiedRequest {
  /** 1-based count of requests the proxy has received. */
  n: number;
  method: string;
  path: string;
  body: Buffer;
}

export interface ProxyOptions {
  upstream: string;
  policy?: (request: ProxiedRequest) => Fault;
  latencyMs?: number;
  /** Called once the request has been handed to the server (before its answer). */
  onForwarded?: (request: ProxiedRequest) => void;
}

export interface FaultProxy {
  url: string;
  /** How often each fault was applied, by name. */
  counts: Record<Fault, number>;
  setPolicy(policy: (request: ProxiedRequest) => Fault): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

const readAll = (stream: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });

function forward(upstream: URL, req: IncomingMessage, body: Buffer, forwarded: () => void): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    delete headers.connection;
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
      (res) => readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject),
    );
    out.on('error', reject);
    out.end(body, forwarded);
  });
}

function answer(res: ServerResponse, { status, headers, body }: Upstream): void {
  const kept = Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name));
  res.writeHead(status, { ...Object.fromEntries(kept), 'content-length': String(body.length) });
  res.end(body);
}

export async function startFaultProxy(options: ProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  let policy = options.policy ?? (() => 'pass' as const);
  const counts: Record<Fault, number> = {
    pass: 0, cutAfterResponse: 0, resetBeforeForward: 0, duplicateSequential: 0,
    duplicateConcurrent: 0, timeout: 0, status503: 0, portal: 0,
  };
  const sockets = new Set<Socket>();
  let n = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const info: ProxiedRequest = { n: ++n, method: req.method ?? 'GET', path: req.url ?? '/', body };
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const fault = policy(info);
    counts[fault]++;
    const send = () => forward(upstream, req, body, () => options.onForwarded?.(info));
    switch (fault) {
      case 'portal':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome! Log in to use the Wi-Fi.</body></html>');
        return;
      case 'status503':
        res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      case 'resetBeforeForward':
        req.socket.destroy();
        return;
      case 'cutAfterResponse':
        await send();
        req.socket.destroy();
        return;
      case 'timeout':
        // The answer is dropped; the socket stays open until the client gives up and closes it.
        await send();
        return;
      case 'duplicateSequential':
        await send();
        answer(res, await send());
        return;
      case 'duplicateConcurrent': {
        const [first] = await Promise.all([send(), send()]);
        answer(res, first);
        return;
      }
      case 'pass':
        answer(res, await send());
        return;
    }
  }

  const server = createServer((req, res) => {
    // The server being down (refused, killed mid-answer) reaches the client as a cut connection.
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const address = await new Promise<AddressInfo>((resolve, reject) =>
    server.listen(0, '127.0.0.1', () => {
      const bound = server.address();
      if (bound === null || typeof bound === 'string') reject(new Error(`unexpected proxy address ${String(bound)}`));
      else resolve(bound);
    }),
  );
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    setPolicy: (next) => void (policy = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
