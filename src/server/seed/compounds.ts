// The demo community's 23 compounds (院落) around Tiaodenghe, Chenghua district, Chengdu.
// Geometry is invented: rectangles 80–150 m across on a 5 × 5 grid with 180 m pitch, so no
// two overlap and a test can aim at a compound's centre.
import type { Compound } from '../../shared/domain/schemas';

const ORIGIN = { lat: 30.655, lng: 104.104 };
const METRES_PER_DEG_LAT = 110_900;
const METRES_PER_DEG_LNG = 111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180);
const PITCH_M = 180;
const COLUMNS = 5;

/** [zh street, en street, number]; "<street><n>号院" / "No. <n> <street> Compound". */
const ADDRESSES: ReadonlyArray<readonly [string, string, number]> = [
  ['跳蹬河北路', 'Tiaodenghe North Rd', 1],
  ['跳蹬河北路', 'Tiaodenghe North Rd', 3],
  ['跳蹬河北路', 'Tiaodenghe North Rd', 7],
  ['跳蹬河南路', 'Tiaodenghe South Rd', 2],
  ['跳蹬河南路', 'Tiaodenghe South Rd', 8],
  ['建设南路', 'Jianshe South Rd', 12],
  ['建设南路', 'Jianshe South Rd', 20],
  ['双林北横线', 'Shuanglin North Cross Rd', 6],
  ['双林北支路', 'Shuanglin North Branch Rd', 18],
  ['二环路东二段', 'East 2nd Ring Rd Sec. 2', 7],
  ['二环路东二段', 'East 2nd Ring Rd Sec. 2', 15],
  ['杉板桥路', 'Shanbanqiao Rd', 9],
  ['杉板桥路', 'Shanbanqiao Rd', 21],
  ['建华南巷', 'Jianhua South Lane', 4],
  ['建华南巷', 'Jianhua South Lane', 10],
  ['踏水桥北街', 'Tashuiqiao North St', 3],
  ['踏水桥北街', 'Tashuiqiao North St', 11],
  ['建设路', 'Jianshe Rd', 55],
  ['建设路', 'Jianshe Rd', 63],
  ['新鸿路', 'Xinhong Rd', 16],
  ['培华东路', 'Peihua East Rd', 2],
  ['培华东路', 'Peihua East Rd', 8],
  ['跳蹬河路', 'Tiaodenghe Rd', 5],
];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function centreOf(index: number): { lat: number; lng: number } {
  const row = Math.floor(index / COLUMNS);
  const column = index % COLUMNS;
  return {
    lat: round6(ORIGIN.lat + (row * PITCH_M) / METRES_PER_DEG_LAT),
    lng: round6(ORIGIN.lng + (column * PITCH_M) / METRES_PER_DEG_LNG),
  };
}

export function rectangle(index: number): Compound['polygon'] {
  const { lat, lng } = centreOf(index);
  // Deterministic sizes between 80 and 150 m, so the demo map does not look like graph paper.
  const widthM = 80 + ((index * 37) % 71);
  const heightM = 80 + ((index * 53) % 71);
  const dLng = widthM / 2 / METRES_PER_DEG_LNG;
  const dLat = heightM / 2 / METRES_PER_DEG_LAT;
  const sw: [number, number] = [round6(lng - dLng), round6(lat - dLat)];
  return [sw, [round6(lng + dLng), sw[1]], [round6(lng + dLng), round6(lat + dLat)], [sw[0], round6(lat + dLat)], [...sw]];
}

export const DEMO_COMPOUNDS: readonly Compound[] = ADDRESSES.map(([zh, en, n], index) => ({
  id: `c${String(index + 1).padStart(2, '0')}`,
  name: { zh: `${zh}${n}号院`, en: `No. ${n} ${en} Compound` },
  polygon: rectangle(index),
  propertyCompanyId: `pc${(index % 6) + 1}`,
}));

/** The other demo communities' compounds, north of Jianxinglu's on the same grid (cells 25…). */
export const OTHER_DEMO_COMPOUNDS: Readonly<Record<string, readonly Compound[]>> = {
  'community-2': [
    { id: 'c2-01', name: { zh: '双林路3号院', en: 'No. 3 Shuanglin Rd Compound' }, polygon: rectangle(25), propertyCompanyId: 'pc1' },
    { id: 'c2-02', name: { zh: '双林路9号院', en: 'No. 9 Shuanglin Rd Compound' }, polygon: rectangle(26), propertyCompanyId: 'pc2' },
    { id: 'c2-03', name: { zh: '双林横街4号院', en: 'No. 4 Shuanglin Cross St Compound' }, polygon: rectangle(27), propertyCompanyId: 'pc1' },
  ],
  'community-3': [
    { id: 'c3-01', name: { zh: '杉板桥南一路2号院', en: 'No. 2 Shanbanqiao South 1st Rd Compound' }, polygon: rectangle(30), propertyCompanyId: 'pc6' },
    { id: 'c3-02', name: { zh: '杉板桥南一路6号院', en: 'No. 6 Shanbanqiao South 1st Rd Compound' }, polygon: rectangle(31), propertyCompanyId: 'pc1' },
  ],
};

const GRID_INDEX: Readonly<Record<string, number>> = { 'c2-01': 25, 'c2-02': 26, 'c2-03': 27, 'c3-01': 30, 'c3-02': 31 };

/** A point well inside the demo compound with this id, e.g. for tests of point-in-polygon. */
export function demoCompoundCentre(id: string): { lat: number; lng: number } {
  const index = GRID_INDEX[id] ?? DEMO_COMPOUNDS.findIndex((c) => c.id === id);
  if (index < 0) throw new Error(`no demo compound with id ${JSON.stringify(id)}`);
  return centreOf(index);
}
