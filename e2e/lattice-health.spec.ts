/// <reference lib="dom" />
/**
 * Lattice health in Chromium with real trainers: a short seed001-kwta-triplet run (its code laid on a
 * 16 × 32 grid) and a short seed000-som-fc run (10 × 10 mask layers), each painted in the Firing and Class
 * firing views while it trains and again once reopened from disk. Screenshots go to e2e-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../src/shared/presets';
import { canvasInk, noChromium, shot, useLab, type Lab } from './helpers';

const small = { source: 'builtin', name: 'mnist', trainLimit: 1024, testLimit: 256 };
const grid = 'section.grid-panel canvas';

async function status(l: Lab, id: string): Promise<string> {
  return (await l.lab.host.calls['runs:list']()).find((r) => r.id === id)?.status ?? 'missing';
}

/** Opens the run's view, picks the layer and the view; the canvas must have ink and the legend its counts. */
async function paint(l: Lab, id: string, layer: string | null, mode: 'Firing' | 'Class firing', name: string) {
  const { page } = l;
  await page.evaluate((h) => (window.location.hash = h), `#/live/${id}`);
  await page.waitForSelector(grid, { state: 'visible', timeout: 120_000 });
  if (layer) {
    await page.waitForFunction((v) => !!document.querySelector(`#layer-pick option[value="${v}"]`), layer, {
      timeout: 120_000,
    });
    await page.selectOption('#layer-pick', layer);
  }
  const button = page.getByRole('radio', { name: mode, exact: true });
  await button.waitFor({ timeout: 120_000 });
  await button.click();
  await expect.poll(async () => (await canvasInk(page, grid)).ink, { timeout: 20_000 }).toBeGreaterThan(2000);
  await shot(page, name);
}

async function finished(l: Lab, id: string): Promise<void> {
  await expect.poll(() => status(l, id), { timeout: 300_000, interval: 1000 }).toBe('finished');
}

describe.skipIf(noChromium)('lattice health in the browser', () => {
  const l = useLab();

  it('kWTA code: Firing live and saved, on its 16 × 32 code grid', async () => {
    const p = findPreset('seed001-kwta-triplet').spec as Record<string, unknown> & { kwta: object };
    const spec = {
      ...p,
      dataset: small,
      epochs: 2,
      batchSize: 64,
      snapshotEvery: 4,
      kwta: { ...p.kwta, loss: 'triplet' },
    };
    const id = (await l.lab.host.calls['runs:start'](spec as never)) as string;
    await paint(l, id, 'code', 'Firing', 'health-kwta-live');
    expect(await status(l, id)).not.toBe('missing');
    await expect
      .poll(async () => (await l.page.locator('section.grid-panel').textContent()) ?? '')
      .toMatch(/16×32 code/);
    await finished(l, id);
    await l.page.reload();
    await paint(l, id, 'code', 'Firing', 'health-kwta-saved');
    await paint(l, id, 'code', 'Class firing', 'health-kwta-saved-classes');
  }, 600_000);

  it('SOM mask layers: Firing live and saved, Class firing saved', async () => {
    const p = findPreset('seed000-som-fc').spec as Record<string, unknown> & { mask: object };
    // θ = 0.5: at σ_fwd 8 with θ = 0 every unit of the 10 × 10 grid fires for every sample (all always on).
    const mask = { ...p.mask, threshold: 0.5 };
    const spec = { ...p, dataset: small, epochs: 1, batchSize: 32, snapshotEvery: 4, mask };
    const id = (await l.lab.host.calls['runs:start'](spec as never)) as string;
    await paint(l, id, null, 'Firing', 'health-mask-live');
    await finished(l, id);
    await l.page.reload();
    await paint(l, id, null, 'Firing', 'health-mask-saved');
    await paint(l, id, null, 'Class firing', 'health-mask-saved-classes');
  }, 600_000);
});
