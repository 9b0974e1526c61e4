// One colour per member on the map, stable for the day: members are ordered by id and take the
// palette in turn. The palette is 12 hues at two lightnesses (24 members in two teams), each
// at least 3:1 against the light basemap so a line stays visible in sunlight.
const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#ff7f0e', '#393b79', '#637939', '#843c39',
  '#3182bd', '#a50f15', '#006d2c', '#6a51a3', '#5d4037', '#ad1457',
  '#00838f', '#827717', '#e65100', '#283593', '#33691e', '#b71c1c',
] as const;

export function memberColours(memberIds: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(memberIds)].sort();
  return new Map(sorted.map((id, i) => [id, PALETTE[i % PALETTE.length]!]));
}
