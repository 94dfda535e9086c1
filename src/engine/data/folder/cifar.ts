/** CIFAR-10 binary batches: records of 1 label byte + 3 072 bytes (32×32, channel planes R, G, B). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkEach, ProblemList } from '../problems';
import { DatasetError, type Dataset, type Split } from '../types';
import { CIFAR_RECORD as REC } from './magic';
import { readData, type Entry, type Folder } from './walk';

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

/** Decodes one batch file into `into` starting at sample `at`; CHW planes become HWC pixels. */
function decodeInto(bytes: Uint8Array, file: string, into: Split, at: number): void {
  const n = bytes.length / REC;
  const bad = new ProblemList();
  for (let i = 0; i < n; i++) {
    const o = i * REC,
      label = bytes[o]!,
      base = (at + i) * SIZE;
    if (label > 9) bad.add(`record ${i}: ${label}`);
    into.y[at + i] = label;
    for (let p = 0; p < PIXELS; p++)
      for (let c = 0; c < 3; c++) into.x[base + p * 3 + c] = bytes[o + 1 + c * PIXELS + p]! / 255;
  }
  if (!bad.empty)
    throw new DatasetError(file, bad.describe('record has a label outside 0–9', 'records have labels outside 0–9'));
}

/** One split from several batch files, allocated once from the files' real sizes. */
async function loadSplit(files: Entry[], folder: string): Promise<Split | undefined> {
  if (files.length === 0) return undefined;
  const count = files.reduce((a, e) => a + e.size / REC, 0);
  const split: Split = { x: new Float32Array(count * SIZE), y: new Int32Array(count), count };
  const starts = files.map((_, i) => files.slice(0, i).reduce((a, e) => a + e.size / REC, 0));
  await checkEach(files, folder, async (e) => {
    const bytes = await readData(e);
    if (bytes.length !== e.size)
      throw new DatasetError(e.rel, `changed size while loading (${e.size} → ${bytes.length} bytes)`);
    decodeInto(bytes, e.rel, split, starts[files.indexOf(e)]!);
  });
  return split;
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

export async function loadCifar(f: Folder): Promise<Dataset> {
  const entries = f.entries.filter((e) => e.kind === 'cifar');
  await checkEach(entries, f.label, async (e) => {
    const problem = cifarSizeProblem(e.size);
    if (problem) throw new DatasetError(e.rel, problem);
  });
  // Split by name (test_batch.bin); the format itself was recognised by content.
  const isTest = (e: Entry) => /test/i.test(basename(e.rel));
  let trainFiles = entries.filter((e) => !isTest(e)),
    testFiles = entries.filter(isTest);
  if (trainFiles.length === 0) [trainFiles, testFiles] = [testFiles, []];
  const classes = await classNames(f);
  return {
    name: basename(f.root),
    format: 'cifar10',
    source: f.root,
    shape: [32, 32, 3],
    classes,
    train: (await loadSplit(trainFiles, f.label))!,
    test: await loadSplit(testFiles, f.label),
    warnings: f.warnings,
  };
}
