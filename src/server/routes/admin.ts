// /api/v1/admin: the community office's routes. Roster (members, teams), devices and their
// revocation, single-use enrollment codes, and the audit log every one of these writes to.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { listDevices, revokeDevice } from '../store/devices';
import { createEnrollmentCode } from '../store/enrollment';
import { putMember, putTeam } from '../store/reference';
import { listAudit, recordAudit } from '../store/audit';
import { requireRole } from '../http/auth';
import { ApiError } from '../http/apiError';
import { readJson } from '../http/readJson';
import type { AuthedEnv } from '../http/env';
import { localizedNameSchema, roleSchema, type Member } from '../../shared/domain/schemas';
import { findMember, findTeam, listMembers, listTeams } from './roster';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const codeRequestSchema = z.object({ memberId: id });
const memberFields = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  teamId: z.nullable(id),
  role: roleSchema,
  propertyCompanyId: z.nullable(id),
  active: z.boolean(),
};
const newMemberSchema = z.object({ ...memberFields, active: z.optional(z.boolean()) });
const memberPatchSchema = z.partial(z.object(memberFields));
const teamSchema = z.object({ name: localizedNameSchema });

export function adminRoutes(db: Database.Database, now: () => Date) {
  const checkRefs = (m: Pick<Member, 'teamId' | 'propertyCompanyId'>) => {
    if (m.teamId !== null && !findTeam(db, m.teamId)) throw new ApiError(400, 'invalid_body', `unknown teamId ${JSON.stringify(m.teamId)}`);
    if (m.propertyCompanyId !== null && !db.prepare('SELECT 1 FROM property_companies WHERE id = ?').get(m.propertyCompanyId)) {
      throw new ApiError(400, 'invalid_body', `unknown propertyCompanyId ${JSON.stringify(m.propertyCompanyId)}`);
    }
  };
  return new Hono<AuthedEnv>()
    .use(requireRole('admin'))
    .get('/members', (c) => c.json({ members: listMembers(db) }, 200))
    .post('/members', async (c) => {
      const body = await readJson(c, newMemberSchema);
      const member: Member = { id: `m-${randomUUID()}`, ...body, active: body.active ?? true };
      checkRefs(member);
      db.transaction(() => {
        putMember(db, member);
        recordAudit(db, c.get('caller'), 'member.add', member.id, { name: member.name, teamId: member.teamId, role: member.role }, now());
      })();
      return c.json({ member }, 201);
    })
    .patch('/members/:id', async (c) => {
      const patch = await readJson(c, memberPatchSchema);
      const current = findMember(db, c.req.param('id'));
      if (!current) throw new ApiError(404, 'not_found', `no member ${JSON.stringify(c.req.param('id'))}`);
      const member: Member = { ...current, ...patch };
      checkRefs(member);
      // Deactivation takes effect at the member's next request: auth checks members.active.
      db.transaction(() => {
        putMember(db, member);
        recordAudit(db, c.get('caller'), member.active ? 'member.edit' : 'member.deactivate', member.id, patch, now());
      })();
      return c.json({ member }, 200);
    })
    .get('/teams', (c) => c.json({ teams: listTeams(db) }, 200))
    .post('/teams', async (c) => {
      const { name } = await readJson(c, teamSchema);
      const team = { id: `team-${randomUUID()}`, name };
      db.transaction(() => {
        putTeam(db, team);
        recordAudit(db, c.get('caller'), 'team.add', team.id, { name }, now());
      })();
      return c.json({ team }, 201);
    })
    .patch('/teams/:id', async (c) => {
      const { name } = await readJson(c, teamSchema);
      const team = findTeam(db, c.req.param('id'));
      if (!team) throw new ApiError(404, 'not_found', `no team ${JSON.stringify(c.req.param('id'))}`);
      db.transaction(() => {
        putTeam(db, { ...team, name });
        recordAudit(db, c.get('caller'), 'team.rename', team.id, { name }, now());
      })();
      return c.json({ team: { ...team, name } }, 200);
    })
    .get('/devices', (c) => c.json({ devices: listDevices(db) }, 200))
    .post('/devices/:id/revoke', (c) => {
      const deviceId = c.req.param('id');
      if (!db.prepare('SELECT 1 FROM devices WHERE id = ?').get(deviceId)) throw new ApiError(404, 'not_found', `no device ${JSON.stringify(deviceId)}`);
      db.transaction(() => {
        revokeDevice(db, deviceId, now());
        recordAudit(db, c.get('caller'), 'device.revoke', deviceId, {}, now());
      })();
      return c.json({ devices: listDevices(db) }, 200);
    })
    .post('/enrollment-codes', async (c) => {
      const { memberId } = await readJson(c, codeRequestSchema);
      const member = findMember(db, memberId);
      if (!member?.active) throw new ApiError(404, 'not_found', `no active member ${JSON.stringify(memberId)}`);
      const created = db.transaction(() => {
        const code = createEnrollmentCode(db, memberId, now());
        recordAudit(db, c.get('caller'), 'code.create', memberId, { expiresAt: code.expiresAt }, now());
        return code;
      })();
      return c.json(created, 201);
    })
    .get('/audit', (c) => c.json({ entries: listAudit(db) }, 200));
}
