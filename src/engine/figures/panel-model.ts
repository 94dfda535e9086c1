/** Panels from a model's own artefacts: kWTA's SDR heat map, the soft SOM's boundary, the patch-SOM reconstruction. */
import type { PanelRef } from '../../shared/figure-spec';
import { finiteExtent } from '../../shared/charts/ticks';
import { colourBar, COLOUR_BAR_WIDTH } from './colour-bar';
import type { PreparedPanel } from './panel';
import { imageElement } from './raster';
import { boundaryPixels, scalarPixels } from '../../shared/map/boundary-image';
import { nearestStep, runLabel, type FigureSource } from './source';
import { place, text, TICK_PT, TITLE_PT } from './svg';

const TOP = TITLE_PT + 6;

async function json<T>(
  src: FigureSource,
  ref: PanelRef,
  name: 'sdr.json' | 'boundary.json' | 'reconstruction.json',
): Promise<T> {
  const buf = await src.modelFile(ref.run, name);
  if (!buf) throw new Error(`run ${ref.run} has no model/${name} (the ${ref.panel} panel needs it)`);
  return JSON.parse(buf.toString('utf8')) as T;
}

export async function prepareSdr(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const sdr = await json<{ classes: string[]; codeSize: number; meanSdr: number[][] }>(src, ref, 'sdr.json');
  const values = sdr.meanSdr.flat();
  const range: [number, number] = [0, Math.max(1e-9, finiteExtent(values)?.[1] ?? 1)];
  const title = `${runLabel(d)}: mean SDR per class`;
  return {
    title,
    runs: [{ id: ref.run, steps: d.metrics.length ? [d.metrics.at(-1)!.step] : [] }],
    scale: { quantity: 'sdr', range },
    async render(o) {
      const r = o.range ?? range;
      const rows = sdr.meanSdr.length,
        left = 28,
        w = o.width - left - COLOUR_BAR_WIDTH - 4,
        h = Math.max(40, rows * 9);
      const img = await imageElement(scalarPixels(values, rows, sdr.codeSize, 'viridis', r), left, TOP, w, h);
      const names = sdr.meanSdr.map((_, k) =>
        text(left - 2, TOP + (k + 0.7) * (h / rows), sdr.classes[k] ?? String(k), { size: TICK_PT, anchor: 'end' }),
      );
      const axis = text(left + w / 2, TOP + h + 9, `code unit (1–${sdr.codeSize})`, {
        size: TICK_PT,
        anchor: 'middle',
      });
      const bar =
        o.showScale === false
          ? ''
          : place(colourBar('viridis', r, 'mean activation', h), o.width - COLOUR_BAR_WIDTH, TOP);
      const head = text(o.width / 2, TITLE_PT + 1, title, { size: TITLE_PT, anchor: 'middle' });
      return { width: o.width, height: TOP + h + 12, body: head + img + names.join('') + axis + bar };
    },
  };
}

export async function prepareBoundary(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const steps = (await src.snapshots(ref.run)).filter((s) => s.layer === 'boundary').map((s) => s.step);
  if (steps.length === 0) throw new Error(`run ${ref.run} saved no decision boundary (soft-som runs do)`);
  const step = nearestStep(steps, ref.step);
  const s = await src.snapshot(ref.run, step, 'boundary');
  const title = `${runLabel(d)}: decision boundary (step ${step})`;
  const classes = d.summary.classes?.length ?? 2; // three or more are drawn in class colours, with no P(class 1) bar
  return {
    title,
    runs: [{ id: ref.run, steps: [step], layer: 'boundary' }],
    scale: { quantity: 'probability', range: [0, 1] },
    async render(o) {
      const side = o.width - COLOUR_BAR_WIDTH - 24;
      const img = await imageElement(boundaryPixels(s, classes), 20, TOP, side, side);
      const axes =
        text(20 + side / 2, TOP + side + 9, 'x₁', { size: TICK_PT, anchor: 'middle' }) +
        text(12, TOP + side / 2, 'x₂', { size: TICK_PT, anchor: 'middle' });
      const bar =
        o.showScale === false || classes > 2
          ? ''
          : place(colourBar('cividis', [0, 1], 'P(class 1)', side), o.width - COLOUR_BAR_WIDTH, TOP);
      return {
        width: o.width,
        height: TOP + side + 12,
        body: text(o.width / 2, TITLE_PT + 1, title, { size: TITLE_PT, anchor: 'middle' }) + img + axes + bar,
      };
    },
  };
}

export async function prepareReconstruction(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const head = await json<{ count: number; shape: [number, number, number]; psnr: number }>(
    src,
    ref,
    'reconstruction.json',
  );
  const bin = (await src.modelFile(ref.run, 'reconstruction.bin'))!;
  const [h, w, c] = head.shape;
  const per = h * w * c,
    shown = Math.min(8, head.count);
  const floats = new Float32Array(new Uint8Array(bin).buffer, 0, bin.length / 4);
  const title = `${runLabel(d)}: originals (top) and rebuilt (PSNR ${head.psnr.toFixed(1)} dB)`;
  const pixels = (row: 0 | 1) => {
    const data = new Uint8ClampedArray(shown * w * h * 4);
    for (let k = 0; k < shown; k++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const src = (row * head.count + k) * per + (y * w + x) * c;
          const v = (j: number) => Math.round(Math.min(1, Math.max(0, floats[src + (c === 3 ? j : 0)]!)) * 255);
          data.set([v(0), v(1), v(2), 255], (y * shown * w + k * w + x) * 4);
        }
    return { data, width: shown * w, height: h };
  };
  return {
    title,
    runs: [{ id: ref.run, steps: d.metrics.length ? [d.metrics.at(-1)!.step] : [] }],
    async render(o) {
      const tile = o.width / shown;
      const top = await imageElement(pixels(0), 0, TOP, o.width, tile);
      const bottom = await imageElement(pixels(1), 0, TOP + tile + 2, o.width, tile);
      return {
        width: o.width,
        height: TOP + 2 * tile + 4,
        body: text(o.width / 2, TITLE_PT + 1, title, { size: TITLE_PT, anchor: 'middle' }) + top + bottom,
      };
    },
  };
}
