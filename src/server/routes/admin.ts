// /api/v1/admin: the community office's routes. Roster (members, teams), devices and their
// revocation, single-use enrollment codes, and the audit log every one of these writes to.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import { randomUUID } from 'node:crypto';
import { deviceExists, listDevices, revokeDevice } from '../store/devices';
import { createEnrollmentCode } from '../store/enrollment';
import { putMember, putTeam } from '../store/reference';
import { listAudit, recordAudit } from '../store/audit';
import { requireRole } from '../http/auth';
import { ApiError } from '../http/apiError';
import { readJson } from '../http/readJson';
import type { AuthedEnv } from '../http/env';
import type { Member } from '../../shared/domain/schemas';
import { enrollmentCodeRequestSchema, memberCreateSchema, memberPatchSchema, teamBodySchema } from '../../shared/protocol/admin';
import { findMember, findTeam, listMembers, listTeams } from '../store/roster';
import { propertyCompanyExists } from '../store/hazards';

export function adminRoutes(store: Store, now: () => Date) {
  const { sql } = store;
  const checkRefs = async (m: Pick<Member, 'teamId' | 'propertyCompanyId'>) => {
    if (m.teamId !== null && !(await findTeam(sql, m.teamId))) throw new ApiError(400, 'invalid_body', `unknown teamId ${JSON.stringify(m.teamId)}`);
    if (m.propertyCompanyId !== null && !(await propertyCompanyExists(sql, m.propertyCompanyId))) {
      throw new ApiError(400, 'invalid_body', `unknown propertyCompanyId ${JSON.stringify(m.propertyCompanyId)}`);
    }
  };
  return new Hono<AuthedEnv>()
    .use(requireRole('admin'))
    .get('/members', async (c) => c.json({ members: await listMembers(sql) }, 200))
    .post('/members', async (c) => {
      const body = await readJson(c, memberCreateSchema);
      const member: Member = { id: `m-${randomUUID()}`, ...body, active: body.active ?? true };
      await checkRefs(member);
      await sql.transaction(async (tx) => {
        await putMember(tx, member);
        await recordAudit(tx, c.get('caller'), 'member.add', member.id, { name: member.name, teamId: member.teamId, role: member.role }, now());
      });
      return c.json({ member }, 201);
    })
    .patch('/members/:id', async (c) => {
      const patch = await readJson(c, memberPatchSchema);
      const current = await findMember(sql, c.req.param('id'));
      if (!current) throw new ApiError(404, 'not_found', `no member ${JSON.stringify(c.req.param('id'))}`);
      const member: Member = { ...current, ...patch };
      await checkRefs(member);
      // Deactivation takes effect at the member's next request: auth checks members.active.
      await sql.transaction(async (tx) => {
        await putMember(tx, member);
        await recordAudit(tx, c.get('caller'), member.active ? 'member.edit' : 'member.deactivate', member.id, patch, now());
      });
      return c.json({ member }, 200);
    })
    .get('/teams', async (c) => c.json({ teams: await listTeams(sql) }, 200))
    .post('/teams', async (c) => {
      const { name } = await readJson(c, teamBodySchema);
      const team = { id: `team-${randomUUID()}`, name };
      await sql.transaction(async (tx) => {
        await putTeam(tx, team);
        await recordAudit(tx, c.get('caller'), 'team.add', team.id, { name }, now());
      });
      return c.json({ team }, 201);
    })
    .patch('/teams/:id', async (c) => {
      const { name } = await readJson(c, teamBodySchema);
      const team = await findTeam(sql, c.req.param('id'));
      if (!team) throw new ApiError(404, 'not_found', `no team ${JSON.stringify(c.req.param('id'))}`);
      await sql.transaction(async (tx) => {
        await putTeam(tx, { ...team, name });
        await recordAudit(tx, c.get('caller'), 'team.rename', team.id, { name }, now());
      });
      return c.json({ team: { ...team, name } }, 200);
    })
    .get('/devices', async (c) => c.json({ devices: await listDevices(sql) }, 200))
    .post('/devices/:id/revoke', async (c) => {
      const deviceId = c.req.param('id');
      if (!(await deviceExists(sql, deviceId))) throw new ApiError(404, 'not_found', `no device ${JSON.stringify(deviceId)}`);
      await sql.transaction(async (tx) => {
        await revokeDevice(tx, deviceId, now());
        await recordAudit(tx, c.get('caller'), 'device.revoke', deviceId, {}, now());
      });
      return c.json({ devices: await listDevices(sql) }, 200);
    })
    .post('/enrollment-codes', async (c) => {
      const { memberId } = await readJson(c, enrollmentCodeRequestSchema);
      const member = await findMember(sql, memberId);
      if (!member?.active) throw new ApiError(404, 'not_found', `no active member ${JSON.stringify(memberId)}`);
      const created = await sql.transaction(async (tx) => {
        const code = await createEnrollmentCode(tx, memberId, now());
        await recordAudit(tx, c.get('caller'), 'code.create', memberId, { expiresAt: code.expiresAt }, now());
        return code;
      });
      return c.json(created, 201);
    })
    .get('/audit', async (c) => c.json({ entries: await listAudit(sql) }, 200));
}
