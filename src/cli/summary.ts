/**
 * Summaries of finished full-scale runs, one small JSON file per (preset, seed) under docs/reproduction/:
 * final metrics and decimated curves of each variant, the spec hash, backend, workers and wall time. They
 * are committed, so a later session (or another machine) resumes where the last one stopped and the report
 * is rebuilt from them. A variant whose spec hash matches is never trained again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { MetricRow } from '../shared/run-types';
import type { ExperimentSpecInput } from '../shared/spec';
import { parseSpec, parseWith } from '../shared/validate';
import { stringifyJson, writeFileAtomic } from '../engine/runs/atomic';

/** Non-finite numbers travel as the strings stringifyJson writes ("NaN", "Infinity", "-Infinity"). */
const num = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']).transform(Number)]);
const Curves = z.record(z.string(), z.array(z.tuple([z.number(), z.number()])));
const VariantSummary = z.object({
  label: z.string(),
  specHash: z.string(),
  runId: z.string(),
  status: z.enum(['finished', 'stopped', 'failed']),
  epochs: z.number(),
  backend: z.string(),
  device: z.string().optional(),
  wallMs: z.number(),
  /** Trainers running side by side while this one ran (its wall time is shared with them). */
  workers: z.number().int().min(1),
  finalMetrics: z.record(z.string(), num),
  curves: Curves,
  error: z.string().optional(),
});
export const SeedSummarySchema = z.object({
  format: z.literal(1),
  preset: z.string(),
  seed: z.number().int(),
  scale: z.literal('full'),
  /** Hash of the variants' hashes: equal means the same experiment. */
  specHash: z.string(),
  variants: z.array(VariantSummary),
  host: z.object({ platform: z.string(), cpus: z.number(), node: z.string() }),
  updatedAt: z.string(),
});
export type SeedSummary = z.infer<typeof SeedSummarySchema>;
export type VariantSummary = z.infer<typeof VariantSummary>;

/** JSON with object keys sorted, so equal specs hash equally whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The hash of a spec as it will run (defaults filled); a dataset folder counts by kind, not by where it is. */
export function specHash(spec: ExperimentSpecInput): string {
  const parsed = parseSpec(spec, 'spec to hash');
  const dataset = parsed.dataset.source === 'folder' ? { ...parsed.dataset, path: '<folder>' } : parsed.dataset;
  return sha(canonical({ ...parsed, dataset }));
}
export const presetHash = (variantHashes: readonly string[]): string => sha(variantHashes.join('\n'));

const round = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(5)) : v);

/** Each metric's (step, value) series, thinned to at most `max` points (first and last kept). */
export function decimateCurves(rows: readonly MetricRow[], max = 40): Record<string, [number, number][]> {
  const series: Record<string, [number, number][]> = {};
  for (const r of rows)
    for (const [k, v] of Object.entries(r))
      if (k !== 'step' && k !== 'epoch' && k !== 't' && Number.isFinite(v)) (series[k] ??= []).push([r.step, v]);
  const out: Record<string, [number, number][]> = {};
  for (const [k, pts] of Object.entries(series)) {
    const keep =
      pts.length <= max
        ? pts
        : Array.from({ length: max }, (_, i) => pts[Math.round((i * (pts.length - 1)) / (max - 1))]!);
    out[k] = keep.map(([s, v]) => [s, round(v)]);
  }
  return out;
}

export const summaryPath = (dir: string, preset: string, seed: number): string =>
  join(dir, preset, `seed-${seed}.json`);

export async function readSummary(dir: string, preset: string, seed: number): Promise<SeedSummary | null> {
  const file = summaryPath(dir, preset, seed);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseWith(SeedSummarySchema, json, file);
}

export async function writeSummary(dir: string, s: SeedSummary): Promise<void> {
  await mkdir(join(dir, s.preset), { recursive: true });
  // One line per curve point keeps the files short and their diffs readable.
  const text = stringifyJson(s, 1).replace(/\[\s+([^\s\],]+),\s+([^\s\]]+)\s+\]/g, '[$1, $2]');
  await writeFileAtomic(summaryPath(dir, s.preset, s.seed), text + '\n');
}

/** Every summary under `dir`, by preset then seed. */
export async function readAllSummaries(dir: string): Promise<SeedSummary[]> {
  const presets = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: SeedSummary[] = [];
  for (const p of presets.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const files = (await readdir(join(dir, p.name))).filter((f) => /^seed-\d+\.json$/.test(f));
    for (const f of files.sort((a, b) => parseInt(a.slice(5)) - parseInt(b.slice(5))))
      out.push((await readSummary(dir, p.name, parseInt(f.slice(5))))!);
  }
  return out;
}
