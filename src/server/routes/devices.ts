// /api/v1/devices: a member's own devices, and signing one out (a lost second phone, say).
// Only one's own; the office revokes any device through /admin.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { listDevices, revokeDevice } from '../store/devices';
import { recordAudit } from '../store/audit';
import { ApiError } from '../http/apiError';
import type { AuthedEnv } from '../http/env';

export function deviceRoutes(db: Database.Database, now: () => Date) {
  const mine = (memberId: string, current: string) =>
    listDevices(db)
      .filter((d) => d.memberId === memberId)
      .map((d) => ({ ...d, current: d.id === current }));
  return new Hono<AuthedEnv>()
    .get('/', (c) => {
      const caller = c.get('caller');
      return c.json({ devices: mine(caller.memberId, caller.deviceId) }, 200);
    })
    .post('/:id/sign-out', (c) => {
      const caller = c.get('caller');
      const target = mine(caller.memberId, caller.deviceId).find((d) => d.id === c.req.param('id'));
      // Another member's device answers exactly like a missing one: no probing of ids.
      if (!target) throw new ApiError(404, 'not_found', 'no such device of yours');
      db.transaction(() => {
        revokeDevice(db, target.id, now());
        recordAudit(db, caller, 'device.signOut', target.id, {}, now());
      })();
      return c.json({ devices: mine(caller.memberId, caller.deviceId) }, 200);
    });
}
