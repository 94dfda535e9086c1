/**
 * Unit health (mask layers, kWTA codes) painted on the lattice: each unit's firing rate (viridis), dead
 * units crossed out in red and always-on units ringed in orange; or the class each unit fires for most,
 * faded by how selective it is.
 */
import type { GridLayout } from '../../../shared/map/grid-geometry';
import { cellPolygon } from '../../../shared/map/grid-geometry';
import { SCALES, classColour, rgbCss } from '../../../shared/charts/colours';
import {
  ALWAYS_ON_COLOUR,
  DEAD_COLOUR,
  DEAD_FILL,
  isAlwaysOn,
  isDead,
  preferredClass,
  selectivityOpacity,
  unitHealth,
} from '../../../shared/map/firing';
import { fillCells, path } from './draw-cells';
import type { ClassLegend, Legend } from './draw-legend';

function mark(ctx: CanvasRenderingContext2D, L: GridLayout, i: number, kind: 'dead' | 'on'): void {
  const x = L.centres[2 * i]!,
    y = L.centres[2 * i + 1]!,
    r = L.cell * 0.3;
  ctx.lineWidth = Math.max(1.5, L.cell * 0.08);
  if (kind === 'dead') {
    ctx.strokeStyle = DEAD_COLOUR;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.stroke();
  } else {
    ctx.strokeStyle = ALWAYS_ON_COLOUR;
    path(ctx, cellPolygon(L.shape, x, y, L.cell * 0.8));
    ctx.stroke();
  }
}

/** The scale runs from 0 to the busiest unit: a sparse mask (θ = 0.9: one unit in 16) is not all one colour. */
export function drawFiring(ctx: CanvasRenderingContext2D, firing: Float32Array, L: GridLayout): Legend {
  const hi = Math.max(1e-6, ...firing);
  fillCells(ctx, L, (i) => rgbCss(SCALES.viridis(Math.min(1, Math.max(0, firing[i]! / hi)))));
  for (let i = 0; i < firing.length; i++) {
    if (isDead(firing[i]!)) mark(ctx, L, i, 'dead');
    else if (isAlwaysOn(firing[i]!)) mark(ctx, L, i, 'on');
  }
  const h = unitHealth(firing);
  return {
    kind: 'scale',
    scale: 'viridis',
    lo: 0,
    hi,
    label: `fraction of samples a unit fires for · ${h.dead} dead (×) · ${h.alwaysOn} always on (○) of ${h.units}`,
  };
}

export function drawClassFiring(ctx: CanvasRenderingContext2D, byClass: Float32Array, L: GridLayout): ClassLegend {
  const n = L.rows * L.cols;
  const { cls, share } = preferredClass(byClass, n);
  const classes = byClass.length / n;
  fillCells(ctx, L, (i) => {
    if (cls[i]! < 0) return DEAD_FILL;
    const a = selectivityOpacity(share[i]!, classes);
    const [r, g, b] = classColour(cls[i]!);
    return `rgba(${r},${g},${b},${a.toFixed(3)})`;
  });
  for (let i = 0; i < n; i++) if (cls[i]! < 0) mark(ctx, L, i, 'dead');
  return { kind: 'classes', classes: [...new Set(cls)].filter((k) => k >= 0).sort((a, b) => a - b) };
}
