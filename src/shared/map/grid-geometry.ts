/**
 * Where each neuron sits on the canvas. Rect and torus: a square lattice. Hex: offset rows, odd rows
 * shifted right by half a cell, pointy-top hexagons (6 neighbours). Chain: one row of cells. Ring: cells
 * round a circle, so the seam between the last and the first neuron is not a seam on screen.
 */
export type CellShape = 'square' | 'hex';

export interface GridLayout {
  rows: number;
  cols: number;
  topology: string;
  width: number;
  height: number;
  /** Centre-to-centre distance of horizontal neighbours, in px. */
  cell: number;
  shape: CellShape;
  /** Neuron i's centre is (centres[2i], centres[2i+1]). */
  centres: Float64Array;
}

const SQRT3 = Math.sqrt(3);

/** Hex centre in units of the horizontal spacing (1): odd rows shifted by 0.5, rows √3/2 apart. */
export function hexCentre(r: number, c: number): { x: number; y: number } {
  const R = 1 / SQRT3; // circumradius when neighbours are 1 apart
  return { x: c + 0.5 + 0.5 * (r & 1), y: R + r * 1.5 * R };
}

function hexExtent(rows: number, cols: number): { w: number; h: number } {
  const R = 1 / SQRT3;
  return { w: cols + (rows > 1 ? 0.5 : 0), h: 2 * R + (rows - 1) * 1.5 * R };
}

/** Fits the map into maxW×maxH px (keeping cells square/regular) and returns every centre. */
export function gridLayout(rows: number, cols: number, topology: string, maxW: number, maxH: number): GridLayout {
  const n = rows * cols;
  const centres = new Float64Array(2 * n);
  if (topology === 'ring') {
    // Cells of size s on a circle of circumference ≈ n·s·1.15; the canvas holds the circle plus one cell.
    const k = (n * 1.15) / (2 * Math.PI);
    const s = Math.min(maxW, maxH) / (2 * k + 1.2);
    const radius = k * s;
    const side = 2 * radius + 1.2 * s;
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n - Math.PI / 2;
      centres[2 * i] = side / 2 + radius * Math.cos(a);
      centres[2 * i + 1] = side / 2 + radius * Math.sin(a);
    }
    return { rows, cols, topology, width: side, height: side, cell: s, shape: 'square', centres };
  }
  if (topology === 'hex') {
    const ext = hexExtent(rows, cols);
    const s = Math.min(maxW / ext.w, maxH / ext.h);
    for (let i = 0; i < n; i++) {
      const p = hexCentre(Math.floor(i / cols), i % cols);
      centres[2 * i] = p.x * s;
      centres[2 * i + 1] = p.y * s;
    }
    return { rows, cols, topology, width: ext.w * s, height: ext.h * s, cell: s, shape: 'hex', centres };
  }
  const s = Math.min(maxW / cols, maxH / rows);
  for (let i = 0; i < n; i++) {
    centres[2 * i] = ((i % cols) + 0.5) * s;
    centres[2 * i + 1] = (Math.floor(i / cols) + 0.5) * s;
  }
  return { rows, cols, topology, width: cols * s, height: rows * s, cell: s, shape: 'square', centres };
}

/** Pixel position of a point given in (fractional) grid coordinates; affine for rect/torus/chain. */
export function gridToPixel(layout: GridLayout, row: number, col: number): { x: number; y: number } {
  if (layout.topology === 'hex') {
    // Hex maps never wrap, so only whole rows arrive here.
    const p = hexCentre(Math.round(row), col);
    return { x: p.x * layout.cell, y: p.y * layout.cell };
  }
  if (layout.topology === 'ring') {
    const n = layout.rows * layout.cols;
    const i = ((col % n) + n) % n;
    return { x: layout.centres[2 * Math.floor(i)]!, y: layout.centres[2 * Math.floor(i) + 1]! };
  }
  return { x: (col + 0.5) * layout.cell, y: (row + 0.5) * layout.cell };
}

/** Vertices of the cell around (cx, cy): a square of side s, or a pointy-top hexagon. */
export function cellPolygon(shape: CellShape, cx: number, cy: number, s: number): [number, number][] {
  if (shape === 'square') {
    const h = s / 2;
    return [
      [cx - h, cy - h],
      [cx + h, cy - h],
      [cx + h, cy + h],
      [cx - h, cy + h],
    ];
  }
  const R = s / SQRT3;
  const out: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 3) * k - Math.PI / 2;
    out.push([cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  }
  return out;
}

/** The neuron under pixel (x, y): nearest centre within one cell, or -1. */
export function hitTest(layout: GridLayout, x: number, y: number): number {
  let best = -1,
    bestD = (layout.cell * 0.6) ** 2;
  for (let i = 0; i < layout.centres.length / 2; i++) {
    const d = (layout.centres[2 * i]! - x) ** 2 + (layout.centres[2 * i + 1]! - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
