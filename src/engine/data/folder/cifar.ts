/** CIFAR-10 binary batches: records of 1 label byte + 3 072 bytes (32×32, channel planes R, G, B). */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DatasetError, type Dataset, type Split } from '../types';
import type { Entry } from './walk';

const REC = 3073;
const DEFAULT_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

function decode(bytes: Uint8Array, file: string): Split {
  if (bytes.length % REC !== 0) throw new DatasetError(file, `is ${bytes.length} bytes, not a whole number of 3073-byte CIFAR records`);
  const n = bytes.length / REC, x = new Float32Array(n * 3072), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * REC, label = bytes[o]!;
    if (label > 9) throw new DatasetError(file, `record ${i} has label ${label}; CIFAR-10 labels are 0–9`);
    y[i] = label;
    // CHW planes → HWC pixels.
    for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) x[i * 3072 + p * 3 + c] = bytes[o + 1 + c * 1024 + p]! / 255;
  }
  return { x, y, count: n };
}

function concat(parts: Split[]): Split {
  const count = parts.reduce((a, p) => a + p.count, 0), x = new Float32Array(count * 3072), y = new Int32Array(count);
  let at = 0;
  for (const p of parts) { x.set(p.x, at * 3072); y.set(p.y, at); at += p.count; }
  return { x, y, count };
}

export async function loadCifar(root: string, entries: Entry[]): Promise<Dataset> {
  const isTest = (e: Entry) => /test/i.test(basename(e.path));
  const train: Split[] = [], test: Split[] = [];
  for (const e of entries) (isTest(e) ? test : train).push(decode(await readFile(e.path), e.path));
  if (train.length === 0) train.push(...test.splice(0));
  const meta = await readFile(join(root, 'batches.meta.txt'), 'utf8').catch(() => '');
  const names = meta.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return {
    name: basename(root), format: 'cifar10', source: root, shape: [32, 32, 3],
    classes: names.length === 10 ? names : DEFAULT_CLASSES, train: concat(train), test: test.length ? concat(test) : undefined, warnings: [],
  };
}
