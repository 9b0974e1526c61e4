import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { buildCsv, csvCell, csvFileName } from '../../../src/shared/report/csv';
import { fixtureInput, RANGE, ZONE } from './fixtureInput';
import { HAZARD_IDS } from './weekFixture';

const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { newline: '\r\n' });

describe('the hazard CSV', () => {
  const csv = buildCsv(fixtureInput(), RANGE, { locale: 'zh-CN', zone: ZONE });

  it('is UTF-8 with a BOM and CRLF line ends, named after the week', () => {
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside quotes is CRLF: 1 header + 6 hazards, and one CRLF inside a quoted cell.
    expect(csv.split('\r\n').length - 1).toBe(8);
    expect(/[^\r]\n/.test(csv)).toBe(false);
    expect(csvFileName('2026-W47')).toBe('hazards-2026-W47.csv');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('有"引号",逗号')).toBe('"有""引号"",逗号"');
  });

  it('quotes a cell holding a semicolon, so an Excel whose list separator is ";" keeps it one cell', () => {
    expect(csvCell('ok;=2+5')).toBe('"ok;=2+5"');
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  it('neutralises a formula hidden behind leading spaces or quotes', () => {
    expect(csvCell(' =1+2')).toBe("' =1+2");
    expect(csvCell('"=1+2"')).toBe(`"'""=1+2"""`);
    expect(csvCell('\u3000@SUM(A1)')).toBe("'\u3000@SUM(A1)");
  });

  it('parses back with a real CSV parser, field by field, Chinese intact', () => {
    const { data, errors } = parse(csv);
    expect(errors).toEqual([]);
    const rows = data.filter((r) => r.length > 1);
    expect(rows[0]).toEqual(['编号', '上报时间（本地）', '上报人', '队伍', '院落', '物业公司', '类别', '严重程度', '状态', '派单时间', '整改时间', '整改用时（小时）', '纬度', '经度', '描述', '照片数']);
    expect(rows).toHaveLength(7);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get(HAZARD_IDS.h1)).toEqual([HAZARD_IDS.h1, '2026-11-16 09:00', '张伟', '一队', '玉林北路1号院', '锦江物业', '消防安全', '紧急', '已整改', '2026-11-16 11:00', '2026-11-16 19:00', '10', '30.6005', '104.0005', '消防通道被电动车堵塞', '3']);
    expect(byId.get(HAZARD_IDS.h2)![14]).toBe('飞线充电, "危险"');
    expect(byId.get(HAZARD_IDS.h3)![14]).toBe("'+1 燃气味\r\n第二行");
    expect(byId.get(HAZARD_IDS.h4)![14]).toBe("'-1+1");
    expect(byId.get(HAZARD_IDS.h7)![14]).toBe("'\t垃圾未清运");
    expect(byId.get(HAZARD_IDS.h8)![14]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    // Times are the community's wall clock: Monday 00:30 in Chengdu, not Sunday 16:30 UTC.
    expect(byId.get(HAZARD_IDS.h4)![1]).toBe('2026-11-16 00:30');
    expect(byId.has(HAZARD_IDS.h6)).toBe(false);
  });

  it('labels categories in the chosen language', () => {
    const en = parse(buildCsv(fixtureInput(), RANGE, { locale: 'en', zone: ZONE })).data;
    expect(en[0]![6]).toBe('Category');
    expect(en.find((r) => r[0] === HAZARD_IDS.h1)!.slice(3, 9)).toEqual(['Team A', 'No. 1 Yulin N Rd', 'Jinjiang Property', 'Fire safety', 'Urgent', 'Resolved']);
  });
});
