// The demo community of the Tiaodenghe patrol: who and what the seed writes. Ids and demo
// enrollment codes are fixed, because the README, E2E tests and people trying the demo use them.
import type { Member, PropertyCompany, Team } from '../../shared/domain/schemas';

export const DEMO_TEAMS: readonly Team[] = [
  { id: 'team-a', name: { zh: '一队', en: 'Team A' } },
  { id: 'team-b', name: { zh: '二队', en: 'Team B' } },
];

export const DEMO_PROPERTY_COMPANIES: readonly PropertyCompany[] = [
  { id: 'pc1', name: { zh: '锦江华庭物业管理有限公司', en: 'Jinjiang Huating Property Management' } },
  { id: 'pc2', name: { zh: '蓉城安居物业服务有限公司', en: 'Rongcheng Anju Property Services' } },
  { id: 'pc3', name: { zh: '成华东郊物业有限公司', en: 'Chenghua Dongjiao Property' } },
  { id: 'pc4', name: { zh: '天府和美物业管理有限公司', en: 'Tianfu Hemei Property Management' } },
  { id: 'pc5', name: { zh: '跳蹬河社区自管小组', en: 'Tiaodenghe Residents’ Self-Management Group' } },
  { id: 'pc6', name: { zh: '新鸿嘉园物业服务有限公司', en: 'Xinhong Jiayuan Property Services' } },
];

/** Lead first, then eleven members, per team. */
const TEAM_NAMES: Readonly<Record<'a' | 'b', readonly string[]>> = {
  a: ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵丽华', '黄志强', '周敏', '吴刚', '徐红梅', '孙磊'],
  b: ['郑国平', '何雪梅', '罗军', '高玉兰', '林涛', '梁晓燕', '宋志明', '谢春花', '唐勇', '韩桂英', '冯斌', '邓小琴'],
};

export interface DemoEnrollment {
  code: string;
  member: Member;
}

function teamEnrollments(letter: 'a' | 'b'): DemoEnrollment[] {
  const teamId = `team-${letter}`;
  const upper = letter.toUpperCase();
  return TEAM_NAMES[letter].map((name, i) => {
    const suffix = i === 0 ? 'lead' : String(i).padStart(2, '0');
    return {
      code: `DEMO-${upper}-${suffix.toUpperCase()}`,
      member: {
        id: `m-${letter}-${suffix}`,
        name,
        teamId,
        role: i === 0 ? 'lead' : 'member',
        propertyCompanyId: null,
        active: true,
      },
    };
  });
}

/** Every demo member with the code that enrolls them: 12 per team, then the admin. */
export const DEMO_ENROLLMENTS: readonly DemoEnrollment[] = [
  ...teamEnrollments('a'),
  ...teamEnrollments('b'),
  {
    code: 'DEMO-ADMIN',
    member: { id: 'm-admin', name: '社区办 刘芳', teamId: null, role: 'admin', propertyCompanyId: null, active: true },
  },
];
