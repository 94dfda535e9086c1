/**
 * A SOM map as SVG, in points: every cell of its lattice (squares, hexagons, a ring) filled by mode, the
 * codebook as colours or as the neurons' own images, a colour scale for quantities and a named legend for
 * classes. The same geometry as the renderer's canvas (src/shared/map/grid-geometry).
 */
import sharp from 'sharp';
import { classColour, rgbCss, SCALES, type ScaleName } from '../../shared/charts/colours';
import { finiteExtent } from '../../shared/charts/ticks';
import { codebookAtlas, codebookRange, codebookView, imageShape, neuronColour } from '../../shared/map/codebook-image';
import { cellPolygon, gridLayout, type GridLayout } from '../../shared/map/grid-geometry';
import type { SomSnapshot } from '../../shared/run-types';
import { colourBar, COLOUR_BAR_WIDTH } from './colour-bar';
import { place, polygon, rect, text, TICK_PT, TITLE_PT, type Art } from './svg';

export type MapMode = 'codebook' | 'umatrix' | 'hits' | 'classes' | 'diff';

/** What a mode shows, for scale labels and for sharing one scale across a row. */
export const MODE_QUANTITY: Record<Exclude<MapMode, 'codebook' | 'classes'>, { label: string; scale: ScaleName }> = {
  umatrix: { label: 'mean distance to neighbours', scale: 'greys' },
  hits: { label: 'samples won', scale: 'viridis' },
  diff: { label: 'codebook distance', scale: 'cividis' },
};

export interface MapArtOptions {
  width: number;
  title: string;
  /** Per-neuron values for 'diff' (and to override hits/umatrix). */
  values?: Float32Array;
  /** A colour range shared with other panels; default: this map's own. */
  range?: [number, number];
  /** Draw the colour scale (a row sharing one scale draws it once). */
  showScale?: boolean;
  classNames?: string[];
  /** Extra SVG drawn over the cells, in the map's coordinates (the winner trace). */
  overlay?: (layout: GridLayout) => string;
}

const TITLE_H = TITLE_PT + 6;

export function mapValues(s: SomSnapshot, mode: MapMode, values?: Float32Array): Float32Array | null {
  if (values) return values;
  if (mode === 'umatrix') return s.umatrix;
  if (mode === 'hits') return s.hits;
  return null;
}

export function naturalRange(v: Float32Array): [number, number] {
  const e = finiteExtent(v) ?? [0, 1];
  return e[1] > e[0] ? e : [e[0], e[0] + 1];
}

async function imageCells(s: SomSnapshot, L: GridLayout): Promise<string> {
  const img = imageShape(s.shape)!;
  const n = s.rows * s.cols;
  const atlas = codebookAtlas(s.codebook, n, img, codebookRange(s.codebook));
  const png = await sharp(Buffer.from(atlas.data.buffer), {
    raw: { width: atlas.width, height: atlas.height, channels: 4 },
  })
    .png()
    .toBuffer();
  const side = L.shape === 'hex' ? L.cell * 0.8 : L.cell * 0.94;
  const href = `data:image/png;base64,${png.toString('base64')}`;
  const defs =
    `<defs><image id="atlas" width="${atlas.width}" height="${atlas.height}" image-rendering="pixelated" ` +
    `xlink:href="${href}"/></defs>`;
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const sx = (i % atlas.perRow) * img.w,
      sy = Math.floor(i / atlas.perRow) * img.h;
    const x = L.centres[2 * i]! - side / 2,
      y = L.centres[2 * i + 1]! - side / 2;
    cells.push(
      `<svg x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${side.toFixed(2)}" height="${side.toFixed(2)}" ` +
        `viewBox="${sx} ${sy} ${img.w} ${img.h}"><use xlink:href="#atlas"/></svg>`,
    );
  }
  return defs + cells.join('');
}

function filledCells(L: GridLayout, colour: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < L.rows * L.cols; i++)
    out.push(polygon(cellPolygon(L.shape, L.centres[2 * i]!, L.centres[2 * i + 1]!, L.cell * 0.96), colour(i)));
  return out.join('');
}

export function classLegend(classMap: Int32Array, names: string[] | undefined, width: number): Art {
  const present = [...new Set(classMap)].filter((k) => k >= 0).sort((a, b) => a - b);
  const per = Math.max(1, Math.floor(width / 46));
  const items = present.map((k, j) => {
    const x = (j % per) * 46,
      y = Math.floor(j / per) * 10 + 2;
    return rect(x, y, 6, 6, rgbCss(classColour(k))) + text(x + 8, y + 5.5, names?.[k] ?? String(k), { size: TICK_PT });
  });
  return { width, height: Math.ceil(present.length / per) * 10 + 4, body: items.join('') };
}

export async function mapArt(s: SomSnapshot, mode: MapMode, o: MapArtOptions): Promise<Art> {
  const values = mapValues(s, mode, o.values);
  const quantity = mode === 'codebook' || mode === 'classes' ? null : MODE_QUANTITY[mode];
  const barW = quantity && o.showScale !== false ? COLOUR_BAR_WIDTH : 0;
  const mapW = o.width - barW - 4;
  const L = gridLayout(s.rows, s.cols, s.topology, mapW, mapW);
  let cells: string;
  if (mode === 'codebook' && codebookView(s.shape) === 'image') cells = await imageCells(s, L);
  else if (mode === 'codebook') {
    const r = codebookRange(s.codebook);
    cells = filledCells(L, (i) => rgbCss(neuronColour(s.codebook, i, r)));
  } else if (mode === 'classes') cells = filledCells(L, (i) => rgbCss(classColour(s.classMap?.[i] ?? -1)));
  else {
    const range = o.range ?? naturalRange(values!);
    const span = range[1] - range[0] || 1;
    cells = filledCells(L, (i) => rgbCss(SCALES[quantity!.scale]((values![i]! - range[0]) / span)));
  }
  const x0 = (mapW - L.width) / 2;
  const parts = [text(o.width / 2, TITLE_PT + 1, o.title, { size: TITLE_PT, anchor: 'middle' })];
  parts.push(`<g transform="translate(${x0.toFixed(2)} ${TITLE_H})">${cells}${o.overlay?.(L) ?? ''}</g>`);
  let height = TITLE_H + L.height + 4;
  if (barW)
    parts.push(
      place(colourBar(quantity!.scale, o.range ?? naturalRange(values!), quantity!.label, L.height), mapW + 4, TITLE_H),
    );
  if (mode === 'classes' && s.classMap) {
    const legend = classLegend(s.classMap, o.classNames, o.width);
    parts.push(place(legend, 0, height));
    height += legend.height;
  }
  return { width: o.width, height, body: parts.join('') };
}
