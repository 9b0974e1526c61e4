// HTTP without fetch's help: the path goes out byte for byte (fetch would resolve "/../"), and a
// body can be left unfinished to stand for a stalled client. Loopback only.
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Written and the request ended; with `stall`, written and the request left open. */
  body?: string;
  stall?: boolean;
}

// Bounds every wait: a server that never answers fails the test instead of hanging it.
const ANSWER_WITHIN_MS = 15_000;

export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: options.port,
      method: options.method ?? 'GET',
      path: options.path,
      headers: options.headers,
    });
    const guard = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${options.method ?? 'GET'} ${options.path} within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        clearTimeout(guard);
        if (options.stall) req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', (err) => {
      clearTimeout(guard);
      reject(err);
    });
    if (options.body !== undefined) req.write(options.body);
    if (!options.stall) req.end();
  });
}
