// The office's requests send bodies the endpoint's checks accept and read its answers with the
// protocol's schemas; anything else in answer is a protocol error. The network edge is a stub.
import { describe, expect, it } from 'vitest';
import { addMember, createEnrollmentCode, listAudit, renameTeam, updateMember } from '../../../src/app/sync/adminApi';
import { listOwnDevices } from '../../../src/app/sync/ownDevices';
import { enrollmentCodeRequestSchema, memberCreateSchema, memberPatchSchema, teamBodySchema } from '../../../src/shared/protocol/admin';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const member = { id: 'm-1', name: '王芳', teamId: 'team-a', role: 'member' as const, propertyCompanyId: null, active: true };

function endpoint(answer: unknown) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    sent.push({ method: init.method ?? 'GET', path: url.pathname, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return json(answer);
  }) as unknown as typeof globalThis.fetch;
  return { config: { baseUrl: 'http://127.0.0.1:1', token: 't', fetch }, sent };
}

describe('admin requests', () => {
  it('send what the endpoint accepts', async () => {
    const add = endpoint({ member });
    expect(await addMember(add.config, { name: '王芳', teamId: 'team-a', role: 'member', propertyCompanyId: null })).toEqual(member);
    expect(memberCreateSchema.safeParse(add.sent[0]!.body).success).toBe(true);

    const patch = endpoint({ member: { ...member, active: false } });
    await updateMember(patch.config, 'm/1', { active: false });
    expect(patch.sent[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/admin/members/m%2F1' });
    expect(memberPatchSchema.parse(patch.sent[0]!.body)).toEqual({ active: false });

    const team = endpoint({ team: { id: 'team-a', name: { zh: '一队', en: 'Team 1' } } });
    await renameTeam(team.config, 'team-a', { zh: '一队', en: 'Team 1' });
    expect(teamBodySchema.safeParse(team.sent[0]!.body).success).toBe(true);

    const code = endpoint({ code: 'ABCD-EFGH', expiresAt: '2026-03-05T08:00:00.000Z' });
    expect(await createEnrollmentCode(code.config, 'm-1')).toEqual({ code: 'ABCD-EFGH', expiresAt: '2026-03-05T08:00:00.000Z' });
    expect(enrollmentCodeRequestSchema.safeParse(code.sent[0]!.body).success).toBe(true);
  });

  it('take an answer in another shape for a protocol error', async () => {
    await expect(addMember(endpoint({ id: 'm-1' }).config, { name: 'x', teamId: null, role: 'member', propertyCompanyId: null })).rejects.toMatchObject({ code: 'protocol' });
    await expect(listAudit(endpoint({ entries: [{ seq: 1, at: 'now', action: 'x', target: 'y' }] }).config)).rejects.toMatchObject({ code: 'protocol' });
    await expect(listOwnDevices(endpoint({ devices: [{ id: 'd1' }] }).config)).rejects.toMatchObject({ code: 'protocol' });
  });
});
