/** Map panels (codebook, U-matrix, hits, classes), the winner trace over the map, and the filmstrip. */
import { classColour, rgbCss } from '../../shared/charts/colours';
import { chartById } from '../../shared/charts/metric-charts';
import type { PanelRef } from '../../shared/figure-spec';
import { codebookView } from '../../shared/map/codebook-image';
import type { GridLayout } from '../../shared/map/grid-geometry';
import { frameSteps } from '../../shared/map/frames';
import type { SomSnapshot } from '../../shared/run-types';
import { curveLines } from './panel-curves';
import { chartArt } from './chart-art';
import { mapArt, mapValues, MODE_QUANTITY, naturalRange, type MapMode } from './map-art';
import type { PreparedPanel } from './panel';
import { nearestStep, pickLayer, runLabel, type FigureSource } from './source';
import { place, text } from './svg';

const MODE_TITLE: Record<MapMode, string> = {
  codebook: 'Codebook',
  umatrix: 'U-matrix',
  hits: 'Hit map',
  classes: 'Class map',
  diff: 'Difference',
};

async function snapshotFor(src: FigureSource, ref: PanelRef) {
  const found = await src.snapshots(ref.run);
  const layer = pickLayer(found, ref.layer, ref.run);
  const steps = found.filter((f) => f.layer === layer).map((f) => f.step);
  const step = nearestStep(steps, ref.step);
  return { layer, steps, step, snapshot: await src.snapshot(ref.run, step, layer) };
}

const place1 = (l: string, step: number) => (l === 'som' ? `step ${step}` : `${l}, step ${step}`);

export async function prepareMap(src: FigureSource, ref: PanelRef, mode: MapMode): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const { layer, step, snapshot } = await snapshotFor(src, ref);
  if (mode === 'classes' && !snapshot.classMap)
    throw new Error(`run ${ref.run}: layer ${layer} has no class map (unlabelled data)`);
  const title = `${runLabel(d)}: ${MODE_TITLE[mode]} (${place1(layer, step)})`;
  const values = mapValues(snapshot, mode);
  return {
    title,
    runs: [{ id: ref.run, steps: [step], layer }],
    scale: values && mode !== 'codebook' ? { quantity: mode, range: naturalRange(values) } : undefined,
    render: (o) => mapArt(snapshot, mode, { ...o, title, classNames: d.summary.classes }),
  };
}

function traceOverlay(traces: { winners: Int32Array; labels?: Int32Array }[]): (L: GridLayout) => string {
  return (L) => {
    const at = (i: number): [number, number] => [L.centres[2 * i]!, L.centres[2 * i + 1]!];
    const last = traces[traces.length - 1]!;
    const parts: string[] = [];
    for (let p = 0; p < last.winners.length; p++) {
      const colour = rgbCss(classColour(last.labels?.[p] ?? 0));
      // Each probe's path over the earlier traced steps, faint; its position now, a dot.
      const path = traces
        .map((t) =>
          at(t.winners[p]!)
            .map((v) => v.toFixed(1))
            .join(','),
        )
        .join(' ');
      if (traces.length > 1)
        parts.push(
          `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="0.6" stroke-opacity="0.5"/>`,
        );
      const jitter = ((p * 0.618) % 1) - 0.5;
      const [x, y] = at(last.winners[p]!);
      parts.push(
        `<circle cx="${(x + jitter * L.cell * 0.4).toFixed(2)}" cy="${(y + jitter * L.cell * 0.3).toFixed(2)}" ` +
          `r="${Math.max(1, L.cell * 0.12).toFixed(2)}" fill="${colour}" stroke="#fff" stroke-width="0.3"/>`,
      );
    }
    return parts.join('');
  };
}

export async function prepareTrace(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const { layer, snapshot } = await snapshotFor(src, ref);
  const steps = await src.winnerSteps(ref.run, layer);
  if (steps.length === 0) throw new Error(`run ${ref.run}: no winner trace saved for layer ${layer}`);
  const step = nearestStep(steps, ref.step);
  const shown = steps.filter((s) => s <= step).slice(-6);
  const traces = await Promise.all(shown.map((s) => src.winners(ref.run, s, layer)));
  const title = `${runLabel(d)}: winner trace (${place1(layer, step)})`;
  return {
    title,
    runs: [{ id: ref.run, steps: shown, layer }],
    render: (o) => mapArt(snapshot, 'umatrix', { ...o, title, showScale: false, overlay: traceOverlay(traces) }),
  };
}

export async function prepareFilmstrip(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const { layer, steps } = await snapshotFor(src, ref);
  const chosen = frameSteps(steps, ref.frames);
  const snaps: SomSnapshot[] = await Promise.all(chosen.map((s) => src.snapshot(ref.run, s, layer)));
  const mode: MapMode = codebookView(snaps[0]!.shape) === 'vector' ? 'umatrix' : 'codebook';
  const title = `${runLabel(d)}: ${MODE_TITLE[mode]} over training${layer === 'som' ? '' : ` (${layer})`}`;
  const range = mode === 'umatrix' ? naturalRange(Float32Array.from(snaps.flatMap((s) => [...s.umatrix]))) : undefined;
  const frame = (s: SomSnapshot, w: number) =>
    mapArt(s, mode, { width: w, title: `step ${s.step}`, range, showScale: false });
  const curveDef = chartById(d.metrics.some((r) => 'qe' in r) ? 'qe' : 'loss')!;
  const lines = curveLines([d], curveDef, ref);
  return {
    title,
    runs: [{ id: ref.run, steps: chosen, layer }],
    scale: range ? { quantity: 'umatrix', range } : undefined,
    async render(o) {
      const w = o.width / chosen.length;
      const arts = await Promise.all(snaps.map((s) => frame(s, w)));
      const h = Math.max(...arts.map((a) => a.height));
      const strip = arts.map((a, k) => place(a, k * w, 14)).join('');
      const head = text(o.width / 2, 10, title, { size: 9, anchor: 'middle' });
      if (lines.length === 0) return { width: o.width, height: h + 14, body: head + strip };
      const chart = chartArt(lines, {
        width: o.width,
        height: Math.round(o.width * 0.3),
        title: '',
        xLabel: 'step',
        wholeX: true,
        yLabel: curveDef.yLabel,
        percent: curveDef.percent,
        marks: chosen,
      });
      return { width: o.width, height: h + 14 + chart.height, body: head + strip + place(chart, 0, h + 14) };
    },
    frames: (o) =>
      Promise.all(
        snaps.map((s) =>
          mapArt(s, mode, { width: o.width, title: `${title}: step ${s.step}`, range, showScale: mode !== 'codebook' }),
        ),
      ),
  };
}

export const quantityLabel = (q: string): string => MODE_QUANTITY[q as keyof typeof MODE_QUANTITY]?.label ?? q;
