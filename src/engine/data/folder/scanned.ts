/**
 * A folder loader that streams: it reads its files in chunks and hands each split's rows to a sink, so the
 * same reader fills memory (loadScanned, the folder read directly) or the dataset cache's files on disk
 * (cache/index.ts), and the two give the same arrays. Progress goes out as it reads.
 */
import { basename } from 'node:path';
import type { Report } from '../../train/phase-reporter';
import { MemoryRows, type RowSink } from '../rows';
import { DatasetError, type Dataset, type DatasetFormat, type Split } from '../types';
import type { Folder } from './walk';

export type SplitName = 'train' | 'test';

/** A sink for a split's rows of per-row `shape`; `count` when the reader knows it up front. */
export type SplitSinks = Record<SplitName, (shape: readonly number[], count?: number) => RowSink>;

/** What a streaming loader found besides the rows it wrote. */
export interface Scanned {
  shape: number[];
  classes: string[];
  warnings: string[];
  trainY: Int32Array;
  testY?: Int32Array;
}

/** Where a scanner's `convert` / `decode` progress goes (each scanner throttles its own: phase-reporter.ts). */
export type ScanProgress = Report;

export type Scanner = (f: Folder, sinks: SplitSinks, progress?: ScanProgress) => Promise<Scanned>;

/** Bytes read per range from a binary file (whole records at a time). */
export const READ_BYTES = 1 << 20;

/** Whole records of `record` bytes per read of about READ_BYTES. */
export const recordsPerRead = (record: number): number => Math.max(1, Math.floor(READ_BYTES / record));

/** The dataset a scanner gives, held in memory. */
export async function loadScanned(f: Folder, format: DatasetFormat, scan: Scanner): Promise<Dataset> {
  const mem: Partial<Record<SplitName, MemoryRows>> = {};
  const width = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
  const r = await scan(f, {
    train: (shape, count) => (mem.train = new MemoryRows(width(shape), count)),
    test: (shape, count) => (mem.test = new MemoryRows(width(shape), count)),
  });
  if (!mem.train) throw new DatasetError(f.label, 'holds no training rows');
  const test: Split | undefined = mem.test && r.testY ? mem.test.toSplit(r.testY) : undefined;
  return {
    name: basename(f.root),
    format,
    source: f.root,
    shape: r.shape,
    classes: r.classes,
    train: mem.train.toSplit(r.trainY),
    test,
    warnings: r.warnings,
  };
}
