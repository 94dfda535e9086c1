/**
 * One CSV file streamed into a row sink: the features of each row as float32, its label as an index into a
 * shared label table (first-seen order; csv.ts renumbers them in sorted order at the end). Every bad row is
 * counted and the first few are quoted: ragged rows, cells of a feature column that are not numbers (the
 * error names the column and the lines), empty labels.
 */
import { ProblemList } from '../problems';
import { Growable, type RowSink } from '../rows';
import { DatasetError } from '../types';
import { cellNumber, labelColumn } from './csv-columns';
import { csvRecords, type CsvRecord } from './csv-records';

/** Rows read before the label column is chosen by content (when no column is named label/class/target/y). */
const SAMPLE_ROWS = 1000;
const SETTLE_EVERY = 4096;

export interface CsvLayout {
  header: string[];
  label: number;
}

export interface ScanResult {
  layout: CsvLayout;
  /** Index into the shared label table per row. */
  labels: Int32Array;
}

/** Reads just far enough to know the header and the label column. */
async function layoutOf(records: AsyncGenerator<CsvRecord>, rel: string, given?: CsvLayout) {
  const head = await records.next();
  if (head.done) throw new DatasetError(rel, 'needs a header row and at least one data row');
  const header = head.value.cells;
  if (given && header.join() !== given.header.join())
    throw new DatasetError(rel, `has columns ${header.join(',')} but the training CSV has ${given.header.join(',')}`);
  const first: CsvRecord[] = [];
  while (!given && first.length < SAMPLE_ROWS) {
    const r = await records.next();
    if (r.done) break;
    first.push(r.value);
  }
  return { layout: given ?? { header, label: labelColumn(header, first, rel) }, first };
}

class RowChecks {
  readonly ragged = new ProblemList();
  readonly emptyLabel = new ProblemList();
  readonly badCells = new Map<number, ProblemList>();

  cell(column: number, line: number, cell: string): void {
    let list = this.badCells.get(column);
    if (!list) this.badCells.set(column, (list = new ProblemList(3)));
    list.add(`line ${line}: "${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`);
  }

  /** One sentence per kind of problem, or null when every row was good. */
  report(l: CsvLayout): string | null {
    const parts: string[] = [];
    const fields = `another number of fields than the header's ${l.header.length}`;
    if (!this.ragged.empty) parts.push(this.ragged.describe(`row has ${fields}`, `rows have ${fields}`));
    const [one, many] = ['cell that is not a number', 'cells that are not numbers'];
    for (const [c, list] of [...this.badCells].sort((a, b) => a[0] - b[0]))
      parts.push(`feature column "${l.header[c]}" has ${list.describe(one, many)}`);
    if (!this.emptyLabel.empty)
      parts.push(`the label column "${l.header[l.label]}" is empty on ${this.emptyLabel.describe('line', 'lines')}`);
    return parts.length ? parts.join('; ') : null;
  }
}

export async function scanCsv(
  path: string,
  rel: string,
  labelIds: Map<string, number>,
  sink: (layout: CsvLayout) => RowSink,
  given?: CsvLayout,
  onBytes?: (n: number) => void,
): Promise<ScanResult> {
  const records = csvRecords(path, rel, onBytes);
  try {
    return await scanRecords(records, rel, labelIds, sink, given);
  } finally {
    await records.return(undefined); // closes the file when an error stopped the scan early
  }
}

async function scanRecords(
  records: AsyncGenerator<CsvRecord>,
  rel: string,
  labelIds: Map<string, number>,
  sink: (layout: CsvLayout) => RowSink,
  given?: CsvLayout,
): Promise<ScanResult> {
  const { layout, first } = await layoutOf(records, rel, given);
  const { header, label } = layout;
  if (header.length < 2) throw new DatasetError(rel, 'has a label column but no feature columns');
  const out = sink(layout);
  const labels = new Growable((n) => new Int32Array(n));
  const checks = new RowChecks();
  const row = new Float32Array(header.length - 1);
  const take = (r: CsvRecord): void => {
    if (r.cells.length !== header.length) return checks.ragged.add(`line ${r.line} (${r.cells.length} fields)`);
    let k = 0;
    r.cells.forEach((cell, c) => {
      if (c === label) return;
      const v = cellNumber(cell);
      if (Number.isNaN(v)) checks.cell(c, r.line, cell);
      row[k++] = v;
    });
    const name = r.cells[label]!;
    if (name === '') checks.emptyLabel.add(String(r.line));
    if (!labelIds.has(name)) labelIds.set(name, labelIds.size);
    labels.push(labelIds.get(name)!);
    out.add(row);
  };
  first.forEach(take);
  for await (const r of records) {
    take(r);
    if (labels.length % SETTLE_EVERY === 0) await out.settle();
  }
  await out.settle();
  const problems = checks.report(layout);
  if (problems) throw new DatasetError(rel, problems);
  if (labels.length === 0) throw new DatasetError(rel, 'needs a header row and at least one data row');
  return { layout, labels: labels.take() };
}
