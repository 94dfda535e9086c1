import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../shared/run-types';
import { mulberry32 } from '../../shared/random';
import { COLOURS_SPEC, newProject, useTempDirs } from './runs.test-helper';
import { createRun } from './run-store';
import { envelopeRows, readMetricsView, WINDOW_BUCKETS } from './metrics-envelope';

const tempDir = useTempDirs();

function rows(n: number): MetricRow[] {
  const rand = mulberry32(4);
  return Array.from({ length: n }, (_, s) => ({
    step: s,
    epoch: Math.floor(s / 100),
    t: s * 3,
    loss: s === 4321 ? 50 : 1 + rand(),
    ...(s % 100 === 99 ? { testAccuracy: s === 2999 ? 0.01 : 0.9 + rand() / 20 } : {}),
  }));
}

describe('metrics envelope', () => {
  it("keeps every bucket's min and max of every metric, the first and last rows, in order", () => {
    const all = rows(10_000);
    const env = envelopeRows(all, 100);
    expect(env.length).toBeLessThan(500);
    expect(env[0]).toBe(all[0]);
    expect(env.at(-1)).toBe(all.at(-1));
    expect(env.find((r) => r.loss === 50)?.step).toBe(4321);
    expect(env.find((r) => r.testAccuracy === 0.01)?.step).toBe(2999);
    // Per bucket of 100 rows (one held-out row each), the envelope's min/max equal the full data's.
    for (let b = 0; b < 100; b++) {
      const inB = (r: MetricRow) => r.step >= b * 100 && r.step < (b + 1) * 100;
      const full = all.filter(inB).map((r) => r.loss!),
        kept = env.filter(inB).map((r) => r.loss!);
      expect([Math.min(...kept), Math.max(...kept)]).toEqual([Math.min(...full), Math.max(...full)]);
    }
    expect(env.filter((r) => 'testAccuracy' in r)).toHaveLength(100); // rare metrics: every row kept
    const steps = env.map((r) => r.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(envelopeRows(all.slice(0, 150), 100)).toEqual(all.slice(0, 150));
  });

  it('caches the envelope beside the metrics and rebuilds it when the file changes', async () => {
    const dir = await tempDir();
    const file = join(dir, 'metrics.ndjson');
    const all = rows(5000);
    await writeFile(file, all.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const first = await readMetricsView(file, 50);
    expect(first.total).toBe(5000);
    const cache = JSON.parse(await readFile(join(dir, 'metrics.envelope.json'), 'utf8'));
    expect(cache).toMatchObject({ size: (await stat(file)).size, total: 5000, buckets: 50 });
    expect(await readMetricsView(file, 50)).toEqual(first);
    await writeFile(
      file,
      all
        .slice(0, 4000)
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    expect((await readMetricsView(file, 50)).total).toBe(4000);
    await writeFile(join(dir, 'metrics.envelope.json'), '{ not json');
    expect((await readMetricsView(file, 50)).total).toBe(4000);
    expect(await readMetricsView(join(dir, 'missing.ndjson'))).toEqual({ rows: [], total: 0 });
  });

  it("is made as a long run ends, so its first open reads the envelope; a short run's is not needed", async () => {
    const project = await newProject(tempDir);
    const long = await createRun(project, COLOURS_SPEC, { id: 'long', heartbeatMs: 0 });
    await long.appendMetrics(rows(3 * WINDOW_BUCKETS));
    await long.finish('finished', {});
    const cache = JSON.parse(await readFile(join(long.dir, 'metrics.envelope.json'), 'utf8'));
    expect(cache).toMatchObject({ size: (await stat(long.files.metrics)).size, total: 3000, buckets: WINDOW_BUCKETS });
    const short = await createRun(project, COLOURS_SPEC, { id: 'short', heartbeatMs: 0 });
    await short.appendMetrics(rows(10));
    await short.finish('finished', {});
    await expect(stat(join(short.dir, 'metrics.envelope.json'))).rejects.toThrow(/ENOENT/);
  });
});
