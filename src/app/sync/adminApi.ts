// The office's online-only actions (roster, devices, enrollment codes, audit). They act on the
// endpoint's state, not the phone's, so they are requests, not outbox mutations; failures are
// shown as such. Bodies and answers are the protocol's (shared/protocol/admin).
import { request, type EndpointConfig } from './request';
import {
  auditResponseSchema,
  devicesResponseSchema,
  enrollmentCodeResponseSchema,
  memberResponseSchema,
  membersResponseSchema,
  teamResponseSchema,
  teamsResponseSchema,
  type MemberCreate,
  type MemberPatch,
  type TeamBody,
} from '../../shared/protocol/admin';
import type { DeviceListing } from '../../shared/protocol/devices';

const admin = (path: string) => `/api/v1/admin${path}`;
const byId = (path: string, id: string) => admin(`${path}/${encodeURIComponent(id)}`);

export async function listDevices(config: EndpointConfig): Promise<DeviceListing[]> {
  return (await request(config, admin('/devices'), { expect: devicesResponseSchema })).devices;
}

export async function revokeDevice(config: EndpointConfig, id: string): Promise<DeviceListing[]> {
  return (await request(config, `${byId('/devices', id)}/revoke`, { method: 'POST', body: { json: {} }, expect: devicesResponseSchema })).devices;
}

export function createEnrollmentCode(config: EndpointConfig, memberId: string) {
  return request(config, admin('/enrollment-codes'), { method: 'POST', body: { json: { memberId } }, expect: enrollmentCodeResponseSchema });
}

export const listMembers = async (config: EndpointConfig) =>
  (await request(config, admin('/members'), { expect: membersResponseSchema })).members;

export const addMember = async (config: EndpointConfig, member: MemberCreate) =>
  (await request(config, admin('/members'), { method: 'POST', body: { json: member }, expect: memberResponseSchema })).member;

export const updateMember = async (config: EndpointConfig, id: string, patch: MemberPatch) =>
  (await request(config, byId('/members', id), { method: 'PATCH', body: { json: patch }, expect: memberResponseSchema })).member;

export const listTeams = async (config: EndpointConfig) =>
  (await request(config, admin('/teams'), { expect: teamsResponseSchema })).teams;

export const addTeam = (config: EndpointConfig, name: TeamBody['name']) =>
  request(config, admin('/teams'), { method: 'POST', body: { json: { name } }, expect: teamResponseSchema });

export const renameTeam = (config: EndpointConfig, id: string, name: TeamBody['name']) =>
  request(config, byId('/teams', id), { method: 'PATCH', body: { json: { name } }, expect: teamResponseSchema });

export const listAudit = async (config: EndpointConfig) =>
  (await request(config, admin('/audit'), { expect: auditResponseSchema })).entries;
