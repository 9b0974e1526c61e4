// /api/v1/devices: a member's own devices, and signing one out (a lost second phone, say).
// Only one's own; the office revokes any device through /admin.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import { listDevices, revokeDevice } from '../store/devices';
import { recordAudit } from '../store/audit';
import { ApiError } from '../http/apiError';
import type { AuthedEnv } from '../http/env';

export function deviceRoutes(store: Store, now: () => Date) {
  const { sql } = store;
  const mine = async (memberId: string, current: string) => (await listDevices(sql, { memberId })).map((d) => ({ ...d, current: d.id === current }));
  return new Hono<AuthedEnv>()
    .get('/', async (c) => {
      const caller = c.get('caller');
      return c.json({ devices: await mine(caller.memberId, caller.deviceId) }, 200);
    })
    .post('/:id/sign-out', async (c) => {
      const caller = c.get('caller');
      const target = (await mine(caller.memberId, caller.deviceId)).find((d) => d.id === c.req.param('id'));
      // Another member's device answers exactly like a missing one: no probing of ids.
      if (!target) throw new ApiError(404, 'not_found', 'no such device of yours');
      await sql.transaction(async (tx) => {
        await revokeDevice(tx, target.id, now());
        await recordAudit(tx, caller, 'device.signOut', target.id, {}, now());
      });
      return c.json({ devices: await mine(caller.memberId, caller.deviceId) }, 200);
    });
}
