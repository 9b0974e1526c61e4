// The report feature's words, in both languages. en.ts and zh-CN.ts spread them in; the
// Record type keeps the two key sets equal.
export const reportEn = {
  'report.title': 'Reports',
} as const;

export const reportZhCN: Record<keyof typeof reportEn, string> = {
  'report.title': '报表',
};
