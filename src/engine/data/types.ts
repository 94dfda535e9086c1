/** What every dataset loader returns: flat typed arrays, never JS arrays of samples. */

/** Rows kept on disk (a big cached table), read by range: `read(row, n)` gives rows [row, row + n). */
export interface RowSource {
  readonly count: number;
  /** Values per row. */
  readonly width: number;
  read(row: number, n: number, into?: Float32Array): Promise<Float32Array>;
  close(): Promise<void>;
}

export interface Split {
  /** Samples, row-major [count, ...shape], values scaled to [0, 1] for images; empty when `rows` is set. */
  x: Float32Array;
  /** Set when the samples stay on disk: only experiments that stream (the batch SOM) take such a split. */
  rows?: RowSource;
  /** Class index per sample (-1 when unlabelled). */
  y: Int32Array;
  count: number;
}

export type DatasetFormat = 'builtin' | 'inline' | 'mnist-idx' | 'cifar10' | 'image-folder' | 'csv';

export interface Dataset {
  /** Short name for titles ("mnist", "colors", or the folder's base name). */
  name: string;
  format: DatasetFormat;
  /** Where it came from: "builtin:mnist" or an absolute folder path. */
  source: string;
  /** Per-sample shape: [28, 28, 1] for MNIST, [32, 32, 3] for CIFAR, [3] for colours, [F] for CSV. */
  shape: number[];
  /** Class names by index; empty when unlabelled. */
  classes: string[];
  train: Split;
  test?: Split;
  /** Non-fatal problems met while loading (e.g. images resized), for the UI and the run log. */
  warnings: string[];
}

/** Error for anything wrong with input data: names the file and the problem. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export const sampleSize = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
