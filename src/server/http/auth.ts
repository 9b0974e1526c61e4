// Bearer-token auth and role checks. The caller's identity comes only from the token's hash;
// nothing a request body says about its author is believed.
import { createMiddleware } from 'hono/factory';
import type { Store } from '../store/openStore';
import type { Role } from '../../shared/domain/schemas';
import { findDeviceByToken } from '../store/devices';
import { TOKEN_PATTERN } from '../auth/secrets';
import { ApiError } from './apiError';
import type { AuthedEnv } from './env';

export function requireDevice(store: Store, now: () => Date) {
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    const token = match?.[1];
    if (!token || !TOKEN_PATTERN.test(token)) {
      throw new ApiError(401, 'unauthorized', 'a bearer token is required');
    }
    const device = await findDeviceByToken(store.sql, token, now());
    if (!device) throw new ApiError(401, 'unauthorized', 'unknown token');
    if (device.revoked) throw new ApiError(401, 'token_revoked', 'this device has been revoked; enroll again');
    if (!device.memberActive) throw new ApiError(401, 'unauthorized', 'this member is no longer active');
    const { revoked: _revoked, memberActive: _active, ...caller } = device;
    c.set('caller', caller);
    await next();
  });
}

export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthedEnv>(async (c, next) => {
    const { role } = c.get('caller');
    if (!roles.includes(role)) throw new ApiError(403, 'forbidden', `role ${role} may not use this route`);
    await next();
  });
}
