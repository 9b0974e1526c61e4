// Community admins created from the server's own console (`npm run admin -- create`): the way a
// real community starts without the public demo codes. The admin enrolls with a single-use code
// that expires like any other.
import { randomUUID } from 'node:crypto';
import { createEnrollmentCode } from './enrollment';
import { putMember, type MemberPlace } from './reference';
import { DEFAULT_COMMUNITY, DEFAULT_STREET } from './communities';
import { recordAudit, SYSTEM_ACTOR } from './audit';
import type { Sql } from './sql/sql';

export const hasAdmin = async (sql: Sql) => (await sql.get("SELECT 1 FROM members WHERE role = 'admin' AND active = 1 LIMIT 1")) !== undefined;

/** An admin of a community, or (communityId null) of the street: the street office. */
export function createAdmin(sql: Sql, name: string, now: Date, place: MemberPlace = { communityId: DEFAULT_COMMUNITY, streetId: DEFAULT_STREET }): Promise<{ memberId: string; code: string; expiresAt: string }> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new Error('an admin needs a name of 1 to 100 characters');
  return sql.transaction(async (tx) => {
    const memberId = `m-${randomUUID()}`;
    await putMember(tx, { id: memberId, name: trimmed, teamId: null, role: 'admin', propertyCompanyId: null, active: true }, place);
    const code = await createEnrollmentCode(tx, memberId, now);
    await recordAudit(tx, { ...SYSTEM_ACTOR, communityId: place.communityId }, 'member.add', memberId, { name: trimmed, role: 'admin', from: 'console' }, now);
    return { memberId, ...code };
  });
}
