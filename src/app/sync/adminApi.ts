// The office's online-only actions (devices, enrollment codes). They act on the endpoint's
// state, not the phone's, so they are requests, not outbox mutations; failures are shown as such.
import * as z from 'zod/mini';
import { request, type EndpointConfig } from './request';
import { memberSchema, teamSchema, type Member } from '../../shared/domain/schemas';

const deviceSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.nullable(z.string()),
  appVersion: z.optional(z.string()),
});
export type DeviceListing = z.infer<typeof deviceSchema>;
const devicesSchema = z.object({ devices: z.array(deviceSchema) });
const codeSchema = z.object({ code: z.string(), expiresAt: z.string() });

export async function listDevices(config: EndpointConfig): Promise<DeviceListing[]> {
  return (await request(config, '/api/v1/admin/devices', { expect: devicesSchema })).devices;
}

export async function revokeDevice(config: EndpointConfig, id: string): Promise<DeviceListing[]> {
  const path = `/api/v1/admin/devices/${encodeURIComponent(id)}/revoke`;
  return (await request(config, path, { method: 'POST', body: { json: {} }, expect: devicesSchema })).devices;
}

export function createEnrollmentCode(config: EndpointConfig, memberId: string) {
  return request(config, '/api/v1/admin/enrollment-codes', { method: 'POST', body: { json: { memberId } }, expect: codeSchema });
}

const memberOut = z.object({ member: memberSchema });
const membersOut = z.object({ members: z.array(memberSchema) });
const teamsOut = z.object({ teams: z.array(teamSchema) });
const auditOut = z.object({
  entries: z.array(z.object({ seq: z.number(), at: z.string(), actorMemberId: z.string(), action: z.string(), target: z.string() })),
});
export type AuditEntry = z.infer<typeof auditOut>['entries'][number];
export type NewMember = Pick<Member, 'name' | 'teamId' | 'role' | 'propertyCompanyId'>;

export const listMembers = async (config: EndpointConfig) =>
  (await request(config, '/api/v1/admin/members', { expect: membersOut })).members;

export const addMember = async (config: EndpointConfig, member: NewMember) =>
  (await request(config, '/api/v1/admin/members', { method: 'POST', body: { json: member }, expect: memberOut })).member;

export const updateMember = async (config: EndpointConfig, id: string, patch: Partial<Member>) =>
  (await request(config, `/api/v1/admin/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: { json: patch }, expect: memberOut })).member;

export const listTeams = async (config: EndpointConfig) =>
  (await request(config, '/api/v1/admin/teams', { expect: teamsOut })).teams;

export const addTeam = (config: EndpointConfig, name: { zh: string; en: string }) =>
  request(config, '/api/v1/admin/teams', { method: 'POST', body: { json: { name } }, expect: z.object({ team: teamSchema }) });

export const listAudit = async (config: EndpointConfig) =>
  (await request(config, '/api/v1/admin/audit', { expect: auditOut })).entries;

const ownDevicesOut = z.object({ devices: z.array(z.extend(deviceSchema, { current: z.boolean() })) });
export type OwnDevice = z.infer<typeof ownDevicesOut>['devices'][number];

export const listOwnDevices = async (config: EndpointConfig) =>
  (await request(config, '/api/v1/devices', { expect: ownDevicesOut })).devices;

export const signOutDevice = async (config: EndpointConfig, id: string) =>
  (await request(config, `/api/v1/devices/${encodeURIComponent(id)}/sign-out`, { method: 'POST', body: { json: {} }, expect: ownDevicesOut })).devices;

export const renameTeam = (config: EndpointConfig, id: string, name: { zh: string; en: string }) =>
  request(config, `/api/v1/admin/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: { json: { name } }, expect: z.object({ team: teamSchema }) });
