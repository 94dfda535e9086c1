/// <reference lib="dom" />
/**
 * `node --import tsx bench/ui-overhead.ts`: the same seed004-colors run headless (a trainer process, no UI)
 * and through the lab server with Chromium attached to the live view. Prints samples/s of both and the
 * ratio (the lab should keep ≥ 0.95 of headless throughput). Needs /usr/bin/chromium.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPreset } from '../src/shared/presets';
import { parseSpec } from '../src/shared/validate';
import { createProject } from '../src/engine/runs';
import { launchTrainer } from '../src/host/launch-trainer';
import { closeLab, openLab } from '../e2e/helpers';

const spec = parseSpec({ ...findPreset('seed004-colors').spec, preset: 'seed004-colors' });

/** Samples per second of a finished run, from its metrics rows (training time only, after set-up). */
async function rate(project: string, id: string): Promise<number> {
  const rows = (await readFile(join(project, 'runs', id, 'metrics.ndjson'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { step: number; t: number });
  const last = rows.reduce((a, r) => (r.step > a.step ? r : a));
  return ((last.step + 1) * spec.batchSize) / (last.t / 1000);
}

async function headless(): Promise<number> {
  const project = await mkdtemp(join(tmpdir(), 'somlab-overhead-'));
  await createProject(project, 'overhead');
  const h = launchTrainer({ spec, projectDir: project, dataRoots: [], unrestricted: true, onEvent: () => undefined });
  await h.exited;
  return rate(project, h.runId);
}

async function withUi(): Promise<number> {
  const l = await openLab();
  try {
    await l.page.getByRole('button', { name: 'Start RGB colours on a 20×20 map' }).click();
    await l.page.waitForFunction(
      () => /finished/.test(document.querySelector('section[aria-label="Run"]')?.textContent ?? ''),
      null,
      { timeout: 300_000 },
    );
    const [run] = await l.lab.host.calls['runs:list']();
    return rate(l.project, run!.id);
  } finally {
    await closeLab(l);
  }
}

const a = await headless(),
  b = await withUi(),
  a2 = await headless();
const base = (a + a2) / 2;
console.log(
  `headless: ${a.toFixed(0)} and ${a2.toFixed(0)} samples/s; ` +
    `with Chromium watching: ${b.toFixed(0)} samples/s; ratio ${(b / base).toFixed(3)}`,
);
