/**
 * The CIFAR-10 presets of reproduce --full run end to end (at --quick size) on a small folder in the binary
 * CIFAR-10 format: 1 label byte + 3 072 pixel bytes per record. The real archive is not available here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cifarPresets } from '../shared/presets-cifar';
import { createProject } from '../engine/runs';
import { reproducePreset } from './reproduce';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function records(n: number, seed: number): Uint8Array {
  const rec = 3073,
    out = new Uint8Array(n * rec);
  for (let i = 0; i < n; i++) {
    out[i * rec] = i % 10;
    // Class-dependent brightness plus a pattern, so the classes differ.
    for (let p = 1; p < rec; p++) out[i * rec + p] = ((i % 10) * 20 + ((p * 7 + seed) % 50)) & 255;
  }
  return out;
}

describe('CIFAR-10 presets (quick, on a synthetic folder)', () => {
  it('every CIFAR preset and variant runs and is saved', { timeout: 600_000 }, async () => {
    const cifar = await mkdtemp(join(tmpdir(), 'somlab-cifar-'));
    const project = await mkdtemp(join(tmpdir(), 'somlab-cifar-p-'));
    dirs.push(cifar, project);
    await writeFile(join(cifar, 'data_batch_1.bin'), records(300, 1));
    await writeFile(join(cifar, 'test_batch.bin'), records(100, 2));
    await createProject(project, 'cifar');
    for (const p of cifarPresets(cifar)) {
      const o = await reproducePreset(p, { project, data: [cifar], quick: true });
      expect(o.runs.map((r) => [p.name, r.label, r.status, r.error])).toEqual(
        o.runs.map((r) => [p.name, r.label, 'finished', undefined]),
      );
    }
  });
});
