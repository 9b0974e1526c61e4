// Devices as the auth layer sees them: found by the hash of their bearer token, never by the
// token itself, and the hash confirmed in constant time. last_seen_at is written at most once a
// minute so reads stay reads.
import { roleSchema } from '../../shared/domain/schemas';
import type { Caller } from '../auth/caller';
import { sameHash } from '../auth/sameHash';
import { sha256Hex } from '../auth/secrets';
import type { Sql } from './sql/sql';

export interface DeviceAuth extends Caller {
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
  community_id: string | null;
  street_id: string;
  property_company_id: string | null;
}

const TOUCH_INTERVAL_MS = 60_000;

export async function findDeviceByToken(sql: Sql, token: string, now: Date): Promise<DeviceAuth | null> {
  const tokenHash = sha256Hex(token);
  const row = await sql.get<AuthRow>(
    `SELECT d.id, d.member_id, d.token_hash, d.last_seen_at, d.revoked_at, m.team_id, m.role, m.active,
            m.community_id, m.street_id, m.property_company_id
     FROM devices d JOIN members m ON m.id = d.member_id WHERE d.token_hash = ?`,
    [tokenHash],
  );
  if (!row || !sameHash(row.token_hash, tokenHash)) return null;
  if (row.revoked_at === null && now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS) {
    await sql.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [now.toISOString(), row.id]);
  }
  return {
    deviceId: row.id,
    memberId: row.member_id,
    teamId: row.team_id,
    role: roleSchema.parse(row.role),
    communityId: row.community_id,
    streetId: row.street_id,
    propertyCompanyId: row.property_company_id,
    revoked: row.revoked_at !== null,
    memberActive: row.active === 1,
  };
}

export async function revokeDevice(sql: Sql, deviceId: string, now: Date): Promise<void> {
  await sql.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now.toISOString(), deviceId]);
}

/** Whether a device belongs to a member of the community. */
export async function deviceInCommunity(sql: Sql, deviceId: string, communityId: string): Promise<boolean> {
  return (await sql.get('SELECT 1 FROM devices d JOIN members m ON m.id = d.member_id WHERE d.id = ? AND m.community_id = ?', [deviceId, communityId])) !== undefined;
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
/** A member's devices, or (for a community's office) every device of the community's members. */
export function listDevices(sql: Sql, of: { memberId: string } | { communityId: string }): Promise<DeviceListing[]> {
  const where = 'memberId' in of ? 'd.member_id = ?' : 'm.community_id = ?';
  return sql.all<DeviceListing>(
    `SELECT d.id, d.member_id AS "memberId", d.name, d.enrolled_at AS "enrolledAt", d.last_seen_at AS "lastSeenAt",
            d.revoked_at AS "revokedAt", d.app_version AS "appVersion"
       FROM devices d JOIN members m ON m.id = d.member_id
      WHERE ${where} ORDER BY d.enrolled_at, d.id`,
    ['memberId' in of ? of.memberId : of.communityId],
  );
}
