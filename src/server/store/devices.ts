// Devices as the auth layer sees them: found by the hash of their bearer token, never by the
// token itself, and the hash confirmed in constant time. last_seen_at is written at most once a
// minute so reads stay reads.
import type Database from 'better-sqlite3';
import { roleSchema, type Role } from '../../shared/domain/schemas';
import { statement } from './statements';
import { sameHash } from './sameHash';
import { sha256Hex } from './secrets';

type Db = Database.Database;

export interface DeviceAuth {
  deviceId: string;
  memberId: string;
  teamId: string | null;
  role: Role;
  revoked: boolean;
  memberActive: boolean;
}

interface AuthRow {
  id: string;
  member_id: string;
  token_hash: string;
  last_seen_at: string;
  revoked_at: string | null;
  team_id: string | null;
  role: string;
  active: number;
}

const TOUCH_INTERVAL_MS = 60_000;

export function findDeviceByToken(db: Db, token: string, now: Date): DeviceAuth | null {
  const tokenHash = sha256Hex(token);
  const row = statement<[string], AuthRow>(
    db,
    `SELECT d.id, d.member_id, d.token_hash, d.last_seen_at, d.revoked_at, m.team_id, m.role, m.active
     FROM devices d JOIN members m ON m.id = d.member_id WHERE d.token_hash = ?`,
  ).get(tokenHash);
  if (!row || !sameHash(row.token_hash, tokenHash)) return null;
  if (row.revoked_at === null && now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    statement(db, 'UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), row.id);
  }
  return {
    deviceId: row.id,
    memberId: row.member_id,
    teamId: row.team_id,
    role: roleSchema.parse(row.role),
    revoked: row.revoked_at !== null,
    memberActive: row.active === 1,
  };
}

export function revokeDevice(db: Db, deviceId: string, now: Date): void {
  db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), deviceId);
}

export interface DeviceListing {
  id: string;
  memberId: string;
  name: string;
  enrolledAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  appVersion: string;
}

/** For admins: every device, without anything derived from its token. */
export function listDevices(db: Db): DeviceListing[] {
  return db
    .prepare<[], DeviceListing>(
      `SELECT id, member_id AS memberId, name, enrolled_at AS enrolledAt, last_seen_at AS lastSeenAt,
              revoked_at AS revokedAt, app_version AS appVersion FROM devices ORDER BY enrolled_at, id`,
    )
    .all();
}
