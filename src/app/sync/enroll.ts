// Enrollment: trade a code from the community office for this device's token. The one request
// the app makes before it has a session.
import { enrollResponseSchema, type EnrollResponse } from '../../shared/protocol/sync';
import { request } from './request';
import { SyncError } from './SyncError';
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
  let parsed: EnrollResponse;
  try {
    parsed = await request({ baseUrl }, '/api/v1/enroll', {
      method: 'POST',
      body: { json: { code: code.trim(), deviceName, appVersion: __APP_VERSION__ } },
      expect: enrollResponseSchema,
    });
  } catch (error) {
    const status = error instanceof SyncError ? error.status : null;
    if (status === 429) throw new EnrollError('rateLimited');
    // A refused code is the endpoint's own error body; any other answer (or none) is the network's.
    if ((status === 401 || status === 400) && error instanceof SyncError && error.serverCode !== null) throw new EnrollError('invalid');
    throw new EnrollError('network');
  }
  const session: Session = {
    token: parsed.token,
    member: parsed.member,
    deviceName,
    enrolledAt: new Date().toISOString(),
    ...(parsed.place ? { place: parsed.place } : {}),
  };
  await setMeta(db, 'session', session);
  return session;
}
