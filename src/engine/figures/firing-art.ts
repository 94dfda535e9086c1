/**
 * Unit health on the lattice as SVG (mask layers and kWTA codes, SomSnapshot.firing / firingByClass): the
 * firing rate per unit on viridis from 0 to the busiest unit, dead units crossed and always-on units ringed,
 * with their counts; or the class each unit fires for most, faded by how selective it is. The marks,
 * colours and rules are the renderer's (src/shared/map/firing.ts), the geometry the map panels'.
 */
import { classColour, rgbCss, SCALES } from '../../shared/charts/colours';
import {
  ALWAYS_ON_COLOUR,
  DEAD_COLOUR,
  DEAD_FILL,
  isAlwaysOn,
  isDead,
  preferredClass,
  selectivityOpacity,
  unitHealth,
} from '../../shared/map/firing';
import { cellPolygon, gridLayout, type GridLayout } from '../../shared/map/grid-geometry';
import type { SomSnapshot } from '../../shared/run-types';
import { colourBar, COLOUR_BAR_WIDTH } from './colour-bar';
import { classLegend } from './map-art';
import { place, text, TICK_PT, TITLE_PT, type Art } from './svg';

export type FiringMode = 'firing' | 'classFiring';
export const FIRING_QUANTITY = 'fraction of samples fired for';

const pts = (p: [number, number][]) => p.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');
const cell = (L: GridLayout, i: number, inset = 0.96) =>
  cellPolygon(L.shape, L.centres[2 * i]!, L.centres[2 * i + 1]!, L.cell * inset);

function mark(L: GridLayout, i: number, kind: 'dead' | 'on'): string {
  const x = L.centres[2 * i]!,
    y = L.centres[2 * i + 1]!,
    r = L.cell * 0.3,
    w = Math.max(0.4, L.cell * 0.08).toFixed(2);
  if (kind === 'on')
    return (
      `<polygon class="always-on" points="${pts(cell(L, i, 0.8))}" fill="none" ` +
      `stroke="${ALWAYS_ON_COLOUR}" stroke-width="${w}"/>`
    );
  const d = `M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`;
  return `<path class="dead" d="${d}" stroke="${DEAD_COLOUR}" stroke-width="${w}" fill="none"/>`;
}

/** The busiest unit's rate, the top of the scale (a θ = 0.9 mask fires one unit in 16: not all one colour). */
export const firingTop = (firing: Float32Array): number => Math.max(1e-6, ...firing);

function firingCells(f: Float32Array, L: GridLayout): string {
  const hi = firingTop(f);
  const out: string[] = [];
  for (let i = 0; i < f.length; i++)
    out.push(`<polygon points="${pts(cell(L, i))}" fill="${rgbCss(SCALES.viridis(Math.min(1, f[i]! / hi)))}"/>`);
  for (let i = 0; i < f.length; i++)
    if (isDead(f[i]!)) out.push(mark(L, i, 'dead'));
    else if (isAlwaysOn(f[i]!)) out.push(mark(L, i, 'on'));
  return out.join('');
}

function classFiringCells(byClass: Float32Array, L: GridLayout): { cells: string; cls: Int32Array } {
  const n = L.rows * L.cols,
    classes = byClass.length / n;
  const { cls, share } = preferredClass(byClass, n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const fill = cls[i]! < 0 ? DEAD_FILL : rgbCss(classColour(cls[i]!));
    const a = cls[i]! < 0 ? 1 : selectivityOpacity(share[i]!, classes);
    out.push(`<polygon points="${pts(cell(L, i))}" fill="${fill}" fill-opacity="${a.toFixed(3)}"/>`);
  }
  for (let i = 0; i < n; i++) if (cls[i]! < 0) out.push(mark(L, i, 'dead'));
  return { cells: out.join(''), cls };
}

export function firingArt(
  s: SomSnapshot,
  mode: FiringMode,
  o: { width: number; title: string; classNames?: string[]; showScale?: boolean },
): Art {
  const f = s.firing!;
  const barW = mode === 'firing' && o.showScale !== false ? COLOUR_BAR_WIDTH : 0;
  const mapW = o.width - barW - 4;
  const L = gridLayout(s.rows, s.cols, s.topology, mapW, mapW);
  const top = TITLE_PT + 6,
    x0 = (mapW - L.width) / 2;
  const drawn = mode === 'firing' ? { cells: firingCells(f, L), cls: null } : classFiringCells(s.firingByClass!, L);
  const parts = [text(o.width / 2, TITLE_PT + 1, o.title, { size: TITLE_PT, anchor: 'middle' })];
  parts.push(`<g transform="translate(${x0.toFixed(2)} ${top})">${drawn.cells}</g>`);
  if (barW) parts.push(place(colourBar('viridis', [0, firingTop(f)], FIRING_QUANTITY, L.height), mapW + 4, top));
  let height = top + L.height + 4;
  const h = unitHealth(f);
  const caption =
    mode === 'firing'
      ? `${h.dead} dead (×) · ${h.alwaysOn} always on (○) of ${h.units} units`
      : `class each unit fires for most, faded where it fires for several · ${h.dead} dead (×)`;
  parts.push(text(o.width / 2, height + TICK_PT, caption, { size: TICK_PT, anchor: 'middle' }));
  height += TICK_PT + 4;
  if (drawn.cls) {
    const legend = classLegend(drawn.cls, o.classNames, o.width);
    parts.push(place(legend, 0, height));
    height += legend.height;
  }
  return { width: o.width, height, body: parts.join('') };
}
