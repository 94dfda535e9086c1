/**
 * CIFAR-10 binary batches: records of 1 label byte + 3 072 bytes (32×32, channel planes R, G, B), read by
 * ranges of whole records (about 1 MiB) and decoded into HWC rows as they come.
 */
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkEach, ProblemList } from '../problems';
import type { RowSink } from '../rows';
import { DatasetError, type Dataset } from '../types';
import { phaseReporter } from '../../train/phase-reporter';
import { CIFAR_RECORD as REC } from './magic';
import {
  loadScanned,
  recordsPerRead,
  type Scanned,
  type ScanProgress,
  type SplitName,
  type SplitSinks,
} from './scanned';
import type { Entry, Folder } from './walk';

const PIXELS = 1024;
const SIZE = 3 * PIXELS;
const DEFAULT_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

const fmt = (n: number): string => n.toLocaleString('en-US');

/** What is wrong with a batch file's size, or null when it is a whole number of records. */
export function cifarSizeProblem(size: number): string | null {
  if (size % REC === 0) return null;
  const whole = Math.floor(size / REC);
  return (
    `looks like a CIFAR-10 batch (a label byte 0–9 every ${fmt(REC)} bytes) but is ${fmt(size)} bytes: ` +
    `${fmt(whole)} whole record${whole === 1 ? '' : 's'} and ${fmt(size - whole * REC)} bytes over ` +
    `(a batch is a whole number of ${fmt(REC)}-byte records; truncated download?)`
  );
}

/** One record's CHW planes as HWC pixels / 255 in `row`. */
function decodeRecord(bytes: Uint8Array, o: number, row: Float32Array): void {
  for (let p = 0; p < PIXELS; p++) for (let c = 0; c < 3; c++) row[p * 3 + c] = bytes[o + 1 + c * PIXELS + p]! / 255;
}

/** Streams one batch file into `sink` by ranges of whole records; its labels go into `y` from `at`. */
async function scanBatch(e: Entry, sink: RowSink, y: Int32Array, at: number, tick: (n: number) => void) {
  const fh = await open(e.path, 'r').catch((err) => {
    throw new DatasetError(e.rel, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  });
  const bad = new ProblemList(),
    per = recordsPerRead(REC),
    n = e.size / REC,
    row = new Float32Array(SIZE);
  try {
    for (let i = 0; i < n; i += per) {
      const m = Math.min(per, n - i),
        buf = Buffer.alloc(m * REC);
      const { bytesRead } = await fh.read(buf, 0, buf.length, i * REC);
      if (bytesRead < buf.length)
        throw new DatasetError(e.rel, `changed size while loading (${e.size} → ${i * REC + bytesRead} bytes)`);
      for (let k = 0; k < m; k++) {
        const label = buf[k * REC]!;
        if (label > 9) bad.add(`record ${i + k}: ${label}`);
        y[at + i + k] = label;
        decodeRecord(buf, k * REC, row);
        sink.add(row);
      }
      await sink.settle();
      tick(m);
    }
  } finally {
    await fh.close();
  }
  if (!bad.empty)
    throw new DatasetError(e.rel, bad.describe('record has a label outside 0–9', 'records have labels outside 0–9'));
}

/** One split from several batch files, in file order; its count from the files' real sizes. */
async function scanSplit(files: Entry[], folder: string, sink: SplitSinks[SplitName], tick: (n: number) => void) {
  if (files.length === 0) return undefined;
  const count = files.reduce((a, e) => a + e.size / REC, 0);
  const out = sink([32, 32, 3], count),
    y = new Int32Array(count);
  const starts = files.map((_, i) => files.slice(0, i).reduce((a, e) => a + e.size / REC, 0));
  // One file after another (concurrency 1), so rows reach the sink in order; every bad file is still named.
  await checkEach(files, folder, (e) => scanBatch(e, out, y, starts[files.indexOf(e)]!, tick));
  return y;
}

async function classNames(f: Folder): Promise<string[]> {
  // From the walked entries, so the file is inside the folder even when it is a symlink.
  const file = f.entries.find((e) => e.rel === 'batches.meta.txt' || e.rel.endsWith('/batches.meta.txt'));
  const meta = file ? await readFile(file.path, 'utf8').catch(() => null) : null;
  if (meta === null) return DEFAULT_CLASSES;
  const names = meta
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 10) return names;
  f.warnings.push(`${file!.rel}: holds ${names.length} class names, not 10; using the CIFAR-10 names`);
  return DEFAULT_CLASSES;
}

/** Streams the batches into the sinks (test_batch*.bin is the test split; the format is known by content). */
export async function scanCifar(f: Folder, sinks: SplitSinks, report?: ScanProgress): Promise<Scanned> {
  const entries = f.entries.filter((e) => e.kind === 'cifar');
  await checkEach(entries, f.label, async (e) => {
    const problem = cifarSizeProblem(e.size);
    if (problem) throw new DatasetError(e.rel, problem);
  });
  const isTest = (e: Entry) => /test/i.test(basename(e.rel));
  let trainFiles = entries.filter((e) => !isTest(e)),
    testFiles = entries.filter(isTest);
  if (trainFiles.length === 0) [trainFiles, testFiles] = [testFiles, []];
  const classes = await classNames(f);
  const total = entries.reduce((a, e) => a + e.size / REC, 0);
  const tell = phaseReporter(report, { phase: 'convert', unit: 'rows', total, label: basename(f.root) });
  let done = 0;
  const tick = (n: number): void => tell((done += n));
  const trainY = (await scanSplit(trainFiles, f.label, sinks.train, tick))!;
  const testY = await scanSplit(testFiles, f.label, sinks.test, tick);
  return { shape: [32, 32, 3], classes, warnings: f.warnings, trainY, testY };
}

export const loadCifar = (f: Folder): Promise<Dataset> => loadScanned(f, 'cifar10', scanCifar);
