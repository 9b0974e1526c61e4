// /api/v1/admin: a community office's routes. Roster (members, teams), devices and their
// revocation, single-use enrollment codes, and the audit log every one of these writes to. Every
// route reads and writes the caller's own community only: another community's member, team or
// device answers exactly like a missing one. The street office has its own routes (routes/street.ts).
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Store } from '../store/openStore';
import { randomUUID } from 'node:crypto';
import { deviceInCommunity, listDevices, revokeDevice } from '../store/devices';
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
import { propertyCompanyOfStreet } from '../store/hazards';

/** The community the caller is the office of. */
const communityOf = (c: { get(key: 'caller'): AuthedEnv['Variables']['caller'] }): string => c.get('caller').communityId!;

// An admin of the street (no community) has no community roster to run here.
const requireCommunity = createMiddleware<AuthedEnv>(async (c, next) => {
  if (c.get('caller').communityId === null) throw new ApiError(403, 'forbidden', 'the street office manages communities through /api/v1/street');
  await next();
});

export function adminRoutes(store: Store, now: () => Date) {
  const { sql } = store;
  const checkRefs = async (m: Pick<Member, 'teamId' | 'propertyCompanyId'>, communityId: string, streetId: string) => {
    if (m.teamId !== null && !(await findTeam(sql, m.teamId, communityId))) throw new ApiError(400, 'invalid_body', `unknown teamId ${JSON.stringify(m.teamId)}`);
    if (m.propertyCompanyId !== null && !(await propertyCompanyOfStreet(sql, m.propertyCompanyId, streetId))) {
      throw new ApiError(400, 'invalid_body', `unknown propertyCompanyId ${JSON.stringify(m.propertyCompanyId)}`);
    }
  };
  return new Hono<AuthedEnv>()
    .use(requireRole('admin'), requireCommunity)
    .get('/members', async (c) => c.json({ members: await listMembers(sql, communityOf(c)) }, 200))
    .post('/members', async (c) => {
      const body = await readJson(c, memberCreateSchema);
      const caller = c.get('caller');
      const member: Member = { id: `m-${randomUUID()}`, ...body, active: body.active ?? true };
      await checkRefs(member, communityOf(c), caller.streetId);
      await sql.transaction(async (tx) => {
        await putMember(tx, member, { communityId: communityOf(c), streetId: caller.streetId });
        await recordAudit(tx, caller, 'member.add', member.id, { name: member.name, teamId: member.teamId, role: member.role }, now());
      });
      return c.json({ member }, 201);
    })
    .patch('/members/:id', async (c) => {
      const patch = await readJson(c, memberPatchSchema);
      const caller = c.get('caller');
      const current = await findMember(sql, c.req.param('id'), communityOf(c));
      if (!current) throw new ApiError(404, 'not_found', `no member ${JSON.stringify(c.req.param('id'))}`);
      const member: Member = { ...current, ...patch };
      await checkRefs(member, communityOf(c), caller.streetId);
      // Deactivation takes effect at the member's next request: auth checks members.active.
      await sql.transaction(async (tx) => {
        await putMember(tx, member, { communityId: communityOf(c), streetId: caller.streetId });
        await recordAudit(tx, caller, member.active ? 'member.edit' : 'member.deactivate', member.id, patch, now());
      });
      return c.json({ member }, 200);
    })
    .get('/teams', async (c) => c.json({ teams: await listTeams(sql, communityOf(c)) }, 200))
    .post('/teams', async (c) => {
      const { name } = await readJson(c, teamBodySchema);
      const team = { id: `team-${randomUUID()}`, name };
      await sql.transaction(async (tx) => {
        await putTeam(tx, team, communityOf(c));
        await recordAudit(tx, c.get('caller'), 'team.add', team.id, { name }, now());
      });
      return c.json({ team }, 201);
    })
    .patch('/teams/:id', async (c) => {
      const { name } = await readJson(c, teamBodySchema);
      const team = await findTeam(sql, c.req.param('id'), communityOf(c));
      if (!team) throw new ApiError(404, 'not_found', `no team ${JSON.stringify(c.req.param('id'))}`);
      await sql.transaction(async (tx) => {
        await putTeam(tx, { ...team, name }, communityOf(c));
        await recordAudit(tx, c.get('caller'), 'team.rename', team.id, { name }, now());
      });
      return c.json({ team: { ...team, name } }, 200);
    })
    .get('/devices', async (c) => c.json({ devices: await listDevices(sql, { communityId: communityOf(c) }) }, 200))
    .post('/devices/:id/revoke', async (c) => {
      const deviceId = c.req.param('id');
      if (!(await deviceInCommunity(sql, deviceId, communityOf(c)))) throw new ApiError(404, 'not_found', `no device ${JSON.stringify(deviceId)}`);
      await sql.transaction(async (tx) => {
        await revokeDevice(tx, deviceId, now());
        await recordAudit(tx, c.get('caller'), 'device.revoke', deviceId, {}, now());
      });
      return c.json({ devices: await listDevices(sql, { communityId: communityOf(c) }) }, 200);
    })
    .post('/enrollment-codes', async (c) => {
      const { memberId } = await readJson(c, enrollmentCodeRequestSchema);
      const member = await findMember(sql, memberId, communityOf(c));
      if (!member?.active) throw new ApiError(404, 'not_found', `no active member ${JSON.stringify(memberId)}`);
      const created = await sql.transaction(async (tx) => {
        const code = await createEnrollmentCode(tx, memberId, now());
        await recordAudit(tx, c.get('caller'), 'code.create', memberId, { expiresAt: code.expiresAt }, now());
        return code;
      });
      return c.json(created, 201);
    })
    .get('/audit', async (c) => c.json({ entries: await listAudit(sql, communityOf(c)) }, 200));
}
