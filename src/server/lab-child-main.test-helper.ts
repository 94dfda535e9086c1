/**
 * A lab server in its own process for the reliability tests (lab-child.test-helper.ts starts it), so a test can
 * see it die and read its memory. It answers IPC: `flood` emits a synthetic stream of run events (big
 * SOM snapshots, winners and numbered metric rows) through the real fan-out; `stats` reports memory.
 */
import { EVENTS_VERSION, type RunEventOf } from '../shared/events';
import { LabHost, type LabHostOptions } from '../host/lab-host';
import { startLabServer, type LabServerOptions } from './lab-server';

export interface FloodOrder {
  /** Snapshot events to emit, one per tick. */
  ticks: number;
  tickMs: number;
  /** Floats in each snapshot's codebook (4 bytes each, base64 on the wire). */
  snapshotFloats: number;
  /** Metric rows per tick, numbered from 0 across the whole flood. */
  rowsPerTick: number;
}

export interface ChildStats {
  tabs: number;
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

class FloodHost extends LabHost {
  flood(o: FloodOrder): Promise<void> {
    let tick = 0;
    return new Promise((done) => {
      const timer = setInterval(() => {
        const base = { v: EVENTS_VERSION, runId: 'flood-run' } as const;
        const step = tick;
        const rows = Array.from({ length: o.rowsPerTick }, (_, i) => ({
          step: step * o.rowsPerTick + i,
          epoch: 0,
          t: 0,
        }));
        this.emit({ ...base, type: 'metrics', rows });
        this.emit({ ...base, type: 'som-snapshot', snapshot: snapshot(step, o.snapshotFloats) });
        this.emit({ ...base, type: 'winners', step, layer: 'som', winners: new Int32Array(512).fill(step) });
        if (++tick >= o.ticks) {
          clearInterval(timer);
          done();
        }
      }, o.tickMs);
    });
  }
}

function snapshot(step: number, floats: number): RunEventOf<'som-snapshot'>['snapshot'] {
  const n = 256;
  return {
    step,
    layer: 'som',
    rows: 16,
    cols: 16,
    topology: 'rect',
    shape: [floats / n],
    codebook: new Float32Array(floats).fill(step),
    hits: new Float32Array(n),
    umatrix: new Float32Array(n),
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as LabServerOptions & Pick<LabHostOptions, 'projectRoots'>;
const host = new FloodHost({ dataRoots: options.dataRoots, projectRoots: options.projectRoots ?? [] });
const lab = await startLabServer({ ...options, lab: host });
const stats = (): ChildStats => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { tabs: lab.tabs(), rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
};
process.on('message', (m: { id: number; order: 'flood' | 'stats'; flood?: FloodOrder }) => {
  const answer = (body: unknown): boolean => process.send!({ id: m.id, body });
  if (m.order === 'flood') void host.flood(m.flood!).then(() => answer(stats()));
  else answer(stats());
});
process.send!({ ready: { url: lab.url, token: lab.token } });
