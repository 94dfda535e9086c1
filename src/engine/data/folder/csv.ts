/**
 * CSV folders: a header row, numeric feature columns and one label column (csv-columns.ts says which).
 * String labels are mapped to indices in sorted order (numbers numerically). train.csv + test.csv beside
 * each other become the two splits; other CSV files are ignored with a warning.
 */
import { basename } from 'node:path';
import { MemoryRows, type RowSink } from '../rows';
import { DatasetError, type Dataset, type Split } from '../types';
import { scanCsv, type CsvLayout } from './csv-scan';
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
}

/** Streams the train (and test) CSV into the sinks; returns the layout, classes and renumbered labels. */
export async function scanCsvFolder(f: Folder, sinks: CsvSinks) {
  const roles = csvRoles(f);
  const labelIds = new Map<string, number>();
  const train = await scanCsv(roles.train.path, roles.train.rel, labelIds, sinks.train);
  const test = roles.test
    ? await scanCsv(roles.test.path, roles.test.rel, labelIds, sinks.test, train.layout)
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
    classes,
    warnings,
    trainY: relabel(train.labels),
    testY: test && relabel(test.labels),
  };
}

export async function loadCsv(f: Folder): Promise<Dataset> {
  const mem: { train?: MemoryRows; test?: MemoryRows } = {};
  const width = (l: CsvLayout) => l.header.length - 1;
  const r = await scanCsvFolder(f, {
    train: (l) => (mem.train = new MemoryRows(width(l))),
    test: (l) => (mem.test = new MemoryRows(width(l))),
  });
  if (!mem.train) throw new DatasetError(f.label, 'holds no readable CSV');
  const test: Split | undefined = mem.test && r.testY ? mem.test.toSplit(r.testY) : undefined;
  return {
    name: basename(f.root),
    format: 'csv',
    source: f.root,
    shape: [r.layout.header.length - 1],
    classes: r.classes,
    train: mem.train.toSplit(r.trainY),
    test,
    warnings: r.warnings,
  };
}
