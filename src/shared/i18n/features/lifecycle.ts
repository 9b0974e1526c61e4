// The lifecycle feature's words, in both languages. en.ts and zh-CN.ts spread them in; the
// Record type keeps the two key sets equal.
export const lifecycleEn = {
  'hazard.title': 'Hazard',
} as const;

export const lifecycleZhCN: Record<keyof typeof lifecycleEn, string> = {
  'hazard.title': '隐患详情',
};
