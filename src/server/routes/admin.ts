// /api/v1/admin: routes for the community office only. Devices (without token material) and
// their revocation, and single-use enrollment codes for a member.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import * as z from 'zod/mini';
import { listDevices, revokeDevice } from '../store/devices';
import { createEnrollmentCode } from '../store/enrollment';
import { requireRole } from '../http/auth';
import { ApiError } from '../http/apiError';
import { readJson } from '../http/readJson';
import type { AuthedEnv } from '../http/env';

const codeRequestSchema = z.object({ memberId: z.string().check(z.minLength(1), z.maxLength(64)) });

export function adminRoutes(db: Database.Database, now: () => Date) {
  return new Hono<AuthedEnv>()
    .use(requireRole('admin'))
    .get('/devices', (c) => c.json({ devices: listDevices(db) }, 200))
    .post('/devices/:id/revoke', (c) => {
      const id = c.req.param('id');
      const exists = db.prepare('SELECT 1 FROM devices WHERE id = ?').get(id);
      if (!exists) throw new ApiError(404, 'not_found', `no device ${JSON.stringify(id)}`);
      revokeDevice(db, id, now());
      return c.json({ devices: listDevices(db) }, 200);
    })
    .post('/enrollment-codes', async (c) => {
      const { memberId } = await readJson(c, codeRequestSchema);
      const member = db.prepare('SELECT active FROM members WHERE id = ?').get(memberId) as { active: number } | undefined;
      if (!member || member.active !== 1) throw new ApiError(404, 'not_found', `no active member ${JSON.stringify(memberId)}`);
      return c.json(createEnrollmentCode(db, memberId, now()), 201);
    });
}
