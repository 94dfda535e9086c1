/** A panel prepared from its data: rendered at any width (and with a shared colour range), plus its table. */
import type { Art } from './svg';

export interface PanelTable {
  xLabel: string;
  yLabel: string;
  percent: boolean;
  columns: string[];
  /** [x, ...one value per column] rows; NaN where a series has no value at x. */
  rows: number[][];
}

export interface RenderOptions {
  width: number;
  /** A colour range shared with other panels of a row. */
  range?: [number, number];
  showScale?: boolean;
}

export interface PreparedPanel {
  title: string;
  /** Runs and steps the panel shows (for the provenance sidecar). */
  runs: { id: string; steps: number[]; layer?: string }[];
  /** The quantity its colour scale shows and its own range, when it has one. */
  scale?: { quantity: string; range: [number, number] };
  render(o: RenderOptions): Promise<Art>;
  table?(): PanelTable;
  /** Filmstrips: one drawing per frame, for a GIF. */
  frames?(o: RenderOptions): Promise<Art[]>;
}
