/**
 * CSV: a header row, numeric feature columns and one label column (named label/class/target/y, else the
 * last non-numeric column). String labels are mapped to indices in sorted order. train.csv + test.csv
 * beside each other become the two splits.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DatasetError, type Dataset, type Split } from '../types';
import type { Entry } from './walk';

const LABEL_NAMES = ['label', 'class', 'target', 'y'];

interface Table { header: string[]; rows: string[][]; file: string }

function parse(text: string, file: string): Table {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new DatasetError(file, 'needs a header row and at least one data row');
  const split = (l: string) => l.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0]!);
  const rows = lines.slice(1).map(split);
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new DatasetError(file, `line ${i + 2} has ${r.length} fields but the header has ${header.length} (ragged CSV)`);
  });
  return { header, rows, file };
}

function labelColumn(t: Table): number {
  // A single non-numeric column is the label (whatever it is called: "y" may well be a feature).
  const text = t.header.map((_, c) => c).filter((c) => t.rows.some((r) => r[c] !== '' && Number.isNaN(Number(r[c]))));
  if (text.length === 1) return text[0]!;
  const named = t.header.findIndex((h) => LABEL_NAMES.includes(h.toLowerCase()));
  if (named >= 0) return named;
  if (text.length > 0) return text[text.length - 1]!;
  throw new DatasetError(t.file, `has no label column: name one ${LABEL_NAMES.join('/')} or make it non-numeric`);
}

function toSplit(t: Table, label: number, classes: string[]): Split {
  const f = t.header.length - 1, n = t.rows.length, x = new Float32Array(n * f), y = new Int32Array(n);
  t.rows.forEach((r, i) => {
    let k = 0;
    r.forEach((cell, c) => {
      if (c === label) return;
      const v = Number(cell);
      if (cell === '' || !Number.isFinite(v)) throw new DatasetError(t.file, `line ${i + 2}, column "${t.header[c]}": "${cell}" is not a number`);
      x[i * f + k++] = v;
    });
    y[i] = classes.indexOf(r[label]!);
  });
  return { x, y, count: n };
}

export async function loadCsv(root: string, entries: Entry[]): Promise<Dataset> {
  const tables = await Promise.all(entries.map(async (e) => parse(await readFile(e.path, 'utf8'), e.path)));
  const trainT = tables.find((t) => /train/i.test(basename(t.file))) ?? tables[0]!;
  const testT = tables.find((t) => t !== trainT && /test/i.test(basename(t.file)));
  if (testT && testT.header.join() !== trainT.header.join()) throw new DatasetError(testT.file, `has columns ${testT.header.join(',')} but ${trainT.file} has ${trainT.header.join(',')}`);
  const label = labelColumn(trainT);
  if (trainT.header.length < 2) throw new DatasetError(trainT.file, 'has a label column but no feature columns');
  const classes = [...new Set([...trainT.rows, ...(testT?.rows ?? [])].map((r) => r[label]!))].sort((a, b) => (Number(a) - Number(b)) || a.localeCompare(b));
  return {
    name: basename(root), format: 'csv', source: root, shape: [trainT.header.length - 1], classes,
    train: toSplit(trainT, label, classes), test: testT ? toSplit(testT, label, classes) : undefined, warnings: [],
  };
}
