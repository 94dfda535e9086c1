/** CIFAR-10 binary batches: records of 1 label byte + 3 072 bytes (32×32, channel planes R, G, B). */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DatasetError, type Dataset, type Split } from '../types';
import { CIFAR_RECORD as REC } from './detect';
import { readData, type Entry } from './walk';

const PIXELS = 1024;
const SIZE = 3 * PIXELS;
const DEFAULT_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** Decodes one batch file into `into` starting at sample `at`; CHW planes become HWC pixels. */
function decodeInto(bytes: Uint8Array, file: string, into: Split, at: number): void {
  if (bytes.length % REC !== 0)
    throw new DatasetError(file, `is ${bytes.length} bytes, not a whole number of ${REC}-byte CIFAR records`);
  const n = bytes.length / REC;
  for (let i = 0; i < n; i++) {
    const o = i * REC,
      label = bytes[o]!,
      base = (at + i) * SIZE;
    if (label > 9) throw new DatasetError(file, `record ${i} has label ${label}; CIFAR-10 labels are 0–9`);
    into.y[at + i] = label;
    for (let p = 0; p < PIXELS; p++)
      for (let c = 0; c < 3; c++) into.x[base + p * 3 + c] = bytes[o + 1 + c * PIXELS + p]! / 255;
  }
}

/** One split from several batch files, allocated once from the files' real sizes. */
async function loadSplit(files: Entry[]): Promise<Split | undefined> {
  if (files.length === 0) return undefined;
  const count = files.reduce((a, e) => a + Math.floor(e.size / REC), 0);
  const split: Split = { x: new Float32Array(count * SIZE), y: new Int32Array(count), count };
  let at = 0;
  for (const e of files) {
    const bytes = await readData(e.path);
    if (bytes.length !== e.size)
      throw new DatasetError(e.path, `changed size while loading (${e.size} → ${bytes.length} bytes)`);
    decodeInto(bytes, e.path, split, at);
    at += bytes.length / REC;
  }
  return split;
}

async function classNames(root: string, warnings: string[]): Promise<string[]> {
  const file = join(root, 'batches.meta.txt');
  const meta = await readFile(file, 'utf8').catch(() => null);
  if (meta === null) return DEFAULT_CLASSES;
  const names = meta
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 10) return names;
  warnings.push(`${file}: holds ${names.length} class names, not 10; using the CIFAR-10 names`);
  return DEFAULT_CLASSES;
}

export async function loadCifar(root: string, entries: Entry[]): Promise<Dataset> {
  // Split by name (test_batch.bin); the format itself was recognised by content.
  const isTest = (e: Entry) => /test/i.test(basename(e.path));
  let trainFiles = entries.filter((e) => !isTest(e)),
    testFiles = entries.filter(isTest);
  if (trainFiles.length === 0) [trainFiles, testFiles] = [testFiles, []];
  const warnings: string[] = [];
  const classes = await classNames(root, warnings);
  return {
    name: basename(root),
    format: 'cifar10',
    source: root,
    shape: [32, 32, 3],
    classes,
    train: (await loadSplit(trainFiles))!,
    test: await loadSplit(testFiles),
    warnings,
  };
}
