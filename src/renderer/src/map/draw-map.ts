/** Paints one mode of a SOM snapshot on the lattice: codebook (images or colours), U-matrix, hits, classes. */
import type { SomSnapshot } from '../../../shared/run-types';
import type { GridLayout } from '../../../shared/map/grid-geometry';
import { SCALES, classColour, extent, normalise, rgbCss } from '../../../shared/charts/colours';
import {
  codebookAtlas,
  codebookRange,
  codebookView,
  imageShape,
  neuronColour,
} from '../../../shared/map/codebook-image';
import { fillCells } from './draw-cells';
import { drawClassFiring, drawFiring } from './draw-firing';
import type { ClassLegend, Legend } from './draw-legend';
import type { GridMode } from './draw-grid';
import { scaleLabel } from './mode-labels';

function drawImages(ctx: CanvasRenderingContext2D, s: SomSnapshot, L: GridLayout): void {
  const img = imageShape(s.shape)!;
  const n = s.rows * s.cols;
  const atlas = codebookAtlas(s.codebook, n, img, codebookRange(s.codebook));
  const c = document.createElement('canvas');
  c.width = atlas.width;
  c.height = atlas.height;
  c.getContext('2d')!.putImageData(new ImageData(atlas.data, atlas.width, atlas.height), 0, 0);
  ctx.imageSmoothingEnabled = L.cell < img.w; // shrink smoothly, enlarge as crisp pixels
  const side = L.shape === 'hex' ? L.cell * 0.8 : L.cell * 0.94;
  for (let i = 0; i < n; i++) {
    const sx = (i % atlas.perRow) * img.w,
      sy = Math.floor(i / atlas.perRow) * img.h;
    ctx.drawImage(c, sx, sy, img.w, img.h, L.centres[2 * i]! - side / 2, L.centres[2 * i + 1]! - side / 2, side, side);
  }
}

/** A ring's lattice drawn as the circle its units sit on. */
function drawRing(ctx: CanvasRenderingContext2D, L: GridLayout): void {
  ctx.strokeStyle = '#d5d9e0';
  ctx.beginPath();
  ctx.arc(
    L.width / 2,
    L.height / 2,
    Math.hypot(L.centres[0]! - L.width / 2, L.centres[1]! - L.height / 2),
    0,
    2 * Math.PI,
  );
  ctx.stroke();
}

/** Draws the map; returns what the legend shows. */
export function drawMap(
  ctx: CanvasRenderingContext2D,
  s: SomSnapshot,
  L: GridLayout,
  mode: GridMode,
): Legend | ClassLegend | null {
  if (s.topology === 'ring') drawRing(ctx, L);
  if (mode === 'codebook') {
    if (codebookView(s.shape) === 'colour') {
      const range = codebookRange(s.codebook);
      fillCells(ctx, L, (i) => rgbCss(neuronColour(s.codebook, i, range)));
    } else drawImages(ctx, s, L);
    return null;
  }
  if (mode === 'firing' && s.firing) return drawFiring(ctx, s.firing, L);
  if (mode === 'classFiring' && s.firingByClass) return drawClassFiring(ctx, s.firingByClass, L);
  if (mode === 'classes' && s.classMap) {
    const cm = s.classMap;
    fillCells(ctx, L, (i) => rgbCss(classColour(cm[i]!)));
    return { kind: 'classes', classes: [...new Set(cm)].filter((k) => k >= 0).sort((a, b) => a - b) };
  }
  const values = mode === 'hits' ? s.hits : s.umatrix;
  const ext: [number, number] = mode === 'hits' ? [0, Math.max(1, extent(s.hits)[1])] : extent(values);
  const scale = mode === 'hits' ? 'viridis' : 'greys';
  fillCells(ctx, L, (i) => rgbCss(SCALES[scale](normalise(values[i]!, ext))));
  return {
    kind: 'scale',
    scale,
    lo: ext[0],
    hi: ext[1],
    label: scaleLabel(s, mode === 'hits' ? 'hits' : 'umatrix'),
  };
}
