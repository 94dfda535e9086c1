/**
 * The figure composer: panels from one or more runs on a grid, lettered (a), (b) …, and one colour scale per
 * row where the panels of that row show the same quantity (their union range; the scale drawn once, on the
 * row's last such panel).
 */
import type { PreparedPanel } from './panel';
import { place, text, TITLE_PT, type Art } from './svg';

const GAP = 8;

function sharedRanges(row: PreparedPanel[]): Map<PreparedPanel, { range: [number, number]; showScale: boolean }> {
  const out = new Map<PreparedPanel, { range: [number, number]; showScale: boolean }>();
  const byQuantity = new Map<string, PreparedPanel[]>();
  for (const p of row) if (p.scale) byQuantity.set(p.scale.quantity, [...(byQuantity.get(p.scale.quantity) ?? []), p]);
  for (const group of byQuantity.values()) {
    const lo = Math.min(...group.map((p) => p.scale!.range[0])),
      hi = Math.max(...group.map((p) => p.scale!.range[1]));
    group.forEach((p, k) => out.set(p, { range: [lo, hi], showScale: k === group.length - 1 }));
  }
  return out;
}

export async function composeGrid(
  panels: PreparedPanel[],
  width: number,
  columns: number,
  title?: string,
): Promise<Art> {
  const cols = Math.min(columns, panels.length);
  const cellW = (width - GAP * (cols - 1)) / cols;
  const parts: string[] = [];
  let y = 0;
  if (title) {
    parts.push(text(width / 2, TITLE_PT + 2, title, { size: TITLE_PT + 1, anchor: 'middle', bold: true }));
    y = TITLE_PT + 8;
  }
  for (let r = 0; r * cols < panels.length; r++) {
    const row = panels.slice(r * cols, (r + 1) * cols);
    const shared = sharedRanges(row);
    const arts = await Promise.all(row.map((p) => p.render({ width: cellW, ...shared.get(p) })));
    arts.forEach((a, k) => {
      const letter = String.fromCharCode(97 + r * cols + k);
      parts.push(place(a, k * (cellW + GAP), y));
      parts.push(text(k * (cellW + GAP) + 1, y + TITLE_PT + 1, `(${letter})`, { size: TITLE_PT, bold: true }));
    });
    y += Math.max(...arts.map((a) => a.height)) + GAP;
  }
  return { width, height: y - GAP, body: parts.join('') };
}
