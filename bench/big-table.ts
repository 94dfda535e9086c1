/**
 * `npm run bench:big-table [-- --rows N] [--before]`: a 2,000,000 × 64 CSV (generated once under /tmp by
 * make-big-csv.ts, never in the repository) trained for one epoch on a 30×30 batch SOM, through the
 * dataset cache: a first run (conversion + epoch + full-data QE/TE) on a fresh project and a second run
 * reusing the cache, each in its own process, with its peak RSS. `--before` first times the in-memory
 * path (no cache) on the same table. Each run's JSON line goes to stdout.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BIG_DIR, makeBigCsv } from './make-big-csv';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, before: { type: 'boolean', default: false } },
});
const rows = Number(values.rows ?? 2_000_000);
const dir = rows === 2_000_000 ? BIG_DIR : `${BIG_DIR}-${rows}`;
const t = performance.now();
await makeBigCsv(dir, rows, 64);
console.log(`table ${dir}/train.csv ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const project = `${dir}-project`;
rmSync(project, { recursive: true, force: true });

function run(label: string, extra: string[] = []): void {
  const args = ['--import', 'tsx', 'bench/big-table-child.ts', '--data', dir, '--project', project, ...extra];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  console.log(`${label}: ${out.trim().split('\n').pop()}`);
}

if (values.before) run('before (in memory, no cache)', ['--before']);
run('first run (conversion + epoch)');
run('cached run');
