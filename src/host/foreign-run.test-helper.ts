/**
 * A second process that writes a run into a project the way a trainer elsewhere would (the CLI, a Slurm
 * node), one step per message from the test, answering `done` after each so the test knows it is on disk.
 * Forked by project-watch.test.ts with tsx.
 */
import { appendFile } from 'node:fs/promises';
import type { MetricRow } from '../shared/run-types';
import { createRun, type RunHandle } from '../engine/runs';

export type WriterStep =
  | { do: 'create'; project: string; spec: unknown; id: string }
  | { do: 'backend' }
  | { do: 'metrics'; rows: MetricRow[] }
  /** Raw text appended to metrics.ndjson (half a line, as a writer caught mid-write leaves it). */
  | { do: 'raw'; text: string }
  | { do: 'snapshot'; step: number }
  | { do: 'finish'; finalMetrics: Record<string, number> };

let run: RunHandle | null = null;

async function perform(s: WriterStep): Promise<void> {
  if (s.do === 'create') run = await createRun(s.project, s.spec, { id: s.id, heartbeatMs: 200 });
  else if (!run) throw new Error('create the run first');
  else if (s.do === 'backend') await run.update({ backend: 'cpu', device: 'test cpu', totalSteps: 6 });
  else if (s.do === 'metrics') await run.appendMetrics(s.rows);
  else if (s.do === 'raw') await appendFile(run.files.metrics, s.text);
  else if (s.do === 'snapshot') {
    const n = 6;
    await run.writeSnapshot({
      step: s.step,
      layer: 'som',
      rows: 2,
      cols: 3,
      topology: 'rect',
      shape: [3],
      codebook: Float32Array.from({ length: n * 3 }, (_, i) => i / 10 + s.step),
      hits: new Float32Array(n).fill(1),
      umatrix: new Float32Array(n).fill(0.5),
    });
  } else await run.finish('finished', s.finalMetrics);
}

process.on('message', (s: WriterStep) => {
  perform(s).then(
    () => process.send!({ done: s.do }),
    (e: Error) => process.send!({ error: e.message }),
  );
});
