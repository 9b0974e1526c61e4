// The street report's words (the street office's week across communities), both languages side
// by side; importing this module registers them (see ../catalogues.ts).
import { registerWords } from '../catalogues';

export const streetReportEn = {
  'streetReport.heading': 'Street weekly report',
  'streetReport.week': 'Week {week}',
  'streetReport.communities': 'Communities',
  'streetReport.companies': 'Property companies',
  'streetReport.col.kind': 'Kind',
  'streetReport.col.name': 'Name',
  'streetReport.col.found': 'Found',
  'streetReport.col.open': 'Open',
  'streetReport.col.overdue': 'Overdue',
  'streetReport.col.assignMedian': 'To assign, median h',
  'streetReport.col.assignP90': 'To assign, p90 h',
  'streetReport.col.assignN': 'Assigned (n)',
  'streetReport.col.resolveMedian': 'To resolve, median h',
  'streetReport.col.resolveP90': 'To resolve, p90 h',
  'streetReport.col.resolveN': 'Resolved (n)',
  'streetReport.col.compounds': 'Compounds',
  'streetReport.col.notVisited': 'Not visited',
  'streetReport.col.rounds': 'Rounds',
  'streetReport.col.hours': 'Patrol hours',
  'streetReport.col.served': 'Communities',
  'streetReport.col.assigned': 'Assigned',
  'streetReport.kind.community': 'community',
  'streetReport.kind.company': 'company',
  'streetReport.note': 'Counts stand beside every rate: a time from one fix is not a ranking.',
};

const streetReportZh: Record<keyof typeof streetReportEn, string> = {
  'streetReport.heading': '街道隐患周报',
  'streetReport.week': '{week} 周',
  'streetReport.communities': '各社区',
  'streetReport.companies': '各物业公司',
  'streetReport.col.kind': '类别',
  'streetReport.col.name': '名称',
  'streetReport.col.found': '发现',
  'streetReport.col.open': '未办结',
  'streetReport.col.overdue': '已超时',
  'streetReport.col.assignMedian': '派单中位数（小时）',
  'streetReport.col.assignP90': '派单 P90（小时）',
  'streetReport.col.assignN': '已派单（件）',
  'streetReport.col.resolveMedian': '办结中位数（小时）',
  'streetReport.col.resolveP90': '办结 P90（小时）',
  'streetReport.col.resolveN': '已办结（件）',
  'streetReport.col.compounds': '院落',
  'streetReport.col.notVisited': '未巡到',
  'streetReport.col.rounds': '巡逻次数',
  'streetReport.col.hours': '巡逻时长（小时）',
  'streetReport.col.served': '服务社区',
  'streetReport.col.assigned': '受派',
  'streetReport.kind.community': '社区',
  'streetReport.kind.company': '物业公司',
  'streetReport.note': '每个时效旁都列出件数：一件办得快不代表排名靠前。',
};

registerWords(streetReportEn, streetReportZh);
