/// <reference lib="dom" />
/**
 * Issue 11 in Chromium through the lab server, with real (tiny) trainers: a SOM-CNN against a CNN in
 * Compare (conv1's maps of both at one shared step, the mask curves, the spec diff, the selection in the
 * URL across a reload), a θ sweep opened from its badge, and a two-panel figure composed and exported; the
 * SVG, the PDF and the provenance sidecar are read back from the project folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { PDFDocument } from 'pdf-lib';
import { parseSpec } from '../src/shared/validate';
import { canvasInk, noChromium, shot, useLab } from './helpers';

/** 128 MNIST images in batches of 32: 4 steps, map views after steps 0, 1, 3 (and the end). */
const tiny = (mask: Record<string, unknown>) => ({
  kind: 'som-mask-cnn',
  dataset: { source: 'builtin', name: 'mnist', trainLimit: 128, testLimit: 64 },
  epochs: 1,
  batchSize: 32,
  snapshotEvery: 2,
  probeCount: 8,
  conv: [{ rows: 3, cols: 3, kernel: 5, mask: true }],
  dense: 16,
  mask: { sigmaOrg: { start: 2, end: 0.5 }, ...mask },
});

describe.skipIf(noChromium)('compare and figures in the browser', () => {
  const l = useLab();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const start = (spec: object) => l.lab.host.calls['runs:start'](spec as never) as Promise<string>;
    ids.som = await start(tiny({ sigmaFwd: 2 }));
    ids.cnn = await start(tiny({ sigmaFwd: 'inf' }));
    // A θ sweep as `somlab sweep` writes it: normal runs of the project, grouped under the sweep's name.
    const { trainOne } = await import('../src/cli/train-one');
    const sweep = [0, 0.9].map((threshold) =>
      trainOne(parseSpec(tiny({ sigmaFwd: 2, threshold })), {
        project: l.project,
        data: [],
        group: 'θ sweep',
        progress: false,
      }),
    );
    // Both lab runs finished (expect.poll is for tests only; this is setup).
    // Trainers queue behind the host's concurrency limit, so on a loaded machine this may take a while.
    const done = async () => {
      const list = await l.lab.host.calls['runs:list']();
      return [ids.som, ids.cnn].map((id) => list.find((r) => r.id === id)?.status ?? 'missing');
    };
    for (let t = Date.now(); Date.now() - t < 200_000; await new Promise((r) => setTimeout(r, 500)))
      if ((await done()).every((s) => s === 'finished')) break;
    if (!(await done()).every((s) => s === 'finished')) throw new Error(`lab runs not finished: ${await done()}`);
    expect((await Promise.all(sweep)).map((o) => o.status)).toEqual(['finished', 'finished']);
  }, 300_000);

  it('compares a SOM-CNN with a CNN: conv1 maps at one step, mask curves, spec diff, kept on reload', async () => {
    const { page } = l;
    await page.reload();
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    for (const id of [ids.som!, ids.cnn!])
      await page.locator('section[aria-label="Runs"] tbody tr', { hasText: id }).getByRole('checkbox').check();
    await page.locator('section[aria-label="Runs"]').getByRole('button', { name: 'Compare', exact: true }).click();
    expect(new URL(page.url()).hash).toBe(`#/compare?runs=${ids.som},${ids.cnn}`);

    const diff = page.locator('section[aria-label="Spec diff"] tbody tr');
    await expect.poll(() => diff.allTextContents(), { timeout: 20_000 }).toEqual(['mask.sigmaFwd2inf']);
    await expect.poll(() => page.locator('#cmp-layer').inputValue()).toBe('conv1');
    const maps = page.locator('section[aria-label="Maps"] section.grid-panel');
    await expect.poll(() => maps.count()).toBe(2);
    const heads = async () => (await maps.locator('.panel-head .muted').allTextContents()).map((t) => t.trim());
    await expect.poll(heads, { timeout: 20_000 }).toEqual(['3×3 rect · step 3', '3×3 rect · step 3']);
    for (const k of [0, 1])
      expect(
        (await canvasInk(page, `section[aria-label="Maps"] .cell:nth-child(${k + 1}) canvas`)).ink,
      ).toBeGreaterThan(500);

    // One step for all maps: scrubbed to the start, both show their step-0 snapshot.
    await page.locator('#cmp-step').focus();
    await page.locator('#cmp-step').press('Home');
    await expect.poll(heads).toEqual(['3×3 rect · step 0', '3×3 rect · step 0']);
    for (const title of ['Mask sparsity', 'Mean mask strength'])
      await expect.poll(() => page.locator(`section[aria-label="${title}"] canvas`).count()).toBeGreaterThan(0);
    await shot(page, 'compare-som-cnn-vs-cnn');

    await page.reload();
    await expect.poll(() => maps.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('section[aria-label="Spec diff"] tbody tr').allTextContents()).toEqual([
      'mask.sigmaFwd2inf',
    ]);
  }, 90_000);

  it('opens a θ sweep in Compare from its badge', async () => {
    const { page } = l;
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await page.locator('section[aria-label="Runs"] button.group-badge').first().click();
    const diff = page.locator('section[aria-label="Spec diff"] tbody tr');
    // One row: the threshold, 0 and 0.9 in the order the run table lists the sweep's runs.
    await expect
      .poll(async () => (await diff.allTextContents()).join('|'), { timeout: 20_000 })
      .toMatch(/^mask\.threshold(00\.9|0\.90)$/);
    await expect.poll(() => page.locator('section[aria-label="Maps"] section.grid-panel').count()).toBe(2);
    expect(page.url()).toMatch(/#\/compare\?runs=[^,]+,[^,]+$/);
  }, 60_000);

  it('composes a two-panel figure and exports SVG, PDF and PNG with a provenance sidecar', async () => {
    const { page, project } = l;
    const composer = page.locator('section[aria-label="Figure composer"]');
    await composer.locator('#fc-panel').selectOption('codebook');
    await composer.getByRole('button', { name: 'Add panel' }).click();
    await composer.locator('#fc-panel').selectOption('mask-sparsity');
    await composer.getByRole('button', { name: 'Add panel' }).click();
    await composer.locator('#fc-name').fill('e2e-figure');
    await composer.getByRole('button', { name: 'Save figure and export' }).click();
    await expect.poll(() => composer.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/e2e-figure\.pdf/);
    await shot(page, 'compare-composer');

    const svg = new DOMParser().parseFromString(
      await readFile(join(project, 'figures/e2e-figure.svg'), 'utf8'),
      'image/svg+xml',
    );
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts).toEqual(expect.arrayContaining(['(a)', '(b)', 'step']));
    const paths = Array.from(svg.getElementsByTagName('path')).filter((p) => (p.getAttribute('d') ?? '').length > 20);
    expect(paths.length).toBeGreaterThan(2);

    const pdfBytes = await readFile(join(project, 'figures/e2e-figure.pdf'));
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(pdfBytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getWidth()).toBeCloseTo(7 * 72, 0);

    const side = JSON.parse(await readFile(join(project, 'figures/e2e-figure.provenance.json'), 'utf8'));
    expect(side.format).toBe('somlab-provenance');
    expect(side.runs.map((r: { id: string }) => r.id).sort()).toEqual(
      (await l.lab.host.calls['runs:list']())
        .filter((r) => r.group === 'θ sweep')
        .map((r) => r.id)
        .sort(),
    );
    expect(side.runs.every((r: { specHash: string }) => /^[0-9a-f]{16}$/.test(r.specHash))).toBe(true);
    expect(side.command).toMatch(/^somlab figure --project .* .*e2e-figure\.figure\.json$/);
    expect(side.files).toEqual(expect.arrayContaining(['figures/e2e-figure.svg', 'figures/e2e-figure.pdf']));
  }, 90_000);

  it("shows a run's filmstrip from step 0, pins a frame, and exports it as an animated GIF", async () => {
    const { page, project } = l;
    await page.goto(`${l.lab.url}#/live/${ids.som}`);
    const frames = page.locator('section[aria-label="Filmstrip"] .frame');
    await expect.poll(() => frames.allTextContents(), { timeout: 20_000 }).toEqual(['step 0', 'step 1', 'step 3']);
    await frames.first().click();
    await expect
      .poll(() => page.locator('section.grid-panel .panel-head .muted').first().textContent())
      .toMatch(/step 0$/);
    expect(await frames.first().getAttribute('aria-selected')).toBe('true');
    await shot(page, 'live-filmstrip');

    const strip = page.locator('section[aria-label="Filmstrip"]');
    await strip.getByRole('button', { name: 'Export…' }).click();
    await strip.getByLabel('Format').selectOption('gif');
    await strip.getByRole('button', { name: 'Write into project' }).click();
    const status = strip.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/filmstrip.*\.gif/);
    const file = /runs\/\S+?\.gif/.exec((await status.textContent()) ?? '')![0];
    const sharp = (await import('sharp')).default;
    expect((await sharp(join(project, file), { pages: -1 }).metadata()).pages).toBe(3);
  }, 60_000);
});
