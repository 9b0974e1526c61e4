// A week with known answers (2026-W47 in Asia/Shanghai: Mon 16 Nov – Sun 22 Nov 2026).
// The expected figures in weeklyStats.test.ts are worked out by hand from these rows.
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import type { Compound, Hazard, Member, PropertyCompany, Team } from '../../../src/shared/domain/schemas';
import type { Round, TrackPoint } from '../../../src/shared/domain/rounds';
import type { HazardEvent } from '../../../src/shared/domain/hazardEvents';

const square = (lng: number, lat: number): Compound['polygon'] => [
  [lng, lat],
  [lng + 0.001, lat],
  [lng + 0.001, lat + 0.001],
  [lng, lat + 0.001],
  [lng, lat],
];

export const companies: PropertyCompany[] = [
  { id: 'pc1', name: { zh: '锦江物业', en: 'Jinjiang Property' } },
  { id: 'pc2', name: { zh: '蜀都物业', en: 'Shudu Property' } },
];
export const compounds: Compound[] = [
  { id: 'c1', name: { zh: '玉林北路1号院', en: 'No. 1 Yulin N Rd' }, polygon: square(104.0, 30.6), propertyCompanyId: 'pc1' },
  { id: 'c2', name: { zh: '玉林北路3号院', en: 'No. 3 Yulin N Rd' }, polygon: square(104.002, 30.6), propertyCompanyId: 'pc1' },
  { id: 'c3', name: { zh: '芳草街5号院', en: 'No. 5 Fangcao St' }, polygon: square(104.004, 30.6), propertyCompanyId: 'pc2' },
  { id: 'c4', name: { zh: '芳草街7号院', en: 'No. 7 Fangcao St' }, polygon: square(104.006, 30.6), propertyCompanyId: 'pc2' },
];
export const teams: Team[] = [
  { id: 'tA', name: { zh: '一队', en: 'Team A' } },
  { id: 'tB', name: { zh: '二队', en: 'Team B' } },
];
export const members: Member[] = [
  { id: 'mA', name: '张伟', teamId: 'tA', role: 'lead', propertyCompanyId: null, active: true },
  { id: 'mB', name: '李娜', teamId: 'tB', role: 'lead', propertyCompanyId: null, active: true },
];
export const categories = [...STANDARD_CATEGORIES];

export const HAZARD_IDS = {
  h1: '00000000-0000-4000-8000-000000000001',
  h2: '00000000-0000-4000-8000-000000000002',
  h3: '00000000-0000-4000-8000-000000000003',
  h4: '00000000-0000-4000-8000-000000000004',
  h5: '00000000-0000-4000-8000-000000000005',
  h6: '00000000-0000-4000-8000-000000000006',
  h7: '00000000-0000-4000-8000-000000000007',
  h8: '00000000-0000-4000-8000-000000000008',
} as const;

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

function hazard(id: string, patch: Partial<Hazard> & Pick<Hazard, 'createdAt' | 'compoundId' | 'teamId'>): Hazard {
  const compound = compounds.find((c) => c.id === patch.compoundId)!;
  return {
    id,
    categoryId: 'fire',
    severity: 'low',
    description: '楼道堆放杂物',
    position: { lat: compound.polygon[0]![1] + 0.0005, lng: compound.polygon[0]![0] + 0.0005, accuracy: 8, at: patch.createdAt },
    roundId: null,
    photoIds: [],
    reporterId: patch.teamId === 'tA' ? 'mA' : 'mB',
    status: 'open',
    receivedAt: patch.createdAt,
    assignedCompanyId: null,
    assignedAt: null,
    resolvedAt: null,
    duplicateOf: null,
    updatedAt: null,
    ...patch,
  };
}

