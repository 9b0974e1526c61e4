// The bench's output: a plain-text table on stdout and bench-results.json in the repo root,
// both with the machine the figures came from, since figures mean nothing without it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { verdict, type Figure } from './figure';

export interface Machine {
  cpuModel: string;
  cores: number;
  totalMemoryMB: number;
  os: string;
  node: string;
  chromium: string;
}

export function describeMachine(chromiumVersion?: string): Machine {
  let chromium = chromiumVersion ?? 'unknown';
  if (!chromiumVersion) {
    try {
      chromium = execFileSync('/usr/bin/chromium', ['--version'], { timeout: 10_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // Not needed for the bundle check; the full bench asks the launched browser instead.
    }
  }
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  };
}

function format(value: number | null, unit: Figure['unit']): string {
  if (value === null) return '';
  const digits = unit === 'ratio' ? 2 : unit === 'KB' || unit === 'MB' || value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

function budgetText(figure: Figure): string {
  const b = figure.budget;
  return b ? `${b.on === 'p95' ? 'p95 ' : ''}${b.op === '<=' ? '≤' : '≥'} ${b.limit} ${figure.unit}` : '';
}

export function printTable(figures: readonly Figure[], machine: Machine): void {
  const header = ['figure', 'median', 'p95', 'runs', 'budget', 'result'];
  const rows = figures.map((f) => {
    const result = verdict(f);
    const reason = f.error
      ? `fail (${f.error})`
      : f.absent
        ? `n/a (${f.absent})`
        : result === 'over'
          ? `OVER BUDGET (held ≤ ${f.ceiling} ${f.unit})`
          : result;
    return [f.name, format(f.median, f.unit), format(f.p95, f.unit), f.runs.length ? String(f.runs.length) : '', budgetText(f), reason];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${machine.cpuModel} · ${machine.cores} cores · ${machine.totalMemoryMB} MB · ${machine.os}`);
  console.log(`Node ${machine.node} · ${machine.chromium}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const f of figures.filter((f) => f.note)) console.log(`  · ${f.name}: ${f.note}`);
}

export function writeResults(path: string, mode: 'quick' | 'full', figures: readonly Figure[], machine: Machine): void {
  const results = {
    mode,
    at: new Date().toISOString(),
    machine,
    figures: Object.fromEntries(figures.map((f) => [f.id, { ...f, result: verdict(f) }])),
  };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
