// The office's request bodies check what the endpoint checks, and its answers parse as sent.
import { describe, expect, it } from 'vitest';
import {
  auditResponseSchema,
  devicesResponseSchema,
  enrollmentCodeRequestSchema,
  memberCreateSchema,
  memberPatchSchema,
  teamBodySchema,
} from '../../../src/shared/protocol/admin';
import { ownDevicesResponseSchema } from '../../../src/shared/protocol/devices';

const member = { name: '  王芳 ', teamId: 'team-a', role: 'member', propertyCompanyId: null };

describe('member bodies', () => {
  it('trims the name and makes a new member active unless told otherwise', () => {
    expect(memberCreateSchema.parse(member)).toEqual({ ...member, name: '王芳' });
    expect(memberCreateSchema.parse({ ...member, active: false }).active).toBe(false);
  });

  it.each([
    ['a name of spaces', { name: '   ' }],
    ['a name over 100 characters', { name: '张'.repeat(101) }],
    ['an empty team id', { teamId: '' }],
    ['a team id over 64 characters', { teamId: 't'.repeat(65) }],
    ['an unknown role', { role: 'owner' }],
    ['a missing company', { propertyCompanyId: undefined }],
  ])('refuses %s', (_name, patch) => {
    expect(memberCreateSchema.safeParse({ ...member, ...patch }).success).toBe(false);
  });

  it('a patch takes any of the fields, checked the same way, and nothing else', () => {
    expect(memberPatchSchema.parse({ active: false })).toEqual({ active: false });
    expect(memberPatchSchema.parse({ name: ' 李强 ', id: 'm-other' })).toEqual({ name: '李强' });
    expect(memberPatchSchema.safeParse({ name: ' ' }).success).toBe(false);
    expect(memberPatchSchema.safeParse({ active: 'no' }).success).toBe(false);
  });
});

describe('team and code bodies', () => {
  it('a team has a name in both languages, each at most 200 characters', () => {
    expect(teamBodySchema.parse({ name: { zh: '一队', en: 'Team 1' } })).toEqual({ name: { zh: '一队', en: 'Team 1' } });
    expect(teamBodySchema.safeParse({ name: { zh: '一队' } }).success).toBe(false);
    expect(teamBodySchema.safeParse({ name: { zh: 'x'.repeat(201), en: 'x' } }).success).toBe(false);
  });

  it('a code is asked for a member id of 1–64 characters', () => {
    expect(enrollmentCodeRequestSchema.safeParse({ memberId: 'm-a-01' }).success).toBe(true);
    expect(enrollmentCodeRequestSchema.safeParse({ memberId: '' }).success).toBe(false);
    expect(enrollmentCodeRequestSchema.safeParse({ memberId: 'm'.repeat(65) }).success).toBe(false);
  });
});

describe('answers', () => {
  const device = { id: 'd1', memberId: 'm-a-01', name: 'Pixel', enrolledAt: '2026-03-01T08:00:00.000Z', lastSeenAt: '2026-03-02T08:00:00.000Z', revokedAt: null, appVersion: '0.1.0' };

  it('devices, with or without an app version; own devices say which is this one', () => {
    expect(devicesResponseSchema.parse({ devices: [device] }).devices[0]).toEqual(device);
    const { appVersion: _, ...older } = device;
    expect(devicesResponseSchema.safeParse({ devices: [older] }).success).toBe(true);
    expect(ownDevicesResponseSchema.safeParse({ devices: [device] }).success).toBe(false);
    expect(ownDevicesResponseSchema.parse({ devices: [{ ...device, current: true }] }).devices[0]?.current).toBe(true);
  });

  it('audit entries carry who, from which device, and the details', () => {
    const entry = { seq: 3, at: '2026-03-02T08:00:00.000Z', actorMemberId: 'm-admin', actorDeviceId: 'd1', action: 'member.add', target: 'm-1', details: { name: '王芳' } };
    expect(auditResponseSchema.parse({ entries: [entry] })).toEqual({ entries: [entry] });
    expect(auditResponseSchema.safeParse({ entries: [{ ...entry, details: 'name=王芳' }] }).success).toBe(false);
  });
});
