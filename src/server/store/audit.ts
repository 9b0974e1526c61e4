// The audit log: every action of the office (and a member signing out a device), with who did
// it from which device and when. Written in the same transaction as the action itself.
import type Database from 'better-sqlite3';
import { statement } from './statements';

type Db = Database.Database;

export interface Actor {
  memberId: string;
  deviceId: string;
}

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

export function recordAudit(db: Db, actor: Actor, action: string, target: string, details: Record<string, unknown>, now: Date): void {
  statement(db, 'INSERT INTO audit_log (at, actor_member_id, actor_device_id, action, target, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    now.toISOString(),
    actor.memberId,
    actor.deviceId,
    action,
    target,
    JSON.stringify(details),
  );
}

/** Newest first. */
export function listAudit(db: Db, limit = 200): AuditEntry[] {
  const rows = statement<[number], Omit<AuditEntry, 'details'> & { details: string }>(
    db,
    `SELECT seq, at, actor_member_id AS actorMemberId, actor_device_id AS actorDeviceId, action, target, details
     FROM audit_log ORDER BY seq DESC LIMIT ?`,
  ).all(limit);
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}
