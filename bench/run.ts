/**
 * `npm run bench [-- --backend NAME[,NAME]] [--case TEXT] [--reps N] [--quick] [--ref COMMAND]`
 *
 * Samples/s (median of the timed steps after warm-up) and GFLOP/s of every case in bench/cases on every
 * backend that starts here. Each backend runs in its own process: kernel registrations are global, so stock
 * wasm and fixed wasm cannot share one. A case that throws shows the error in its row. `--ref` runs a
 * command printing one JSON object of reference samples/s (e.g. a PyTorch script timing the same steps)
 * right after, and adds the ratio. Prints a table; writes bench/results/<time>.json.
 */
import { execSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCases } from './cases';
import { benchBackend, BENCH_BACKENDS, type Row } from './backend-child';
import { table } from './table';

const { values } = parseArgs({
  options: {
    backend: { type: 'string' },
    case: { type: 'string' },
    reps: { type: 'string' },
    quick: { type: 'boolean', default: false },
    ref: { type: 'string' },
    child: { type: 'string' },
  },
});

const reps = Number(values.reps ?? (values.quick ? 5 : 15));
const warm = values.quick ? 1 : 3;
const ALL = await loadCases();
const cases = ALL.filter((c) => !values.case || values.case.split(',').some((t) => c.name.includes(t.trim())));
if (cases.length === 0) {
  console.error(
    `bench: --case "${values.case}" matches no case name; the cases are: ${ALL.map((c) => `"${c.name}"`).join(', ')}`,
  );
  process.exit(2);
}

function runChild(backend: string): Promise<Row[]> {
  return new Promise((resolve) => {
    const args = [
      '--child',
      backend,
      '--reps',
      String(reps),
      ...(values.case ? ['--case', values.case] : []),
      ...(values.quick ? ['--quick'] : []),
    ];
    const p = fork(fileURLToPath(import.meta.url), args, {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let rows: Row[] | null = null,
      stderr = '';
    p.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    p.on('message', (m) => {
      rows = m as Row[];
    });
    p.on('exit', (code) => {
      const last =
        stderr
          .trim()
          .split('\n')
          .filter((l) => /error/i.test(l))
          .pop() ?? '';
      resolve(
        rows ?? [{ backend, case: '*', note: `the benchmark process died (exit ${code}) ${last.slice(0, 120)}` }],
      );
    });
  });
}

function reference(cmd: string): Record<string, number> {
  const out = execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const line = out
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'));
  if (!line) throw new Error(`--ref: "${cmd}" printed no JSON object; it printed: ${out.slice(0, 200)}`);
  return JSON.parse(line) as Record<string, number>;
}

async function main(): Promise<void> {
  if (values.child) {
    process.send!(await benchBackend(values.child, cases, reps, warm));
    return;
  }
  const names = (values.backend ?? BENCH_BACKENDS.join(','))
    .split(',')
    .map((b) => (b.trim() === 'wasm' ? 'wasm-fixed' : b.trim()));
  const rows: Row[] = [];
  for (const b of names) {
    console.error(`bench: ${b}…`);
    rows.push(...(await runChild(b)));
  }
  const ref = values.ref ? reference(values.ref) : undefined;
  if (ref) {
    for (const r of rows) {
      const c = cases.find((x) => x.name === r.case);
      const v = c?.ref ? ref[c.ref] : undefined;
      if (v && r.samplesPerSec) r.vsRef = r.samplesPerSec / v;
    }
  }
  const order = (r: Row) => cases.findIndex((c) => c.name === r.case);
  rows.sort((a, b) => order(a) - order(b));
  console.log(table(rows, ref));
  // What a "step" is matters for GPU backends, where a read-back is a synchronisation.
  console.log(
    [
      '',
      'kernels / reads: what one step dispatched through the engine and read back to the host (a step after warm-up).',
      'Each timed step is followed by a sync that reads one weight (not counted); ' +
        'the raw-op SOM step reads its mean QE',
      'inside the step, as a PyTorch reference step does.',
    ].join('\n'),
  );
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { node: process.version, date: new Date().toISOString(), reps, warm, reference: ref, rows },
      null,
      2,
    ),
  );
  console.log(`\nwritten to ${file}`);
}

void main();
