// The query every weekly report reads (a community's, the street's): the ISO week on a zone's
// wall clock (the last complete one when none is asked), the format and the language.
import { lastCompleteWeek, parseIsoWeek, weekRange, type WeekRange } from '../../shared/report/isoWeek';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../../shared/protocol/reports';
import { isLocale, type Locale } from '../../shared/i18n';
import { ApiError } from './apiError';

export function reportWeek(param: string | undefined, zone: string, now: Date): WeekRange {
  const week = param === undefined ? lastCompleteWeek(now, zone) : parseIsoWeek(param, zone);
  if (!week) throw new ApiError(400, 'invalid_week', `week must be an ISO week like 2026-W47 that exists, got ${JSON.stringify(param)}`);
  return weekRange(week, zone);
}

export function reportFormat(param: string | undefined): ReportFormat {
  const format = param ?? 'json';
  if (!isReportFormat(format)) throw new ApiError(400, 'invalid_query', `format must be one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  return format;
}

/** zh-CN unless the request asks for English. */
export const reportLocale = (param: string | undefined): Locale => (isLocale(param) ? param : 'zh-CN');
