// A deadline per API request. What it cuts short in practice is a body trickling in (a slow or
// stalled client holding a connection); SQLite work is synchronous and finishes in milliseconds.
// The answer is 503 JSON with Connection: close, since the rest of the body is never read.
import { createMiddleware } from 'hono/factory';
import { ApiError } from './apiError';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function requestTimeout(ms: number) {
  return createMiddleware(async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        c.header('Connection', 'close');
        // 'internal' until the shared protocol has a code of its own for this; 503 tells the
        // app to retry later, as for any outage.
        reject(new ApiError(503, 'internal', `the request took longer than ${ms / 1000} s; try again`));
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  });
}
