/**
 * metrics.ndjson: one MetricRow per line, appended one flush at a time. A crash can tear only the last line
 * (it is skipped); a bad line anywhere else means the file was damaged, which is an error naming the line.
 */
import { open, readFile } from 'node:fs/promises';
import type { MetricRow } from '../../shared/run-types';
import { reviveNumbers } from './atomic';

function toRow(line: string): MetricRow | null {
  let v: unknown;
  try {
    v = reviveNumbers(JSON.parse(line));
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const row = v as Record<string, unknown>;
  if (!Object.values(row).every((x) => typeof x === 'number')) return null;
  if (typeof row.step !== 'number' || typeof row.epoch !== 'number' || typeof row.t !== 'number') return null;
  return row as MetricRow;
}

export function parseMetrics(text: string, file: string): MetricRow[] {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  const rows: MetricRow[] = [];
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const row = toRow(line);
    if (row) rows.push(row);
    else if (i < last) {
      throw new Error(
        `${file} line ${i + 1} is corrupt: expected a JSON object of numbers with step, epoch and t, ` +
          `got ${JSON.stringify(line.slice(0, 60))}`,
      );
    }
    // else: the torn last line of a run that died mid-write; skipped.
  }
  return rows;
}

export async function readMetrics(file: string): Promise<MetricRow[]> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? '' : Promise.reject(e),
  );
  return parseMetrics(text, file);
}

/** Step of the last complete row, reading only the file's tail (run lists must stay fast for long runs). */
export async function lastMetricStep(file: string, tailBytes = 65_536): Promise<number | undefined> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await fh.stat();
    const start = Math.max(0, size - tailBytes);
    const buf = Buffer.alloc(size - start);
    await fh.read(buf, 0, buf.length, start);
    const lines = buf.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= (start > 0 ? 1 : 0); i--) {
      const row = lines[i]!.trim() ? toRow(lines[i]!) : null;
      if (row) return row.step;
    }
    return undefined;
  } finally {
    await fh.close();
  }
}
