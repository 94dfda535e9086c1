/**
 * `npm run bench [-- --backend NAME] [--case TEXT] [--reps N] [--quick]`: samples/s and GFLOP/s of the SOM
 * step, the MLP, the LeNet CNN and their SOM-masked twins on every backend that starts here. Each backend
 * runs in its own process (kernel registrations are global: stock wasm and fixed wasm cannot share one).
 * Median of the timed reps after warm-up. Prints a table and writes bench/results/<time>.json.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cnn, mlp, somMaskCnn, somMaskMlp } from './cases/nets';
import { somStep } from './cases/som-step';
import type { BenchCase } from './cases/types';

const CASES: BenchCase[] = [somStep, mlp, somMaskMlp, cnn, somMaskCnn];
const BACKENDS = ['wasm', 'wasm-stock', 'cpu', 'tensorflow', 'webgpu', 'tensorflow-gpu'];
const SLOW_ON_CPU = 'the pure-JS cpu backend is too slow for this case (tiny shapes only)';

interface Row { backend: string; case: string; samplesPerSec?: number; gflops?: number; note?: string }

const { values } = parseArgs({ options: {
  backend: { type: 'string' }, case: { type: 'string' }, reps: { type: 'string' }, quick: { type: 'boolean', default: false },
  'only-backend': { type: 'string' },
} });

async function initBackend(name: string): Promise<string> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-layers'); // registers gradients
  if (name === 'wasm' || name === 'wasm-stock') {
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    await tf.ready();
    if (name === 'wasm') (await import('../src/engine/backend/wasm-fixes')).installWasmFixes();
    return name === 'wasm' ? 'wasm + SOM Lab kernel fixes' : 'wasm as shipped by tfjs 4.22';
  }
  const { pickBackend } = await import('../src/engine/backend/pick');
  return (await pickBackend(name as 'cpu')).device;
}

async function measure(c: BenchCase, reps: number, warm: number): Promise<number> {
  const tf = await import('@tensorflow/tfjs-core');
  const w = await c.setup(tf);
  try {
    for (let i = 0; i < warm; i++) await w.step();
    const times: number[] = [];
    for (let i = 0; i < reps; i++) { const t = performance.now(); await w.step(); times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    return c.batch / (times[Math.floor(times.length / 2)]! / 1000);
  } finally { w.dispose(); }
}

async function child(backend: string): Promise<void> {
  const rows: Row[] = [];
  let device: string;
  try { device = await initBackend(backend); } catch (e) {
    for (const c of CASES) rows.push({ backend, case: c.name, note: `skipped: ${(e as Error).message.split('\n')[0]}` });
    process.send!(rows);
    return;
  }
  const reps = Number(values.reps ?? (values.quick ? 3 : 15)), warm = values.quick ? 1 : 3;
  for (const c of CASES.filter((x) => !values.case || x.name.includes(values.case))) {
    if (backend === 'cpu' && c !== somStep) { rows.push({ backend, case: c.name, note: `skipped: ${SLOW_ON_CPU}` }); continue; }
    try {
      const sps = await measure(c, backend === 'cpu' ? Math.min(reps, 3) : reps, warm);
      rows.push({ backend: `${backend}`, case: c.name, samplesPerSec: sps, gflops: (sps * c.flopsPerSample) / 1e9, note: device });
    } catch (e) {
      rows.push({ backend, case: c.name, note: `throws: ${(e as Error).message.split('\n')[0]!.slice(0, 90)}` });
    }
  }
  process.send!(rows);
}

function runChild(backend: string): Promise<Row[]> {
  return new Promise((resolve) => {
    const args = ['--only-backend', backend, ...(values.case ? ['--case', values.case] : []), ...(values.reps ? ['--reps', values.reps] : []), ...(values.quick ? ['--quick'] : [])];
    const p = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let rows: Row[] = [{ backend, case: '*', note: 'the benchmark process died' }];
    p.on('message', (m) => { rows = m as Row[]; });
    p.on('exit', () => resolve(rows));
  });
}

function table(rows: Row[]): string {
  const cells = [['case', 'backend', 'samples/s', 'GFLOP/s', 'note'], ...rows.map((r) => [r.case, r.backend, r.samplesPerSec ? r.samplesPerSec.toFixed(0) : '-', r.gflops ? r.gflops.toFixed(2) : '-', r.note ?? ''])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  if (values['only-backend']) return child(values['only-backend']);
  const backends = values.backend ? [values.backend] : BACKENDS;
  const rows: Row[] = [];
  for (const b of backends) { console.error(`bench: ${b}…`); rows.push(...(await runChild(b))); }
  rows.sort((a, b) => a.case.localeCompare(b.case));
  console.log(table(rows));
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2));
  console.log(`\nwritten to ${file}`);
}

void main();
