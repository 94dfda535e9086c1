/// <reference lib="dom" />
/**
 * The soft-SOM playground: points placed by clicking (two classes, one removed with shift-click) train a real
 * soft-som run through the lab server and its trainer; the boundary frame is drawn over the plane and the run
 * is a normal saved run in the Runs list. A generated spiral with the interposed soft SOM is shot mid-training
 * and at the end (e2e-artifacts/playground-*.png).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { noChromium, shot, useLab } from './helpers';

const PLANE = 'canvas.plane';
/** The plane's geometry as PlaygroundPlane lays it out: 48 px of axis on the left, 6 on top, 8 on the right. */
async function planeAt(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const w = await page.$eval(PLANE, (c) => (c as HTMLCanvasElement).clientWidth);
  const side = w - 48 - 8;
  return { x: 48 + ((x + 1.2) / 2.4) * side, y: 6 + ((1.2 - y) / 2.4) * side };
}
/** The plane's RGB at plane point (x, y). */
async function colourAt(page: Page, x: number, y: number): Promise<number[]> {
  const p = await planeAt(page, x, y);
  return page.$eval(
    PLANE,
    (c, p) => {
      const canvas = c as HTMLCanvasElement,
        r = canvas.width / canvas.clientWidth;
      return Array.from(
        canvas
          .getContext('2d')!
          .getImageData(p.x * r, p.y * r, 1, 1)
          .data.slice(0, 3),
      );
    },
    p,
  );
}
const status = (page: Page) => page.locator('.plane-panel .status').textContent();

describe.skipIf(noChromium)('the soft-SOM playground', () => {
  const l = useLab();

  it('places points, removes one, trains, draws a boundary frame, and the run is saved', async () => {
    const { page } = l;
    await page.getByRole('button', { name: 'Playground', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/playground');
    const before = await colourAt(page, -0.6, 0);
    for (const [k, x0] of [
      [1, -0.6],
      [2, 0.6],
    ] as const) {
      await page.focus(PLANE);
      await page.keyboard.press(String(k)); // the class to place, from the keyboard
      for (const y of [-0.6, -0.3, 0, 0.3, 0.6])
        for (const dx of [-0.15, 0.15]) await page.click(PLANE, { position: await planeAt(page, x0 + dx, y) });
    }
    await expect.poll(() => page.locator('.plane-panel .panel-head').textContent()).toContain('20 points');
    await page.click(PLANE, { position: await planeAt(page, 0.75, 0.6), modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.plane-panel .panel-head').textContent()).toContain('19 points');
    await page.getByLabel('Epochs').fill('200');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toContain('boundary at step');
    await expect.poll(() => status(page), { timeout: 120_000 }).toContain('finished');
    const acc = Number(/training accuracy ([\d.]+) %/.exec((await status(page)) ?? '')?.[1]);
    expect(acc).toBeGreaterThan(90); // two groups 0.9 apart
    // Left of the gap class A's end of the scale, right of it class B's: a boundary was drawn between them.
    const [left, right] = [await colourAt(page, -0.9, 0), await colourAt(page, 0.9, 0)];
    expect(left).not.toEqual(before);
    expect(Math.abs(left[0]! - right[0]!) + Math.abs(left[2]! - right[2]!)).toBeGreaterThan(150);
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await expect.poll(() => page.getByText(/playground · clicked · interposed soft SOM/).count()).toBeGreaterThan(0);
  }, 300_000);

  it('a generated spiral with the interposed soft SOM: shots mid-training and at the end', async () => {
    const { page } = l;
    await page.getByRole('button', { name: 'Playground', exact: true }).click();
    await page.getByLabel('Set').selectOption('spiral');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => page.locator('.plane-panel .panel-head').textContent()).toContain('200 points · 100 test');
    await page.getByLabel('Epochs').fill('150');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // Mid-training: a third of the way or more, still running.
    const frame = async () => {
      const m = /running.*boundary at step (\d+)/.exec((await status(page)) ?? '');
      return m ? Number(m[1]) : -1;
    };
    await expect.poll(frame, { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(350);
    await shot(page, 'playground-mid');
    await expect.poll(() => status(page), { timeout: 240_000 }).toContain('finished');
    expect(await status(page)).toMatch(/test accuracy [\d.]+ %/);
    await shot(page, 'playground-end');
  }, 400_000);

  it('three rings with SOM preprocessing: the Kohonen lattice spans the plane, 3-class boundary drawn', async () => {
    const { page } = l;
    await page.getByLabel('Classes').selectOption('3');
    await page.getByLabel('Set').selectOption('circles');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByLabel('SOM preprocessing').check();
    await page.getByLabel('Epochs').fill('100');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 240_000 }).toContain('finished');
    await page.getByLabel('Lattice').uncheck(); // sample the boundary itself, not a node or an edge
    // The inner ring's class is drawn at the centre, the outer ring's class near a corner: different colours.
    expect(await colourAt(page, 0, 0)).not.toEqual(await colourAt(page, 1.1, 1.1));
    await page.getByLabel('Lattice').check();
    await shot(page, 'playground-circles');
  }, 400_000);
});
