/** `somlab list` and `somlab presets`: plain tables (or JSON with --json). */
import { PRESETS } from '../shared/presets';
import type { RunSummary } from '../shared/project';
import { listRuns, openProject } from '../engine/runs';
import type { CliArgs } from './args';

const FINAL_KEYS = ['qe', 'te', 'testAccuracy', 'psnr', 'mse'];

export function formatMetrics(m: Record<string, number>): string {
  const keys = [...FINAL_KEYS.filter((k) => k in m), ...Object.keys(m).filter((k) => !FINAL_KEYS.includes(k))].slice(
    0,
    5,
  );
  return keys.map((k) => `${k}=${fmt(m[k]!)}`).join(' ');
}

const fmt = (v: number): string => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(1) : v.toPrecision(4));

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export async function listCommand(args: CliArgs): Promise<number> {
  await openProject(args.project);
  const runs: RunSummary[] = await listRuns(args.project);
  if (args.json) {
    console.log(JSON.stringify(runs, null, 2));
    return 0;
  }
  if (runs.length === 0) {
    console.log(`no runs in ${args.project}`);
    return 0;
  }
  const rows = [['RUN', 'NAME', 'TAGS', 'STATUS', 'KIND', 'BACKEND', 'STARTED', 'FINAL']];
  for (const r of runs) {
    rows.push([
      r.id,
      r.name ?? r.preset ?? '-',
      r.tags?.join(',') || '-',
      r.status,
      r.kind,
      r.backend ?? '-',
      r.startedAt.replace('T', ' ').slice(0, 19),
      r.error ? `error: ${r.error.slice(0, 60)}` : formatMetrics(r.finalMetrics),
    ]);
  }
  console.log(table(rows));
  return 0;
}

export function presetsCommand(args: CliArgs): number {
  if (args.json) {
    console.log(JSON.stringify(PRESETS, null, 2));
    return 0;
  }
  console.log(table([['PRESET', 'KIND', 'REPRODUCES'], ...PRESETS.map((p) => [p.name, p.spec.kind, p.reproduces])]));
  return 0;
}
