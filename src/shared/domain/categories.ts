// The standard hazard categories. The endpoint seeds them and the app falls back to them until
// its first pull, so a member can log a hazard on a phone that has never synced reference data.
import type { Category } from './schemas';

export const STANDARD_CATEGORIES: readonly Category[] = [
  { id: 'fire', name: { zh: '消防安全', en: 'Fire safety' }, sort: 1 },
  { id: 'electrical', name: { zh: '用电安全', en: 'Electrical' }, sort: 2 },
  { id: 'gas', name: { zh: '燃气', en: 'Gas' }, sort: 3 },
  { id: 'falling', name: { zh: '高空坠物与建筑', en: 'Falling objects & structure' }, sort: 4 },
  { id: 'elevator', name: { zh: '电梯', en: 'Elevator' }, sort: 5 },
  { id: 'traffic', name: { zh: '交通停车', en: 'Traffic & parking' }, sort: 6 },
  { id: 'sanitation', name: { zh: '环境卫生', en: 'Sanitation' }, sort: 7 },
  { id: 'security', name: { zh: '治安', en: 'Public security' }, sort: 8 },
  { id: 'water', name: { zh: '漏水排水', en: 'Water & drainage' }, sort: 9 },
  { id: 'other', name: { zh: '其他', en: 'Other' }, sort: 10 },
];