const h1At = at('2026-11-16T09:00:00');
const h2At = at('2026-11-17T10:00:00');
const h3At = at('2026-11-18T08:00:00');
export const hazards: Hazard[] = [
  hazard(HAZARD_IDS.h1, { createdAt: h1At, compoundId: 'c1', teamId: 'tA', categoryId: 'fire', severity: 'urgent', status: 'resolved', assignedCompanyId: 'pc1', assignedAt: plus(h1At, 2), resolvedAt: plus(h1At, 10), description: '消防通道被电动车堵塞', photoIds: ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)] }),
  hazard(HAZARD_IDS.h2, { createdAt: h2At, compoundId: 'c2', teamId: 'tA', categoryId: 'electrical', severity: 'high', status: 'resolved', assignedCompanyId: 'pc1', assignedAt: plus(h2At, 1), resolvedAt: plus(h2At, 30), description: '飞线充电, "危险"' }),
  hazard(HAZARD_IDS.h3, { createdAt: h3At, compoundId: 'c3', teamId: 'tB', categoryId: 'gas', severity: 'medium', status: 'resolved', assignedCompanyId: 'pc2', assignedAt: plus(h3At, 4), resolvedAt: plus(h3At, 80), description: '+1 燃气味\r\n第二行' }),
  // 00:30 Monday in Chengdu is still Sunday in UTC: it belongs to W47.
  hazard(HAZARD_IDS.h4, { createdAt: at('2026-11-16T00:30:00'), compoundId: 'c3', teamId: 'tB', categoryId: 'water', severity: 'low', description: '-1+1' }),
  // The week before, still assigned: open at week end, not found this week.
  hazard(HAZARD_IDS.h5, { createdAt: at('2026-11-10T12:00:00'), compoundId: 'c1', teamId: 'tA', severity: 'high', status: 'assigned', assignedCompanyId: 'pc1', assignedAt: at('2026-11-10T13:00:00'), description: '@SUM(A1:A9)' }),
  // 00:10 Monday of the next week in Chengdu (Sunday 16:10 UTC): not in W47.
  hazard(HAZARD_IDS.h6, { createdAt: at('2026-11-23T00:10:00'), compoundId: 'c2', teamId: 'tA', description: '下周的隐患' }),
  // Resolved only after the week: open at week end.
  hazard(HAZARD_IDS.h7, { createdAt: at('2026-11-19T14:00:00'), compoundId: 'c2', teamId: 'tA', categoryId: 'sanitation', severity: 'medium', status: 'resolved', assignedCompanyId: 'pc1', assignedAt: at('2026-11-19T15:00:00'), resolvedAt: at('2026-11-24T10:00:00'), description: '\t垃圾未清运' }),
  // Rejected within the week: not open at week end.
  hazard(HAZARD_IDS.h8, { createdAt: at('2026-11-20T09:00:00'), compoundId: 'c1', teamId: 'tB', categoryId: 'other', severity: 'low', status: 'rejected', description: '=HYPERLINK("http://evil.example","点我")' }),
];

export const events: HazardEvent[] = [
  { id: '10000000-0000-4000-8000-000000000008', hazardId: HAZARD_IDS.h8, type: 'reject', at: at('2026-11-20T12:00:00'), data: { reason: '不是隐患' }, authorId: 'mB', role: 'lead', status: 'rejected', receivedAt: at('2026-11-20T12:00:00') },
];

export const ROUND_IDS = { r1: '20000000-0000-4000-8000-000000000001', r2: '20000000-0000-4000-8000-000000000002' } as const;
export const rounds: Round[] = [
  { id: ROUND_IDS.r1, teamId: 'tA', memberIds: ['mA'], startedAt: at('2026-11-16T08:00:00'), endedAt: at('2026-11-16T10:00:00'), startedBy: 'mA', note: null, autoClosed: false },
  { id: ROUND_IDS.r2, teamId: 'tB', memberIds: ['mB'], startedAt: at('2026-11-18T20:00:00'), endedAt: at('2026-11-18T20:01:00'), startedBy: 'mB', note: null, autoClosed: false },
];

const ms = (local: string) => Date.parse(`${local}+08:00`);
const point = (local: string, lng: number, lat: number, segment: number): TrackPoint => ({ at: ms(local), lat, lng, accuracy: 6, segment });
export const trackBatches = [
  {
    id: '30000000-0000-4000-8000-000000000001',
    roundId: ROUND_IDS.r1,
    points: [
      point('2026-11-16T08:00:00', 104.0005, 30.6005, 0), // in c1
      point('2026-11-16T08:01:00', 104.0015, 30.6005, 0), // between c1 and c2, out of reach
    ],
  },
  {
    id: '30000000-0000-4000-8000-000000000002',
    roundId: ROUND_IDS.r1,
    points: [
      point('2026-11-16T08:10:00', 104.0025, 30.6005, 1), // in c2, after a 9-minute gap
      point('2026-11-16T08:11:00', 104.0025, 30.6008, 1),
    ],
  },
  {
    id: '30000000-0000-4000-8000-000000000003',
    roundId: ROUND_IDS.r2,
    points: [point('2026-11-18T20:00:00', 104.0045, 30.6005, 0), point('2026-11-18T20:00:30', 104.0045, 30.6008, 0)],
  },
];

/** A camera scan at a c1 checkpoint on Friday: coverage by scan. */
export const checkpoints = [{ id: 'cp-c1', compoundId: 'c1', name: { zh: '1号院大门', en: 'No. 1 gate' }, lat: 30.6, lng: 104.0, code: 'CP-C1-CODE' }];
export const scans = [
  { id: '40000000-0000-4000-8000-000000000001', roundId: ROUND_IDS.r2, checkpointId: 'cp-c1', scannedAt: at('2026-11-20T10:00:00'), position: null, method: 'camera' as const, memberId: 'mB', teamId: 'tB', far: false },
];
