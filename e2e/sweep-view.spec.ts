/// <reference lib="dom" />
/**
 * The sweep view: a 4-variant sweep run by `somlab sweep` (the local executor, 2 at once) into the lab's
 * project shows as one sweep with its variants, their σ and final QE, the best marked, a parallel-coordinates
 * chart and a scatter that draw; the best variants open in Compare through its URL.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvasInk, noChromium, ROOT, shot, useLab } from './helpers';

const SWEEP = {
  name: 'σ start',
  base: {
    kind: 'som',
    dataset: { source: 'builtin', name: 'colors', trainLimit: 96, testLimit: 32 },
    epochs: 3,
    batchSize: 32,
    som: { rows: 6, cols: 6, sigma: { start: 2, end: 0.5 } },
  },
  axes: [{ path: 'som.sigma.start', values: [0.6, 1.5, 3, 5] }],
};

describe.skipIf(noChromium)('the sweep view', () => {
  const l = useLab();

  it('lists the variants with σ and QE, marks the best, draws both charts, opens the best in Compare', async () => {
    const { page, project } = l;
    const file = join(project, '..', `sweep-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(SWEEP));
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/somlab.js'), 'sweep', '--sweep', file, '--project', project, '--parallel', '2'],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);

    await page.getByRole('button', { name: 'Sweeps', exact: true }).click();
    const rows = page.locator('section[aria-label="Sweep"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(async () => (await rows.allTextContents()).join('|'), { timeout: 30_000 }).toContain('5');
    const best = page.locator('section[aria-label="Sweep"] tr.best');
    await expect(best.count()).resolves.toBe(1);
    expect(await best.textContent()).toContain('★');
    const header = await page.locator('section[aria-label="Sweep"] thead').textContent();
    expect(header).toContain('sigma.start');
    await page.getByLabel('Metric').selectOption('qe');
    for (const chart of ['Parallel coordinates', 'Scatter']) {
      const canvas = `section[aria-label="${chart}"] canvas`;
      await expect.poll(async () => (await canvasInk(page, canvas)).ink, { timeout: 20_000 }).toBeGreaterThan(2000);
    }
    await shot(page, 'sweep-view');

    await page.getByRole('button', { name: 'Tick best 4' }).click();
    await page.getByRole('link', { name: /Open 4 in Compare/ }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/compare\?runs=([^,]+,){3}[^,]+$/);
  }, 300_000);
});
