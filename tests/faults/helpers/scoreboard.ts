// The scenario table. Each test file appends its rows to one JSON file per vitest run (keyed by
// the runner's pid, the parent of every test worker). A file prints its own rows; the file that
// completes the set of scenarios prints the whole table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Row {
  scenario: string;
  records: number | 'n/a';
  lost: number | 'n/a';
  duplicated: number | 'n/a';
  convergeMs: number | null;
  note: string;
}

const file = join(tmpdir(), `patrol-faults-${process.ppid}.json`);

function readRows(): Row[] {
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(parsed) ? (parsed as Row[]) : [];
}

/** Scenarios recorded by this test file (one worker runs one file at a time). */
const mine = new Set<string>();

export function record(row: Row): void {
  mine.add(row.scenario);
  const rows = readRows().filter((r) => r.scenario !== row.scenario);
  writeFileSync(file, JSON.stringify([...rows, row]));
}

const order = (scenario: string) => Number.parseFloat(scenario.replace(/^#/, '')) || 99;

/** Every row the full table has: scenarios 1 to 12, with 2 and 7 in two forms. */
const ALL = ['#1', '#2 in a row', '#2 concurrent', '#3', '#4 (B)', '#5', '#6', '#7 (Node)', '#7 (B)', '#8', '#9 (B)', '#10', '#11 (B)', '#12'];

export function printTable(): void {
  const all = readRows();
  const complete = ALL.every((scenario) => all.some((r) => r.scenario === scenario));
  if (complete) console.log('Fault suite: every scenario');
  const rows = (complete ? all : all.filter((r) => mine.has(r.scenario))).sort((a, b) => order(a.scenario) - order(b.scenario) || a.scenario.localeCompare(b.scenario));
  const head = ['scenario', 'records', 'lost', 'duplicated', 'converge', 'note'];
  const cells = rows.map((r) => [
    r.scenario,
    String(r.records),
    String(r.lost),
    String(r.duplicated),
    r.convergeMs === null ? 'n/a' : `${(r.convergeMs / 1000).toFixed(2)} s`,
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), ''].join('\n'));
}
