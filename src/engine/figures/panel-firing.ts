/**
 * The lattice health panels, 'firing' and 'class-firing': a mask layer's or a kWTA code's per-unit firing
 * at one snapshot, drawn by ./firing-art, with a per-unit table (CSV, pgfplots) of the rates drawn.
 */
import type { PanelRef } from '../../shared/figure-spec';
import type { SomSnapshot } from '../../shared/run-types';
import { FIRING_QUANTITY, firingArt, type FiringMode } from './firing-art';
import type { PanelTable, PreparedPanel } from './panel';
import { nearestStep, pickLayer, runLabel, type FigureSource } from './source';

/** The requested layer, or the first whose snapshot records firing (a SOM-CNN's organising-only SOM has none). */
async function firingSnapshot(src: FigureSource, ref: PanelRef, needByClass: boolean): Promise<SomSnapshot> {
  const found = await src.snapshots(ref.run);
  const layers =
    ref.layer !== undefined ? [pickLayer(found, ref.layer, ref.run)] : [...new Set(found.map((f) => f.layer))];
  for (const layer of layers) {
    const step = nearestStep(
      found.filter((f) => f.layer === layer).map((f) => f.step),
      ref.step,
    );
    const s = await src.snapshot(ref.run, step, layer);
    if (s.firing && (!needByClass || s.firingByClass)) return s;
  }
  const what = needByClass ? 'per-class firing (labelled data)' : 'per-unit firing';
  const where = ref.layer !== undefined ? `layer ${ref.layer}` : `none of its layers (${layers.join(', ') || 'none'})`;
  throw new Error(`run ${ref.run}: ${where} records ${what}; only SOM mask layers and kWTA codes (layer code) do`);
}

function firingTable(s: SomSnapshot, mode: FiringMode, classNames: string[]): PanelTable {
  const n = s.rows * s.cols;
  const c = mode === 'classFiring' ? s.firingByClass!.length / n : 0;
  return {
    xLabel: 'unit',
    yLabel: FIRING_QUANTITY,
    percent: true,
    columns: mode === 'firing' ? ['firing'] : Array.from({ length: c }, (_, k) => classNames[k] ?? String(k)),
    rows: Array.from({ length: n }, (_, j) =>
      mode === 'firing' ? [j, s.firing![j]!] : [j, ...s.firingByClass!.slice(j * c, (j + 1) * c)],
    ),
  };
}

export async function prepareFiring(src: FigureSource, ref: PanelRef, mode: FiringMode): Promise<PreparedPanel> {
  const d = await src.run(ref.run);
  const s = await firingSnapshot(src, ref, mode === 'classFiring');
  const where = `${s.layer}${s.codeLayout ? ` code, ${s.rows}×${s.cols} by unit index` : ''}, step ${s.step}`;
  const title = `${runLabel(d)}: ${mode === 'firing' ? 'Firing' : 'Class firing'} (${where})`;
  const classNames = d.summary.classes ?? [];
  return {
    title,
    runs: [{ id: ref.run, steps: [s.step], layer: s.layer }],
    render: async (o) => firingArt(s, mode, { ...o, title, classNames }),
    table: () => firingTable(s, mode, classNames),
  };
}
