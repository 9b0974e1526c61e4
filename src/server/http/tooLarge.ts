// The 413 answer. The client may still be sending: the rest of the body is read and dropped
// (up to a bound) before answering, or the client can see a reset instead of the 413, and the
// connection is closed so no leftover bytes are taken for the next request.
import type { Context } from 'hono';
import { errorJson } from './apiError';

const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body || body.locked) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= DRAIN_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; there is nobody left to answer.
  }
}

export async function payloadTooLarge(c: Context, maxBytes: number): Promise<Response> {
  await drain(c.req.raw.body);
  c.header('Connection', 'close');
  return errorJson(c, 413, 'payload_too_large', `request bodies are limited to ${maxBytes} bytes`);
}
