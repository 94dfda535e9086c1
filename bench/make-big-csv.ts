/**
 * `node --import tsx bench/make-big-csv.ts [DIR] [ROWS] [COLS]`: writes DIR/train.csv (default
 * /tmp/somlab-big-table, 2,000,000 × 64 plus a label column), a seeded mixture of 10 Gaussian blobs with
 * 4 decimals per value, for the big-table bench. Never inside the repository; skipped when it exists.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../src/shared/random';

export const BIG_DIR = '/tmp/somlab-big-table';

export async function makeBigCsv(dir = BIG_DIR, rows = 2_000_000, cols = 64): Promise<string> {
  const path = join(dir, 'train.csv');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(15);
  const centres = Array.from({ length: 10 }, () => Array.from({ length: cols }, () => rand()));
  const out = createWriteStream(`${path}.part`);
  out.write(Array.from({ length: cols }, (_, c) => `f${c}`).join(',') + ',label\n');
  for (let r = 0; r < rows; r++) {
    const k = Math.floor(rand() * 10);
    const line = centres[k]!.map((m) => (m + (rand() - 0.5) * 0.2).toFixed(4)).join(',') + `,c${k}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.part`, path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, rows, cols] = process.argv.slice(2);
  console.log(await makeBigCsv(dir, rows ? Number(rows) : undefined, cols ? Number(cols) : undefined));
}
