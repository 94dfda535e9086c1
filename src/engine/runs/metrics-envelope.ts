/**
 * What a window needs of a long metrics file: its min/max envelope. Rows are cut into buckets of equal count;
 * each bucket keeps its first row and, for every metric, the rows holding its minimum and its maximum, so a
 * chart of the kept rows shows every spike and dip of the full file (its full data stays on disk for figures
 * and CSV). A run read once is cached beside its metrics (metrics.envelope.json, keyed by the metrics file's
 * size and mtime), so reopening a finished million-row run reads a few thousand rows.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MetricRow } from '../../shared/run-types';
import { reviveNumbers, writeJsonAtomic } from './atomic';
import { readMetrics } from './metrics-file';

const ROW_KEYS = new Set(['step', 'epoch', 't']);

/** The envelope rows of `rows` in `buckets` buckets (all rows when there are few), in their order. */
export function envelopeRows(rows: readonly MetricRow[], buckets: number): MetricRow[] {
  if (rows.length <= buckets * 2) return rows.slice();
  const keep = new Uint8Array(rows.length);
  const size = rows.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size),
      end = Math.floor((b + 1) * size);
    keep[start] = 1;
    const lo = new Map<string, number>(),
      hi = new Map<string, number>();
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      for (const k in r) {
        if (ROW_KEYS.has(k)) continue;
        const v = r[k]!;
        const l = lo.get(k);
        if (l === undefined || v < rows[l]![k]! || Number.isNaN(v)) lo.set(k, i);
        const h = hi.get(k);
        if (h === undefined || v > rows[h]![k]!) hi.set(k, i);
      }
    }
    for (const i of lo.values()) keep[i] = 1;
    for (const i of hi.values()) keep[i] = 1;
  }
  keep[rows.length - 1] = 1;
  return rows.filter((_, i) => keep[i] === 1);
}

/** Buckets per metric of a window's view of a run (runs:get): about 2,000 rows per metric at most. */
export const WINDOW_BUCKETS = 1000;

/**
 * Makes the window's envelope cache of a run's metrics as the run ends, so the first open of a long run reads
 * its envelope instead of every row (1,000,000 rows: 7.5 s of parsing). Short runs need none and get none.
 */
export async function prepareMetricsView(file: string): Promise<void> {
  await readMetricsView(file, WINDOW_BUCKETS).catch(() => undefined);
}

export interface MetricsView {
  rows: MetricRow[];
  /** Rows in the file (more than `rows` when they are its envelope). */
  total: number;
}

interface Cache {
  size: number;
  mtimeMs: number;
  buckets: number;
  total: number;
  rows: MetricRow[];
}

const cacheFile = (metricsFile: string): string => join(dirname(metricsFile), 'metrics.envelope.json');

/**
 * The metrics of a run as a window shows them: every row when there are at most 2·buckets, else the
 * envelope (from the cache when the metrics file has not changed since it was made).
 */
export async function readMetricsView(file: string, buckets = 1000): Promise<MetricsView> {
  const info = await stat(file).catch(() => null);
  if (!info) return { rows: [], total: 0 };
  const cached = await readFile(cacheFile(file), 'utf8')
    .then((t) => JSON.parse(t) as Cache)
    .catch(() => null);
  const fresh = cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.buckets === buckets;
  // A damaged cache is only a slower open: it is rebuilt from the metrics file.
  if (fresh && Array.isArray(cached.rows) && typeof cached.total === 'number')
    return { rows: cached.rows.map((r) => reviveNumbers(r) as MetricRow), total: cached.total };
  const all = await readMetrics(file);
  const rows = envelopeRows(all, buckets);
  if (rows.length < all.length) {
    const c: Cache = { size: info.size, mtimeMs: info.mtimeMs, buckets, total: all.length, rows };
    // A cache that cannot be written (read-only project) only costs the next open its parse.
    await writeJsonAtomic(cacheFile(file), c).catch(() => undefined);
  }
  return { rows, total: all.length };
}
