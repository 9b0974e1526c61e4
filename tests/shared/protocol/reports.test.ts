// The weekly report's formats, as the endpoint's query takes them.
import { describe, expect, it } from 'vitest';
import { isReportFormat, REPORT_FORMATS } from '../../../src/shared/protocol/reports';

describe('report formats', () => {
  it('are the five the weekly report is given in, and nothing else', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'csv', 'geojson', 'html', 'pdf']);
    expect(REPORT_FORMATS.every(isReportFormat)).toBe(true);
    expect(isReportFormat('xlsx')).toBe(false);
    expect(isReportFormat('JSON')).toBe(false);
    expect(isReportFormat(undefined)).toBe(false);
  });
});
