// The one door from the app to its endpoint. Every exchange (push, pull, photos, enrollment,
// config, admin) goes through request(), so what must hold for all of them is written once:
// a deadline joined with the caller's abort, the device's token, `cache: 'no-store'` (an answer
// must never come from the HTTP cache), and every failure turned into a typed SyncError.
// A 401 always means the token is unknown or revoked: `unauthorized`, which the sync panel turns
// into "Enroll again" (the data on the phone stays). A JSON answer is parsed against its protocol
// schema: a 200 that does not speak patrol-sync/1 is a protocol error, never a success.
import type * as z from 'zod/mini';
import { errorBodySchema } from '../../shared/protocol/errors';
import { SyncError } from './SyncError';

export interface EndpointConfig {
  baseUrl: string;
  /** The device's token; absent only for enrollment, the one request made before a session. */
  token?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type RequestBody =
  | { json: unknown }
  /** JSON serialized already (a caller can do that while the previous request is out). */
  | { jsonText: string }
  | { bytes: Blob | ArrayBuffer; type: string };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: RequestBody;
  signal?: AbortSignal;
  /** This request's deadline, when it differs from the config's (a photo is bigger than a push). */
  timeoutMs?: number;
}

/** A bytes answer: the body as it came, and its headers (content-type above all). */
export interface BytesAnswer {
  status: number;
  bytes: ArrayBuffer;
  contentType: string | null;
  headers: Headers;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function request<S extends z.ZodMiniType>(config: EndpointConfig, path: string, options: RequestOptions & { expect: S }): Promise<z.infer<S>>;
export function request(config: EndpointConfig, path: string, options: RequestOptions & { expect: 'bytes' }): Promise<BytesAnswer>;
export async function request(
  config: EndpointConfig,
  path: string,
  options: RequestOptions & { expect: z.ZodMiniType | 'bytes' },
): Promise<unknown> {
  const { signal } = options;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const joined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // Network failures and a cut body alike: the caller's abort is a normal outcome and passes
  // through as it is; anything else is "no answer".
  const noAnswer = (cause: unknown): never => {
    if (signal?.aborted) throw cause;
    throw new SyncError('network', null, cause instanceof Error ? cause.message : String(cause));
  };
  let response: Response;
  try {
    response = await (config.fetch ?? fetch)(new URL(path, config.baseUrl), {
      method: options.method ?? 'GET',
      headers: headersFor(config, options.body),
      body: bodyOf(options.body),
      signal: joined,
      cache: 'no-store',
    });
  } catch (cause) {
    return noAnswer(cause);
  }
  if (!response.ok) throw failureOf(response.status, await response.text().catch(() => ''));
  if (options.expect === 'bytes') {
    const bytes = await response.arrayBuffer().catch(noAnswer);
    return { status: response.status, bytes, contentType: response.headers.get('content-type'), headers: response.headers };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = options.expect.safeParse(body);
  if (!parsed.success) throw new SyncError('protocol', response.status, 'Response is not patrol-sync/1');
  return parsed.data;
}

function headersFor(config: EndpointConfig, body: RequestBody | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (config.token !== undefined) headers.authorization = `Bearer ${config.token}`;
  if (body) headers['content-type'] = 'type' in body ? body.type : 'application/json';
  return headers;
}

function bodyOf(body: RequestBody | undefined): BodyInit | undefined {
  if (!body) return undefined;
  if ('bytes' in body) return body.bytes;
  return 'jsonText' in body ? body.jsonText : JSON.stringify(body.json);
}

function failureOf(status: number, text: string): SyncError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    if (status === 401) return new SyncError('unauthorized', 401, 'unauthorized');
    // A non-JSON error page in front of the endpoint is the network's, not the endpoint's.
    return new SyncError('protocol', status, `HTTP ${status}`);
  }
  const { code, message } = parsed.data.error;
  // A code from a newer endpoint reads 'unknown'; its message is what is left to say which.
  const detail = code === 'unknown' ? message : code;
  if (status === 401) return new SyncError('unauthorized', 401, detail, code);
  if (code === 'quota_exceeded') return new SyncError('quota', status, detail, code);
  return new SyncError('server', status, detail, code);
}
