// The demo street: Tiaodenghe (跳蹬河街道) with Jianxinglu (建兴路社区, the 23 compounds and 24
// patrol members of demoCommunity.ts) and two smaller invented communities with a team each.
// Property companies belong to the street and serve compounds in several communities. Demo codes
// for the street office, the other communities and two staff of one company are fixed like the rest.
import type { Member } from '../../shared/domain/schemas';
import type { DemoEnrollment } from './demoCommunity';

export const DEMO_STREET = { id: 'street-1', name: { zh: '跳蹬河街道', en: 'Tiaodenghe Street' }, timeZone: 'Asia/Shanghai' } as const;

export const JIANXINGLU = 'community-1';

export const DEMO_COMMUNITIES = [
  { id: JIANXINGLU, name: { zh: '建兴路社区', en: 'Jianxinglu Community' } },
  { id: 'community-2', name: { zh: '双林社区', en: 'Shuanglin Community' } },
  { id: 'community-3', name: { zh: '杉板桥社区', en: 'Shanbanqiao Community' } },
] as const;

export const OTHER_DEMO_TEAMS = [
  { communityId: 'community-2', team: { id: 'team-s', name: { zh: '双林巡逻队', en: 'Shuanglin Patrol' } } },
  { communityId: 'community-3', team: { id: 'team-t', name: { zh: '杉板桥巡逻队', en: 'Shanbanqiao Patrol' } } },
] as const;

const member = (id: string, name: string, role: Member['role'], teamId: string | null, propertyCompanyId: string | null = null): Member => ({
  id,
  name,
  teamId,
  role,
  propertyCompanyId,
  active: true,
});

export interface PlacedEnrollment extends DemoEnrollment {
  /** null: the street's own people (the street office, company staff). */
  communityId: string | null;
}

export const OTHER_DEMO_ENROLLMENTS: readonly PlacedEnrollment[] = [
  { code: 'DEMO-STREET', communityId: null, member: member('m-street', '街道办 周主任', 'admin', null) },
  { code: 'DEMO-PC1-01', communityId: null, member: member('m-pc1-01', '锦江华庭 管家 马兰', 'member', null, 'pc1') },
  { code: 'DEMO-PC1-02', communityId: null, member: member('m-pc1-02', '锦江华庭 维修 蒋勇', 'member', null, 'pc1') },
  { code: 'DEMO-S-ADMIN', communityId: 'community-2', member: member('m-s-admin', '双林社区办 田静', 'admin', null) },
  { code: 'DEMO-S-LEAD', communityId: 'community-2', member: member('m-s-lead', '袁志刚', 'lead', 'team-s') },
  { code: 'DEMO-S-01', communityId: 'community-2', member: member('m-s-01', '潘丽', 'member', 'team-s') },
  { code: 'DEMO-S-02', communityId: 'community-2', member: member('m-s-02', '蔡明', 'member', 'team-s') },
  { code: 'DEMO-T-ADMIN', communityId: 'community-3', member: member('m-t-admin', '杉板桥社区办 董芳', 'admin', null) },
  { code: 'DEMO-T-LEAD', communityId: 'community-3', member: member('m-t-lead', '程伟', 'lead', 'team-t') },
  { code: 'DEMO-T-01', communityId: 'community-3', member: member('m-t-01', '曹红', 'member', 'team-t') },
];
