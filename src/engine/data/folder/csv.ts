/**
 * CSV folders: a header row, numeric feature columns and one label column (csv-columns.ts says which).
 * String labels are mapped to indices in sorted order (numbers numerically). train.csv + test.csv beside
 * each other become the two splits; other CSV files are ignored with a warning.
 */
import { basename } from 'node:path';
import type { RowSink } from '../rows';
import type { Dataset } from '../types';
import { scanCsv, type CsvLayout } from './csv-scan';
import { phaseReporter } from '../../train/phase-reporter';
import { loadScanned, type Scanned, type ScanProgress, type SplitName, type SplitSinks } from './scanned';
import type { Entry, Folder } from './walk';

/** Numeric labels in numeric order (2 before 10), text labels alphabetically. */
const byLabel = (a: string, b: string): number => Number(a) - Number(b) || a.localeCompare(b);

/** Which CSV is the training table and which (if any) the test table, by name; the rest are ignored. */
export function csvRoles(f: Folder): { train: Entry; test?: Entry; ignored: Entry[] } {
  const files = f.entries.filter((e) => e.kind === 'csv');
  const train = files.find((e) => /train/i.test(basename(e.rel))) ?? files[0]!;
  const test = files.find((e) => e !== train && /test/i.test(basename(e.rel)));
  return { train, test, ignored: files.filter((e) => e !== train && e !== test) };
}

/** Class names in sorted order, and the first-seen ids of `labelIds` renumbered to match. */
export function sortedClasses(labelIds: Map<string, number>): { classes: string[]; renumber: Int32Array } {
  const classes = [...labelIds.keys()].sort(byLabel);
  const renumber = new Int32Array(labelIds.size);
  classes.forEach((name, i) => (renumber[labelIds.get(name)!] = i));
  return { classes, renumber };
}

export interface CsvSinks {
  train(layout: CsvLayout): RowSink;
  test(layout: CsvLayout): RowSink;
  /** Told the bytes read so far of the train and test files together, as they are read. */
  onBytes?(done: number): void;
}

/** Streams the train (and test) CSV into the sinks; returns the layout, classes and renumbered labels. */
export async function scanCsvFolder(f: Folder, sinks: CsvSinks) {
  const roles = csvRoles(f);
  const labelIds = new Map<string, number>();
  const total = roles.train.size + (roles.test?.size ?? 0);
  const read = (before: number) => sinks.onBytes && ((n: number) => sinks.onBytes!(before + n));
  const train = await scanCsv(roles.train.path, roles.train.rel, labelIds, sinks.train, undefined, read(0));
  const test = roles.test
    ? await scanCsv(roles.test.path, roles.test.rel, labelIds, sinks.test, train.layout, read(roles.train.size))
    : undefined;
  const { classes, renumber } = sortedClasses(labelIds);
  const relabel = (y: Int32Array) => y.map((id) => renumber[id]!);
  const warnings = [
    ...f.warnings,
    ...roles.ignored.map((e) => `${e.rel}: ignored (only one training and one test CSV are read)`),
  ];
  if (classes.length > 100)
    warnings.push(
      `${roles.train.rel}: the label column "${train.layout.header[train.layout.label]}" has ${classes.length} ` +
        'distinct values; is it really a class label?',
    );
  return {
    layout: train.layout,
    /** Bytes of the train and test files read. */
    bytes: total,
    classes,
    warnings,
    trainY: relabel(train.labels),
    testY: test && relabel(test.labels),
  };
}

/** The folder's tables streamed into the sinks (Scanner), with `convert` progress in bytes read. */
export async function scanCsvTables(f: Folder, sinks: SplitSinks, report?: ScanProgress): Promise<Scanned> {
  const made: RowSink[] = [];
  const sink = (s: SplitName) => (l: CsvLayout) => {
    const out = sinks[s]([l.header.length - 1]);
    made.push(out);
    return out;
  };
  const roles = csvRoles(f),
    total = roles.train.size + (roles.test?.size ?? 0);
  const tell = phaseReporter(report, { phase: 'convert', unit: 'bytes', total, label: basename(f.root) });
  const rows = (): number => made.reduce((a, m) => a + m.count, 0);
  // The end is told once every row is counted, not when the last byte is read.
  const onBytes = (done: number): void => tell(Math.min(done, total - 1), rows());
  const r = await scanCsvFolder(f, { train: sink('train'), test: sink('test'), ...(report ? { onBytes } : {}) });
  tell(total, rows());
  const shape = [r.layout.header.length - 1];
  return { shape, classes: r.classes, warnings: r.warnings, trainY: r.trainY, testY: r.testY };
}

export const loadCsv = (f: Folder): Promise<Dataset> => loadScanned(f, 'csv', scanCsvTables);
