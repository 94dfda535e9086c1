/**
 * CSV: a header row, numeric feature columns and one label column (named label/class/target/y, else the
 * last non-numeric column). String labels are mapped to indices in sorted order. train.csv + test.csv
 * beside each other become the two splits.
 */
import { basename } from 'node:path';
import { DatasetError, type Dataset, type Split } from '../types';
import { splitCsvLine } from './detect';
import { readData, type Entry } from './walk';

const LABEL_NAMES = ['label', 'class', 'target', 'y'];
/** Beyond this the text would not fit one JS string comfortably; such a table wants another format. */
const MAX_CSV_BYTES = 256 * 1024 * 1024;

interface Table {
  header: string[];
  rows: string[][];
  lines: number[];
  file: string;
}

function parse(text: string, file: string): Table {
  // Keep each row's line number in the file for the error messages.
  const numbered = text
    .split(/\r?\n/)
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => l.trim() !== '');
  if (numbered.length < 2) throw new DatasetError(file, 'needs a header row and at least one data row');
  const header = splitCsvLine(numbered[0]!.l.replace(/^\uFEFF/, ''));
  const body = numbered.slice(1);
  const rows = body.map(({ l }) => splitCsvLine(l));
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new DatasetError(
        file,
        `line ${body[i]!.n} has ${r.length} fields but the header has ${header.length} (ragged CSV)`,
      );
  });
  return { header, rows, lines: body.map((b) => b.n), file };
}

async function readTable(path: string): Promise<Table> {
  const bytes = await readData(path);
  if (bytes.length > MAX_CSV_BYTES)
    throw new DatasetError(path, `is ${bytes.length} bytes; CSV files over 256 MiB are not supported`);
  return parse(bytes.toString('utf8'), path);
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

function toSplit(t: Table, label: number, classIndex: Map<string, number>): Split {
  const f = t.header.length - 1,
    n = t.rows.length,
    x = new Float32Array(n * f),
    y = new Int32Array(n);
  t.rows.forEach((r, i) => {
    let k = 0;
    r.forEach((cell, c) => {
      if (c === label) return;
      const v = Number(cell);
      if (cell === '' || !Number.isFinite(v))
        throw new DatasetError(t.file, `line ${t.lines[i]}, column "${t.header[c]}": "${cell}" is not a number`);
      x[i * f + k++] = v;
    });
    if (r[label] === '')
      throw new DatasetError(t.file, `line ${t.lines[i]}: the label column "${t.header[label]}" is empty`);
    y[i] = classIndex.get(r[label]!)!;
  });
  return { x, y, count: n };
}

/** Numeric labels in numeric order (2 before 10), text labels alphabetically. */
const byLabel = (a: string, b: string): number => Number(a) - Number(b) || a.localeCompare(b);

export async function loadCsv(root: string, entries: Entry[]): Promise<Dataset> {
  const tables = await Promise.all(entries.map((e) => readTable(e.path)));
  // The split comes from the file names (train.csv / test.csv); the format was recognised by content.
  const trainT = tables.find((t) => /train/i.test(basename(t.file))) ?? tables[0]!;
  const testT = tables.find((t) => t !== trainT && /test/i.test(basename(t.file)));
  if (testT && testT.header.join() !== trainT.header.join())
    throw new DatasetError(
      testT.file,
      `has columns ${testT.header.join(',')} but ${trainT.file} has ${trainT.header.join(',')}`,
    );
  const label = labelColumn(trainT);
  if (trainT.header.length < 2) throw new DatasetError(trainT.file, 'has a label column but no feature columns');
  const classes = [...new Set([...trainT.rows, ...(testT?.rows ?? [])].map((r) => r[label]!))]
    .filter((c) => c !== '')
    .sort(byLabel);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const warnings = tables
    .filter((t) => t !== trainT && t !== testT)
    .map((t) => `${t.file}: ignored (only one training and one test CSV are read)`);
  if (classes.length > 100)
    warnings.push(
      `${trainT.file}: the label column "${trainT.header[label]}" has ${classes.length} distinct values; is it really a class label?`,
    );
  return {
    name: basename(root),
    format: 'csv',
    source: root,
    shape: [trainT.header.length - 1],
    classes,
    train: toSplit(trainT, label, classIndex),
    test: testT ? toSplit(testT, label, classIndex) : undefined,
    warnings,
  };
}
