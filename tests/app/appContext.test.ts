// Where an enrolled person works decides their home and admin screens.
import { describe, expect, it } from 'vitest';
import { belongsTo } from '../../src/app/AppContext';
import type { Session } from '../../src/app/db/meta';

const street = { zh: '跳蹬河街道', en: 'Tiaodenghe Street' };
const base: Session = { token: 't', member: { id: 'm', name: 'x', teamId: null, role: 'admin' }, deviceName: 'Phone', enrolledAt: '2026-01-05T08:00:00.000Z' };

describe('belongsTo', () => {
  it('tells a community’s people, the street office and property-company staff apart', () => {
    const community = { communityId: 'community-1', community: { zh: '建兴路社区', en: 'Jianxinglu' }, street, propertyCompanyId: null };
    expect(belongsTo({ ...base, place: community })).toBe('community');
    // A community member who is also a company's staff is the community's.
    expect(belongsTo({ ...base, member: { ...base.member, role: 'member' }, place: { ...community, propertyCompanyId: 'pc1' } })).toBe('community');
    expect(belongsTo({ ...base, place: { communityId: null, community: null, street, propertyCompanyId: null } })).toBe('street');
    expect(belongsTo({ ...base, member: { ...base.member, role: 'member' }, place: { communityId: null, community: null, street, propertyCompanyId: 'pc1' } })).toBe('company');
  });

  it('reads a session from before streets as a community’s', () => {
    expect(belongsTo(base)).toBe('community');
  });
});
