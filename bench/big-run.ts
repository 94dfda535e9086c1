/**
 * `npm run bench:big-run`: a run with 1,000,000 metric rows and 500 snapshots (bench/big-run-fixture.ts,
 * under /tmp) opened as the app opens it — runs:get on the engine's reader, the answer encoded as the lab
 * server sends it, folded into the renderer's series and turned into chart options — and scrubbed: one
 * runs:snapshot per frame at a random saved step. Targets (issue 11): open < 2 s, scrub ≥ 30 frames/s.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRun, readSnapshot } from '../src/engine/runs';
import { WINDOW_READ } from '../src/host/lab-host';
import { decodeMessage } from '../src/shared/wire-frame';
import { encodeWireBuffer, isBinaryPayload } from '../src/server/wire-buffer';
import { runFromDetail } from '../src/renderer/src/run/live-fold';
import { chartsFor, linesFor } from '../src/renderer/src/chart/metric-groups';
import { chartOption } from '../src/renderer/src/chart/echarts';
import { mulberry32 } from '../src/shared/random';
import { BIG, bigRunProject } from './big-run-fixture';
import { prepareMetricsView } from '../src/engine/runs/metrics-envelope';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: number): number => performance.now() - t0;

const t0 = performance.now();
const project = await bigRunProject();
console.log(`fixture ready in ${(ms(t0) / 1000).toFixed(1)} s: ${project}/runs/${BIG.runId}`);

async function openOnce(): Promise<Record<string, number>> {
  const t = performance.now();
  const detail = await readRun(project, BIG.runId, WINDOW_READ);
  const read = ms(t);
  const t1 = performance.now();
  // What the lab server sends and the page decodes (the WebSocket itself is loopback: not timed).
  const buf = encodeWireBuffer({ id: 1, ok: true, result: detail });
  decodeMessage(buf, isBinaryPayload(buf));
  const bytes = buf.byteLength;
  const encode = ms(t1);
  const t2 = performance.now();
  const run = runFromDetail(detail);
  const charts = chartsFor(run.spec!.kind, run.series.keys());
  const options = charts.map((c) => chartOption(linesFor(run.series, c.match), { percent: c.percent, smoothing: 0.6 }));
  const fold = ms(t2);
  const spike = Math.max(...[...run.series.get('qe')!.points()].map((p) => p[1]));
  return {
    read,
    encode,
    fold,
    total: ms(t),
    rows: detail.metrics.length,
    mb: bytes / 1e6,
    charts: options.length,
    spike,
  };
}

// A run written without its envelope (an older SOM Lab, a copied folder): the first open reads every row.
const envelope = join(project, 'runs', BIG.runId, 'metrics.envelope.json');
await rm(envelope, { force: true });
const cold = await openOnce();
console.log(`cold open (no envelope cache yet): ${cold.total!.toFixed(0)} ms (read ${cold.read!.toFixed(0)} ms)`);
// A run the trainer finished: it made the envelope as the run ended (RunHandle.end), so even its first open reads it.
await rm(envelope, { force: true });
const tEnd = performance.now();
await prepareMetricsView(join(project, 'runs', BIG.runId, 'metrics.ndjson'));
console.log(`envelope made at the run's end (the trainer's cost): ${ms(tEnd).toFixed(0)} ms`);
const firstAfterEnd = await openOnce();
console.log(`first open of a run the trainer finished: ${firstAfterEnd.total!.toFixed(0)} ms`);
const opens: Record<string, number>[] = [];
for (let i = 0; i < 3; i++) opens.push(await openOnce());
const open = Object.fromEntries(Object.keys(opens[0]!).map((k) => [k, median(opens.map((o) => o[k]!))]));

const detail = await readRun(project, BIG.runId, WINDOW_READ);
const steps = detail.snapshotSteps;
const rand = mulberry32(3);
const frames: number[] = [];
for (let i = 0; i < 120; i++) {
  const step = steps[Math.floor(rand() * steps.length)]!;
  const t = performance.now();
  const snap = await readSnapshot(project, BIG.runId, step);
  const frame = encodeWireBuffer({ id: 2, ok: true, result: snap });
  decodeMessage(frame, isBinaryPayload(frame));
  frames.push(ms(t));
}
const frame = median(frames);
const result = {
  cold_open_ms: Number(cold.total!.toFixed(0)),
  open_ms: Number(open.total!.toFixed(0)),
  open_read_ms: Number(open.read!.toFixed(0)),
  open_wire_ms: Number(open.encode!.toFixed(0)),
  open_fold_and_options_ms: Number(open.fold!.toFixed(0)),
  rows_on_disk: BIG.rows,
  rows_sent: open.rows,
  answer_mb: Number(open.mb!.toFixed(2)),
  spike_kept: open.spike === 3.5,
  snapshots: steps.length,
  scrub_frame_ms_median: Number(frame.toFixed(2)),
  scrub_frame_ms_p90: Number([...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.9)]!.toFixed(2)),
  scrub_fps: Number((1000 / frame).toFixed(0)),
};
console.table(result);
const ok = result.open_ms < 2000 && result.scrub_fps >= 30 && result.spike_kept;
console.log(ok ? 'big-run: meets open < 2 s, scrub ≥ 30 fps' : 'big-run: MISSES its targets');
process.exitCode = ok ? 0 : 1;
