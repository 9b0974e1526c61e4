// Enrollment: trade a code from the community office for this device's token. The one request
// the app makes before it has a session.
import { enrollResponseSchema } from '../../shared/protocol/sync';
import { errorBodySchema } from '../../shared/protocol/errors';
import type { PatrolDb } from '../db/db';
import { setMeta, type Session } from '../db/meta';

export type EnrollFailure = 'invalid' | 'rateLimited' | 'network';

export class EnrollError extends Error {
  constructor(readonly reason: EnrollFailure) {
    super(reason);
    this.name = 'EnrollError';
  }
}

export function describeDevice(userAgent: string): string {
  const model = /\(([^)]+)\)/.exec(userAgent)?.[1] ?? userAgent;
  return model.slice(0, 100);
}

export async function enroll(db: PatrolDb, code: string, baseUrl = location.origin): Promise<Session> {
  const deviceName = describeDevice(navigator.userAgent);
  let response: Response;
  try {
    response = await fetch(new URL('/api/v1/enroll', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim(), deviceName, appVersion: __APP_VERSION__ }),
      cache: 'no-store',
    });
  } catch {
    throw new EnrollError('network');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 429) throw new EnrollError('rateLimited');
  if (response.status === 401 || response.status === 400) {
    if (errorBodySchema.safeParse(body).success) throw new EnrollError('invalid');
  }
  const parsed = enrollResponseSchema.safeParse(body);
  if (!parsed.success) throw new EnrollError('network');
  const session: Session = {
    token: parsed.data.token,
    member: parsed.data.member,
    deviceName,
    enrolledAt: new Date().toISOString(),
  };
  await setMeta(db, 'session', session);
  return session;
}
