// The audit log: every action of the office (and a member signing out a device), with who did
// it from which device and when. Written in the same transaction as the action itself.
import type { Caller } from '../auth/caller';
import type { Sql } from './sql/sql';

/** Who acted, as the audit log names them: the caller's member and device, and the community the entry belongs to. */
export type Actor = Pick<Caller, 'memberId' | 'deviceId'> & { communityId?: string | null };

/** The endpoint itself, for what no person did (a burst of failed enrollments). */
export const SYSTEM_ACTOR: Actor = { memberId: '', deviceId: '' };

export interface AuditEntry {
  seq: number;
  at: string;
  actorMemberId: string;
  actorDeviceId: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export async function recordAudit(sql: Sql, actor: Actor, action: string, target: string, details: Record<string, unknown>, now: Date): Promise<void> {
  await sql.run('INSERT INTO audit_log (at, actor_member_id, actor_device_id, action, target, details, community_id) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    now.toISOString(),
    actor.memberId,
    actor.deviceId,
    action,
    target,
    JSON.stringify(details),
    actor.communityId ?? null,
  ]);
}

/** A community's entries, newest first. */
export async function listAudit(sql: Sql, communityId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await sql.all<Omit<AuditEntry, 'details'> & { details: string }>(
    `SELECT seq, at, actor_member_id AS "actorMemberId", actor_device_id AS "actorDeviceId", action, target, details
     FROM audit_log WHERE community_id = ? ORDER BY seq DESC LIMIT ?`,
    [communityId, limit],
  );
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
