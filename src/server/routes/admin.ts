// /api/v1/admin: routes for the community office only. For now, the device list (no token
// material), which is also what proves the 403 path works.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { listDevices } from '../store/devices';
import { requireRole } from '../http/auth';
import type { AuthedEnv } from '../http/env';

export function adminRoutes(db: Database.Database) {
  return new Hono<AuthedEnv>().use(requireRole('admin')).get('/devices', (c) => c.json({ devices: listDevices(db) }, 200));
}
