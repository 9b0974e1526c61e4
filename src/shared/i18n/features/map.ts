// The map feature's words, in both languages. en.ts and zh-CN.ts spread them in; the
// Record type keeps the two key sets equal.
export const mapEn = {
  'map.title': 'Map',
} as const;

export const mapZhCN: Record<keyof typeof mapEn, string> = {
  'map.title': '地图',
};
