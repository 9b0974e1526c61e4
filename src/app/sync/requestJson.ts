// One HTTP exchange with the endpoint. Every response is parsed against the protocol schema:
// a 200 that does not speak patrol-sync/1 is a protocol error, never a success.
import type * as z from 'zod/mini';
import { errorBodySchema } from '../../shared/protocol/errors';
import { SyncError } from './SyncError';

export interface EndpointConfig {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function requestJson<S extends z.ZodMiniType>(
  config: EndpointConfig,
  path: string,
  schema: S,
  init: {
    method: 'GET' | 'POST' | 'PATCH';
    body?: unknown;
    /** The body already serialized (a caller can do that while the previous request is out). */
    json?: string;
    signal?: AbortSignal;
  },
): Promise<z.infer<S>> {
  const doFetch = config.fetch ?? fetch;
  const timeout = AbortSignal.timeout(config.timeoutMs ?? 30_000);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  const json = init.json ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  let response: Response;
  try {
    response = await doFetch(new URL(path, config.baseUrl), {
      method: init.method,
      headers: {
        authorization: `Bearer ${config.token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json,
      signal,
      cache: 'no-store',
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new SyncError('network', null, cause instanceof Error ? cause.message : String(cause));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const serverCode = parsed.success ? parsed.data.error.code : null;
    if (response.status === 401) {
      throw new SyncError('unauthorized', 401, serverCode ?? 'unauthorized', serverCode);
    }
    // A non-JSON error page in front of the endpoint is the network's, not the endpoint's.
    const code = parsed.success ? 'server' : 'protocol';
    throw new SyncError(code, response.status, serverCode ?? `HTTP ${response.status}`, serverCode);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new SyncError('protocol', response.status, 'Response is not patrol-sync/1');
  }
  return parsed.data;
}
