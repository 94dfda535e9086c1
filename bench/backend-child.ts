/** One backend's part of the bench, run in its own process: start the backend, time every case on it. */
import type { StepCounts } from '../src/engine/backend/counters';
import type { BenchCase } from './cases/types';

export const BENCH_BACKENDS = ['wasm-fixed', 'wasm-stock', 'cpu', 'tensorflow', 'webgpu', 'tensorflow-gpu'];

export interface Row {
  backend: string;
  case: string;
  device?: string;
  samplesPerSec?: number;
  msPerStep?: number;
  /**
   * CPU time of the whole process (every thread) per timed step: on a loaded machine wall time says little
   * about what a split costs, while CPU ms/step × workers ÷ the one-thread figure does.
   */
  cpuMsPerStep?: number;
  gflops?: number;
  /** Worker threads the case trained on. */
  workers?: number;
  /** What one step dispatched and read back (counted on a step after warm-up; `sync` not included). */
  counts?: StepCounts;
  /** samples/s ÷ the reference's samples/s for the same workload (with --ref). */
  vsRef?: number;
  /** tfjs-core and backend package versions. */
  versions?: Record<string, string>;
  note?: string;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

/** Starts `name`; returns the device words. wasm-stock is wasm as tfjs ships it (no SOM Lab fixes). */
async function start(name: string): Promise<{ device: string; versions: Record<string, string> }> {
  // tfjs-core registers no gradients by itself in Node; tfjs-layers' bundle registers all of them.
  await import('@tensorflow/tfjs-layers');
  const { pickBackend, backendVersions } = await import('../src/engine/backend/pick');
  if (name === 'wasm-stock') {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
    return { device: 'wasm as shipped by tfjs (no fixes)', versions: backendVersions('wasm') };
  }
  const report = await pickBackend((name === 'wasm-fixed' ? 'wasm' : name) as 'wasm');
  return { device: report.device, versions: backendVersions(report.name) };
}

/** Warm-up, one counted step, then the median of `reps` timed steps (each followed by its sync). */
async function measure(
  c: BenchCase,
  reps: number,
  warm: number,
): Promise<{ ms: number; cpuMs: number; counts: StepCounts }> {
  const tf = await import('@tensorflow/tfjs-core');
  const { countStep } = await import('../src/engine/backend/counters');
  const w = await c.setup(tf);
  try {
    for (let i = 0; i < warm; i++) {
      await w.step();
      await w.sync?.();
    }
    const { counts } = await countStep(() => w.step());
    await w.sync?.();
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await w.step();
      await w.sync?.();
      times.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)]!, cpuMs: (cpu.user + cpu.system) / 1000 / reps, counts };
  } finally {
    w.dispose();
  }
}

export async function benchBackend(name: string, cases: BenchCase[], reps: number, warm: number): Promise<Row[]> {
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start(name);
  } catch (e) {
    // One row for the whole backend; the picker's "backend X (the spec asked for it) cannot run:" is noise here.
    return [{ backend: name, case: '*', note: firstLine(e).replace(/^backend \S+ \(.*?\) cannot run: /, '') }];
  }
  const rows: Row[] = [];
  for (const c of cases) {
    if (name === 'cpu' && !c.cpuOk) {
      rows.push({ backend: name, case: c.name, note: 'skipped: too slow on the pure-JS cpu backend' });
      continue;
    }
    try {
      const { ms, cpuMs, counts } = await measure(c, reps, warm);
      const sps = c.batch / (ms / 1000);
      rows.push({
        backend: name,
        case: c.name,
        device: started.device,
        workers: c.workers ?? 1,
        counts,
        samplesPerSec: sps,
        msPerStep: ms,
        cpuMsPerStep: cpuMs,
        gflops: (sps * c.flopsPerSample) / 1e9,
        versions: started.versions,
      });
    } catch (e) {
      rows.push({ backend: name, case: c.name, device: started.device, note: `throws: ${firstLine(e).slice(0, 110)}` });
    }
  }
  return rows;
}
