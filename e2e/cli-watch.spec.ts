/// <reference lib="dom" />
/**
 * The lab watches its project: with the page open, a run started from the command line (`somlab run`, a
 * separate process, as a Slurm node would be) appears in the run list while it runs, its progress moves as
 * its metrics are written, its map streams in the Live view, and it ends finished with its final QE.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canvasInk, noChromium, ROOT, shot, useLab } from './helpers';

describe.skipIf(noChromium)('runs started by another process', () => {
  const l = useLab();
  let cli: ChildProcess | undefined;
  afterAll(() => {
    cli?.kill();
  });

  it('a CLI run appears in the open page, streams live, and finishes', async () => {
    const { page, project } = l;
    await page.getByText('No runs in this project yet').waitFor({ timeout: 30_000 });
    let out = '';
    // All 40 epochs (~25 s here, longer on a loaded machine): with fewer, the run could end between opening it and
    // the first changed frame, and the map would rightly stop changing (a CI run failed that way with 6 epochs).
    cli = spawn(
      process.execPath,
      [join(ROOT, 'bin/somlab.js'), 'run', '--preset', 'seed004-colors', '--project', project],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cli.stdout!.on('data', (d) => (out += d));
    cli.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<number>((r) => cli!.once('exit', (code) => r(code ?? 1)));

    const row = page.locator('section[aria-label="Runs"] tbody tr').first();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 60_000 }).toContain('running');
    // The progress cell moves as rows are appended to metrics.ndjson by the other process.
    const progress = row.getByTestId('run-progress');
    await progress.waitFor({ timeout: 60_000 });
    const stepOf = async (): Promise<number> =>
      Number(/^(\d+)\//.exec((await progress.textContent()) ?? '')?.[1] ?? -1);
    const first = await stepOf();
    await expect.poll(stepOf, { timeout: 60_000 }).toBeGreaterThan(first);
    await shot(page, 'cli-run-in-list');

    await row.getByRole('button', { name: 'Open' }).click();
    const grid = 'section.grid-panel canvas';
    await page.waitForSelector(grid, { state: 'visible', timeout: 60_000 });
    await expect.poll(async () => (await canvasInk(page, grid)).ink, { timeout: 30_000 }).toBeGreaterThan(1000);
    const header = page.locator('section[aria-label="Run"]');
    const before = (await canvasInk(page, grid)).hash;
    // The map keeps changing while the CLI trains: snapshots stream from its run folder.
    await expect.poll(async () => (await canvasInk(page, grid)).hash, { timeout: 60_000 }).not.toBe(before);
    await shot(page, 'cli-run-live');

    expect(await exited, out).toBe(0);
    await expect.poll(async () => (await header.textContent()) ?? '', { timeout: 30_000 }).toContain('finished');
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toContain('finished');
    expect(await row.locator('td.num').first().textContent()).toMatch(/\d/);
  }, 300_000);
});
