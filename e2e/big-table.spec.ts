/// <reference lib="dom" />
/**
 * A table big enough to watch its long phases: a batch SOM on a generated CSV shows "evaluating N %" in the
 * Live view and the run list while the full-data pass runs (and is not finished then); afterwards the
 * new-run form's preview states the memory and the time per epoch, the latter from that run's samples/s.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeBigCsv } from '../bench/make-big-csv';
import { fmtDuration } from '../src/renderer/src/util/format';
import { noChromium, shot, useLab } from './helpers';

const ROWS = 150_000,
  COLS = 16,
  MAP = 40;

/** Records every text the phase element shows, with the run's status badge beside it at that moment. */
async function recordPhases(page: Page, phase: string, status: string): Promise<void> {
  await page.evaluate(
    ([phase, status]) => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const note = (): void => {
        const t = document.querySelector(phase!)?.textContent?.trim();
        if (t && seen.at(-1)?.startsWith(t) !== true) seen.push(`${t}|${document.querySelector(status!)?.textContent}`);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [phase, status],
  );
}
const seen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

describe.skipIf(noChromium)('a big table in the browser', () => {
  const l = useLab();

  it('shows the evaluating phase live, then the time per epoch from that run in the preview', async () => {
    const { page, lab, dataRoot, project } = l;
    const dir = join(dataRoot, 'big');
    await makeBigCsv(dir, ROWS, COLS);
    const spec = {
      kind: 'som' as const,
      name: 'big table',
      dataset: { source: 'folder' as const, path: dir },
      epochs: 1,
      batchSize: 4096,
      som: { rows: MAP, cols: MAP, sigma: { start: 8, end: 1 } },
    };
    const list = await l.browser.newPage({ viewport: { width: 1400, height: 700 } });
    await list.goto(lab.url);
    await list.getByRole('button', { name: 'Runs', exact: true }).click();
    const id = await lab.host.calls['runs:start'](spec);
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    const row = page.locator('section[aria-label="Runs"] tbody tr', { hasText: 'big table' });
    await row.getByRole('button', { name: 'Open' }).click({ timeout: 120_000 });
    await recordPhases(page, '[data-testid="run-phase"]', 'section[aria-label="Run"] .badge');
    const listRow = list.locator('tr.run-row', { hasText: 'big table' });
    await listRow.waitFor({ timeout: 60_000 });
    await recordPhases(list, 'tr.run-row [data-testid="run-progress"]', 'tr.run-row .badge');

    // First the CSV is converted into the dataset cache (converting N %), then trained, then evaluated.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="run-phase"]')?.textContent?.startsWith('evaluating'),
      null,
      { timeout: 300_000, polling: 'raf' },
    );
    await shot(page, 'big-table-evaluating');
    await shot(list, 'big-table-evaluating-list');
    await page.waitForFunction(
      () => /finished/.test(document.querySelector('section[aria-label="Run"] .badge')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    const live = await seen(page);
    // Every phase shown while the run was still running, never at 100 % (the phase ends at done === total).
    for (const s of live) expect(s).toMatch(/^(converting|evaluating) \d{1,2} % · .+\|running$/);
    const evaluating = live.filter((s) => s.startsWith('evaluating'));
    expect(evaluating.length).toBeGreaterThan(0);
    for (const s of evaluating) expect(s).toMatch(/^evaluating \d{1,2} % · [\d,]+ of [\d,]+ rows\|running$/);
    const listed = await seen(list);
    expect(listed.some((s) => /^evaluating \d{1,2} %\|running$/.test(s))).toBe(true);

    // The preview of the same folder, for a spec of the same map: the time is that run's rate.
    const record = JSON.parse(await readFile(join(project, 'runs', id, 'run.json'), 'utf8'));
    expect(record.sampleShape).toEqual([COLS]);
    const shape = (await lab.host.calls['datasets:preview'](spec.dataset)).limits!.dataShape!;
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.locator('input[name="ds-source"][value="folder"]').check();
    await page.locator('#f-dataset-path').fill(dir);
    await page.locator('#f-dataset-path').press('Tab');
    for (const f of ['#f-som-rows', '#f-som-cols']) {
      await page.locator(f).fill(String(MAP));
      await page.locator(f).press('Tab');
    }
    await page.getByRole('button', { name: 'Preview' }).click();
    const time = page.locator('[data-testid="spec-time"]');
    await expect
      .poll(async () => (await time.textContent({ timeout: 60_000 })) ?? '', { timeout: 60_000 })
      .toMatch(/from run/);
    const rate = record.samplesPerSec as number;
    const text = (await time.textContent())!;
    expect(text).toContain(`≈ ${fmtDuration(shape.trainRows / rate)} per epoch`);
    expect(text).toContain(`${shape.trainRows.toLocaleString('en')} rows`);
    expect(text).toContain(`from run big table`);
    expect(text).toContain(`at ${Math.round(rate).toLocaleString('en')} samples/s (same neurons × features)`);
    expect(await page.locator('[data-testid="spec-memory"]').textContent()).toMatch(
      /^This spec in the trainer ≈ [\d.]+ MiB \(the admission check's estimate; most of it from /,
    );
    await page.locator('[data-testid="spec-time"]').scrollIntoViewIfNeeded();
    await shot(page, 'big-table-preview');
    await list.close();
  }, 600_000);
});
