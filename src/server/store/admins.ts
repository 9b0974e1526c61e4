// Community admins created from the server's own console (`npm run admin -- create`): the way a
// real community starts without the public demo codes. The admin enrolls with a single-use code
// that expires like any other.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createEnrollmentCode } from './enrollment';
import { putMember } from './reference';
import { recordAudit, SYSTEM_ACTOR } from './audit';

type Db = Database.Database;

export const hasAdmin = (db: Db) => db.prepare("SELECT 1 FROM members WHERE role = 'admin' AND active = 1 LIMIT 1").get() !== undefined;

export function createAdmin(db: Db, name: string, now: Date): { memberId: string; code: string; expiresAt: string } {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new Error('an admin needs a name of 1 to 100 characters');
  return db.transaction(() => {
    const memberId = `m-${randomUUID()}`;
    putMember(db, { id: memberId, name: trimmed, teamId: null, role: 'admin', propertyCompanyId: null, active: true });
    const code = createEnrollmentCode(db, memberId, now);
    recordAudit(db, SYSTEM_ACTOR, 'member.add', memberId, { name: trimmed, role: 'admin', from: 'console' }, now);
    return { memberId, ...code };
  })();
}
