/// <reference lib="dom" />
/**
 * The whole app in Chromium against the lab server and the real engine: start seed004-colors from the
 * gallery, watch the grid fill and change, scrub the winner trace, stop, reload, find it stopped, reopen.
 */
import { describe, expect, it } from 'vitest';
import { canvasInk, noChromium, shot, useLab } from './helpers';

describe.skipIf(noChromium)('lab in the browser', () => {
  const l = useLab();

  it('trains seed004-colors live: the grid fills, changes, the trace scrubs; stop, reload, reopen', async () => {
    const { page } = l;
    await page.getByRole('button', { name: 'Start RGB colours on a 20×20 map' }).click();
    const grid = 'section.grid-panel canvas';
    await page.waitForSelector(grid, { state: 'visible', timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('section[aria-label="Run"]')?.textContent?.includes('running'),
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1500);
    const first = await canvasInk(page, grid);
    expect(first.ink).toBeGreaterThan(1000);
    await page.waitForTimeout(3000);
    const later = await canvasInk(page, grid);
    expect(later.ink).toBeGreaterThan(1000);
    expect(later.hash).not.toBe(first.hash);
    await shot(page, 'live-colours');

    const scrub = page.locator('#trace-scrub');
    await page.waitForFunction(
      () => Number((document.querySelector('#trace-scrub') as HTMLInputElement | null)?.max ?? 0) >= 2,
      null,
      { timeout: 30_000 },
    );
    const before = await scrub.getAttribute('aria-valuetext');
    await scrub.focus();
    await scrub.press('Home');
    await expect.poll(() => scrub.getAttribute('aria-valuetext')).not.toBe(before);

    await page.getByRole('button', { name: 'Stop' }).click();
    await page.waitForFunction(
      () => /stopped|finished/.test(document.querySelector('section[aria-label="Run"]')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );

    await page.reload();
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const row = page.locator('section[aria-label="Runs"] tbody tr').first();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000 }).toMatch(/stopped|finished/);
    await shot(page, 'runs');
    await row.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector(grid, { state: 'visible', timeout: 30_000 });
    await expect.poll(async () => (await canvasInk(page, grid)).ink, { timeout: 20_000 }).toBeGreaterThan(1000);
    await shot(page, 'reopened');
  }, 240_000);

  it('shows the field error of an invalid spec', async () => {
    const { page } = l;
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.getByRole('button', { name: 'Edit RGB colours on a 20×20 map in the form' }).click();
    const rows = page.locator('#f-som-rows');
    await rows.fill('0');
    await rows.press('Tab');
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect
      .poll(async () => (await page.locator('#f-som-rows-msg').textContent()) ?? '')
      .toMatch(/>=\s*1|too small/i);
    await shot(page, 'form-error');
  }, 60_000);

  it('shows the loader error for a bad dataset folder', async () => {
    const { page, dataRoot } = l;
    const { mkdir, writeFile } = await import('node:fs/promises');
    const bad = `${dataRoot}/notes`;
    await mkdir(bad, { recursive: true });
    await writeFile(`${bad}/readme.txt`, 'just some notes and no data');
    await page.locator('input[name="ds-source"][value="folder"]').check();
    const path = page.locator('#f-dataset-path');
    await path.fill(bad);
    await path.press('Tab');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(
        async () =>
          (await page.locator('section[aria-label="New run"] p.error[role="alert"]').first().textContent()) ?? '',
        { timeout: 20_000 },
      )
      .toMatch(/notes.*holds no dataset SOM Lab recognises/);
    await shot(page, 'dataset-error');
  }, 60_000);

  it('a trainer killed mid-run leaves the run readable and shown as interrupted', async () => {
    const { page, lab, project } = l;
    const { readFile } = await import('node:fs/promises');
    const id = await lab.host.calls['runs:start']({
      kind: 'som',
      dataset: { source: 'builtin', name: 'colors' },
      epochs: 500,
      som: { rows: 10, cols: 10, sigma: { start: 4, end: 1 } },
    });
    const runJson = `${project}/runs/${id}/run.json`;
    let pid = 0;
    await expect
      .poll(
        async () => {
          pid = JSON.parse(await readFile(runJson, 'utf8')).pid ?? 0;
          return pid;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    // Killed once metrics are on disk (not after a fixed delay, which a loaded machine can outlast).
    const metricsFile = `${project}/runs/${id}/metrics.ndjson`;
    await expect
      .poll(async () => (await readFile(metricsFile, 'utf8').catch(() => '')).trim().length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await expect
      .poll(async () => JSON.parse(await readFile(runJson, 'utf8')).status, { timeout: 30_000 })
      .toBe('interrupted');
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const row = page.locator('section[aria-label="Runs"] tbody tr', { hasText: id });
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 20_000 }).toMatch(/interrupted/);
    expect((await lab.host.calls['runs:get'](id)).metrics.length).toBeGreaterThan(0);
    await shot(page, 'interrupted');
  }, 90_000);

  it('refuses requests without the token', async () => {
    const base = l.lab.url.replace(/\?token=.*$/, '');
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(`${base}?token=nope`)).status).toBe(401);
  });
});
