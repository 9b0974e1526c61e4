// Enrollment codes and devices. A code is looked up by its SHA-256, so the raw code is never
// stored or compared; a device's bearer token likewise exists at rest only as its hash.
import { randomUUID } from 'node:crypto';
import { roleSchema, type Role } from '../../shared/domain/schemas';
import { recordAudit } from './audit';
import { newEnrollmentCode, newToken, normalizeCode, sha256Hex } from '../auth/secrets';
import type { Sql } from './sql/sql';

export const CODE_LIFETIME_MS = 72 * 60 * 60 * 1000;

/** A random, single-use code for a member, valid 72 hours. Returns the raw code once. */
export async function createEnrollmentCode(sql: Sql, memberId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + CODE_LIFETIME_MS).toISOString();
  await sql.run('INSERT INTO enrollment_codes (code_hash, member_id, created_at, expires_at, demo) VALUES (?, ?, ?, ?, 0)', [
    sha256Hex(code),
    memberId,
    now.toISOString(),
    expiresAt,
  ]);
  return { code, expiresAt };
}

/** A demo code: reusable and never expiring, honoured only while the server runs in demo mode. */
export async function createDemoEnrollmentCode(sql: Sql, code: string, memberId: string, now: Date): Promise<void> {
  await sql.run('INSERT INTO enrollment_codes (code_hash, member_id, created_at, demo) VALUES (?, ?, ?, 1) ON CONFLICT (code_hash) DO NOTHING', [
    sha256Hex(normalizeCode(code)),
    memberId,
    now.toISOString(),
  ]);
}

export interface Enrolled {
  token: string;
  deviceId: string;
  member: { id: string; name: string; teamId: string | null; role: Role };
  communityId: string | null;
  streetId: string;
  propertyCompanyId: string | null;
}

interface CodeRow {
  member_id: string;
  expires_at: string | null;
  used_at: string | null;
  demo: number;
  name: string;
  team_id: string | null;
  role: string;
  active: number;
  community_id: string | null;
  street_id: string;
  property_company_id: string | null;
}

/**
 * Redeems a code for a new device, or returns null when the code is unknown, used, expired,
 * a demo code outside demo mode, or its member inactive. Callers don't learn which: the
 * answer to a guesser is the same in every case.
 */
export async function redeemEnrollmentCode(
  sql: Sql,
  rawCode: string,
  deviceName: string,
  now: Date,
  demoMode: boolean,
  appVersion = '',
  address = '',
): Promise<Enrolled | null> {
  const codeHash = sha256Hex(normalizeCode(rawCode));
  return sql.transaction(async (tx): Promise<Enrolled | null> => {
    // FOR UPDATE on PostgreSQL: two processes redeeming one single-use code at once cannot both win.
    const row = await tx.get<CodeRow>(
      `SELECT c.member_id, c.expires_at, c.used_at, c.demo, m.name, m.team_id, m.role, m.active,
              m.community_id, m.street_id, m.property_company_id
       FROM enrollment_codes c JOIN members m ON m.id = c.member_id WHERE c.code_hash = ?${tx.dialect === 'postgres' ? ' FOR UPDATE OF c' : ''}`,
      [codeHash],
    );
    if (!row || row.active !== 1) return null;
    const reusable = row.demo === 1;
    if (reusable && !demoMode) return null;
    if (!reusable && (row.used_at !== null || row.expires_at === null || Date.parse(row.expires_at) <= now.getTime())) {
      return null;
    }
    const at = now.toISOString();
    if (!reusable) await tx.run('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?', [at, codeHash]);
    const token = newToken();
    const deviceId = randomUUID();
    await tx.run('INSERT INTO devices (id, member_id, name, token_hash, enrolled_at, last_seen_at, app_version) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      deviceId,
      row.member_id,
      deviceName,
      sha256Hex(token),
      at,
      at,
      appVersion,
    ]);
    // Which code: its kind and the start of its hash (enough to match the office's issued code,
    // not enough to recover a code), never the code itself.
    const code = { kind: reusable ? 'demo' : 'single-use', ref: codeHash.slice(0, 12) };
    await recordAudit(tx, { memberId: row.member_id, deviceId, communityId: row.community_id }, 'device.enroll', deviceId, { deviceName, appVersion, code, address }, now);
    return {
      token,
      deviceId,
      member: { id: row.member_id, name: row.name, teamId: row.team_id, role: roleSchema.parse(row.role) },
      communityId: row.community_id,
      streetId: row.street_id,
      propertyCompanyId: row.property_company_id,
    };
  });
}
