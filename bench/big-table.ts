/**
 * `npm run bench:big-table [-- --rows N] [--dir DIR] [--before]`: a 2,000,000 × 64 CSV (generated once by
 * make-big-csv.ts into DIR, default under /tmp, never in the repository) trained for one epoch on a 30×30
 * batch SOM, through the dataset cache: a first run (conversion + epoch + full-data QE/TE) on a fresh project
 * and a second run reusing the cache, each in its own process, with its peak RSS. `--before` first times the
 * in-memory path (no cache) on the same table. Each run's JSON line goes to stdout, then a summary table.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { BIG_DIR, makeBigCsv } from './make-big-csv';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, dir: { type: 'string' }, before: { type: 'boolean', default: false } },
});
const rows = Number(values.rows ?? 2_000_000);
const dir = values.dir ?? (rows === 2_000_000 ? BIG_DIR : `${BIG_DIR}-${rows}`);
const t = performance.now();
await makeBigCsv(dir, rows, 64);
console.log(`table ${dir}/train.csv ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const project = `${dir}-project`;
rmSync(project, { recursive: true, force: true });

interface Result {
  loadS: number;
  epochS: number;
  evalS: number;
  totalS: number;
  peakRssMB: number;
  workers: string;
}
const table: string[] = [];
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function run(label: string, extra: string[] = []): void {
  const before = load();
  const args = ['--import', 'tsx', 'bench/big-table-child.ts', '--data', dir, '--project', project, ...extra];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.trim().split('\n').pop()!;
  console.log(`${label}: ${line}`);
  const r = JSON.parse(line) as Result;
  const f = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–').padStart(7);
  table.push(
    `${label.padEnd(34)}${f(r.totalS)}${f(r.loadS)}${f(r.epochS)}${f(r.evalS)}${String(r.peakRssMB).padStart(9)}` +
      `   ${r.workers.padEnd(8)}${before} → ${load()}`,
  );
}

if (values.before) run('before (in memory, no cache)', ['--before']);
run('first run (conversion + epoch)');
run('cached run');
console.log(`\n${rows} rows × 64, 30×30 SOM, 1 epoch, batch 4096`);
console.log(`${'run'.padEnd(34)}  total   load  epoch QE/TE  peak MB   workers load average (before → after)`);
for (const l of table) console.log(l);
