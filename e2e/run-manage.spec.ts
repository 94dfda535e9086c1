/// <reference lib="dom" />
/**
 * Run management in Chromium through the lab server: two saved SOM runs; rename one with Enter and tag it,
 * find it by search and by its tag, delete it into the project's trash and take it back with Undo, delete it
 * again and restore it from the trash list; meta.json and trash/ are checked on disk. Screenshots of the run
 * table and of a run's charts (TE on its fixed 0–100 % axis) go to e2e-artifacts/.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../src/shared/presets';
import { parseSpec } from '../src/shared/validate';
import { noChromium, shot, useLab } from './helpers';

const colours = (name: string) =>
  parseSpec({
    ...findPreset('seed004-colors').spec,
    name,
    epochs: 2,
    snapshotEvery: 4,
    som: { rows: 6, cols: 6, sigma: { start: 3, end: 0.7 } },
  });

describe.skipIf(noChromium)('run management in the browser', () => {
  const l = useLab();
  const ids: string[] = [];
  beforeAll(async () => {
    const { trainOne } = await import('../src/cli/train-one');
    for (const name of ['colours A', 'colours B']) {
      const out = await trainOne(colours(name), { project: l.project, data: [], progress: false });
      expect(out.status).toBe('finished');
      ids.push(out.runId!);
    }
    await l.page.reload();
  }, 120_000);

  it('renames, tags, searches, deletes into the trash, undoes and restores', async () => {
    const { page } = l;
    const rows = page.locator('tr.run-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const rowA = rows.filter({ hasText: 'colours A' });
    await rowA.focus();
    await page.keyboard.press('F2');
    const editor = page.locator('form.meta-editor');
    await editor.getByLabel('Name').fill('θ baseline');
    await editor.getByLabel('Tags').fill('paper, baseline');
    await editor.getByLabel('Name').press('Enter');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => rows.filter({ hasText: 'θ baseline' }).count()).toBe(1);
    const meta = JSON.parse(await readFile(join(l.project, 'runs', ids[0]!, 'meta.json'), 'utf8'));
    expect(meta).toEqual({ name: 'θ baseline', tags: ['paper', 'baseline'] });
    await shot(page, 'run-table');

    await page.getByLabel('Search runs').fill('baseline');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Search runs').fill('');
    await page.getByLabel('Filter by tag').selectOption('paper');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Filter by tag').selectOption('');

    await rows.filter({ hasText: 'θ baseline' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect
      .poll(() =>
        stat(join(l.project, 'trash', ids[0]!)).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await expect
      .poll(() =>
        stat(join(l.project, 'runs', ids[0]!)).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);

    await rows.filter({ hasText: 'θ baseline' }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Trash' }).click();
    const trash = page.locator('section.trash');
    await expect.poll(() => trash.textContent()).toContain('θ baseline');
    await trash.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await trash.textContent()).toContain('The trash is empty');
  });

  it('shows a run with its name and truthful charts', async () => {
    const { page } = l;
    await page.locator('tr.run-row', { hasText: 'θ baseline' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.locator('section[aria-label="Run"] h2').textContent()).toBe('θ baseline');
    await expect.poll(() => page.locator('section[aria-label="Topographic error (TE)"] canvas').count()).toBe(1);
    await expect
      .poll(() => page.locator('pre.python').textContent())
      .toContain(`np.load("${l.project}/runs/${ids[0]}/snapshots/som-`);
    await page.waitForTimeout(800);
    await shot(page, 'run-charts');
  });
});
