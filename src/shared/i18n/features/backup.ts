// The backup import's report on rows it left out, in both languages side by side; the Record type
// keeps the two key sets equal. Importing this module registers them.
import { registerWords } from '../catalogues';

export const backupEn = {
  'backup.skipped': '{n} damaged rows were not imported (they stay in the file):',
  'backup.skippedRow': '{table} no. {row}{id}: {problem}',
  'backup.skippedId': ' ({id})',
  'backup.skippedMore': '…and {n} more.',
  'backup.skippedNext': 'Everything else was imported. If those records matter, give the file to the community office.',
  'backup.table.outbox': 'Waiting change',
  'backup.table.hazards': 'Hazard',
  'backup.table.hazardEvents': 'Hazard change',
  'backup.table.rounds': 'Round',
  'backup.table.trackBatches': 'Route batch',
  'backup.table.trackPoints': 'Route point',
  'backup.table.checkpointScans': 'Checkpoint scan',
  'backup.table.photos': 'Photo',
} as const;

export const backupZhCN: Record<keyof typeof backupEn, string> = {
  'backup.skipped': '有 {n} 行数据已损坏，未导入（仍保留在文件中）：',
  'backup.skippedRow': '{table} 第 {row} 条{id}：{problem}',
  'backup.skippedId': '（{id}）',
  'backup.skippedMore': '……另有 {n} 条。',
  'backup.skippedNext': '其余内容均已导入。如这些记录重要，请把文件交给社区办。',
  'backup.table.outbox': '待发送的更改',
  'backup.table.hazards': '隐患',
  'backup.table.hazardEvents': '隐患处理',
  'backup.table.rounds': '巡逻',
  'backup.table.trackBatches': '轨迹批次',
  'backup.table.trackPoints': '轨迹点',
  'backup.table.checkpointScans': '打卡',
  'backup.table.photos': '照片',
};

registerWords(backupEn, backupZhCN);
