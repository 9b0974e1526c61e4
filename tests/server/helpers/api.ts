// Small fetch wrappers for the endpoint: enroll a demo member, call a route with a token, and
// build hazard mutations.
import { expect } from 'vitest';
import type { Sql } from '../../../src/server/store/sql/sql';
import type { HazardDraft } from '../../../src/shared/domain/schemas';
import type { EnrollResponse, HazardCreateMutation } from '../../../src/shared/protocol/sync';
import { enrollResponseSchema } from '../../../src/shared/protocol/sync';
import { draftWith } from '../../fixtures/hazards';

export interface ApiResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (static files, 503 text): keep the text.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export async function enroll(url: string, code: string, deviceName = 'test phone'): Promise<EnrollResponse> {
  const result = await call(url, '/api/v1/enroll', { body: { code, deviceName } });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return enrollResponseSchema.parse(result.body);
}

export function hazardCreate(patch: Partial<HazardDraft> = {}): HazardCreateMutation {
  return { id: crypto.randomUUID(), at: new Date().toISOString(), type: 'hazard.create', data: draftWith(patch) };
}

export function push(url: string, token: string, mutations: unknown[]): Promise<ApiResult> {
  return call(url, '/api/v1/sync/push', { token, body: { mutations } });
}

export function errorCode(result: ApiResult): unknown {
  const body = result.body;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export async function countRows(sql: Pick<Sql, 'get'>, table: string): Promise<number> {
  const row = await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n ?? NaN);
}
