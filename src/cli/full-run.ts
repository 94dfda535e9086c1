/**
 * `somlab reproduce --full`: every (preset, seed) at the seeds' scale, resumable. Each variant whose spec
 * hash is already in its summary file is skipped; the rest run `workers` at a time (one trainer process
 * each: wasm is single-threaded, so two workers use two cores), and each finished variant is written to its
 * summary at once, so a killed run loses at most the variants in flight.
 */
import { cpus } from 'node:os';
import type { Preset } from '../shared/run-types';
import type { RunEvent } from '../shared/events';
import type { ExperimentSpec } from '../shared/spec';
import { parseSpec } from '../shared/validate';
import { readRun } from '../engine/runs';
import { fullOrder, fullVariants } from './full-scale';
import {
  decimateCurves,
  presetHash,
  readSummary,
  specHash,
  writeSummary,
  type SeedSummary,
  type VariantSummary,
} from './summary';
import { trainOne, type TrainOptions, type TrainOutcome } from './train-one';

export interface FullOptions {
  project: string;
  data: string[];
  /** Folder of the summary files (docs/reproduction). */
  summaries: string;
  seeds: number;
  workers: number;
  presets: readonly Preset[];
  log(line: string): void;
  /** Called after every summary write (the command rebuilds the report there). */
  onSummary?(s: SeedSummary): Promise<void>;
  train?: (spec: ExperimentSpec, o: TrainOptions) => Promise<TrainOutcome>;
}

interface Job {
  preset: Preset;
  seed: number;
  index: number;
  label: string;
  spec: ExperimentSpec;
  hash: string;
}

const key = (preset: string, seed: number): string => `${preset}#${seed}`;

function emptySummary(p: Preset, seed: number, hashes: string[]): SeedSummary {
  return {
    format: 1,
    preset: p.name,
    seed,
    scale: 'full',
    specHash: presetHash(hashes),
    variants: [],
    host: { platform: `${process.platform}/${process.arch}`, cpus: cpus().length, node: process.version },
    updatedAt: new Date().toISOString(),
  };
}

/** The jobs still to run, and the summaries (kept entries only: same label and hash, finished). */
export async function planFull(o: FullOptions): Promise<{ jobs: Job[]; summaries: Map<string, SeedSummary> }> {
  const jobs: Job[] = [];
  const summaries = new Map<string, SeedSummary>();
  for (const p of fullOrder(o.presets))
    for (let seed = 0; seed < o.seeds; seed++) {
      const variants = fullVariants(p, seed);
      const hashes = variants.map((v) => specHash(v.spec));
      const old = await readSummary(o.summaries, p.name, seed);
      const s = emptySummary(p, seed, hashes);
      variants.forEach((v, index) => {
        const done = old?.variants.find(
          (x) => x.label === v.label && x.specHash === hashes[index] && x.status === 'finished',
        );
        if (done) s.variants.push(done);
        else {
          const spec = parseSpec(v.spec, `preset ${p.name} / ${v.label} (full, seed ${seed})`);
          jobs.push({ preset: p, seed, index, label: v.label, spec, hash: hashes[index]! });
        }
      });
      summaries.set(key(p.name, seed), s);
    }
  return { jobs, summaries };
}

async function summarise(o: FullOptions, job: Job, out: TrainOutcome): Promise<VariantSummary> {
  const detail = out.runId ? await readRun(o.project, out.runId).catch(() => null) : null;
  return {
    label: job.label,
    specHash: job.hash,
    runId: out.runId,
    status: out.status,
    epochs: detail?.spec.epochs ?? 0,
    backend: out.backend,
    ...(out.device ? { device: out.device } : {}),
    wallMs: out.wallMs,
    workers: o.workers,
    finalMetrics: out.finalMetrics,
    curves: detail ? decimateCurves(detail.metrics) : {},
    ...(out.error ? { error: out.error } : {}),
  };
}

function epochLogger(o: FullOptions, tag: string): (e: RunEvent) => void {
  return (e) => {
    if (e.type !== 'eval') return;
    const shown = Object.entries(e.metrics)
      .filter(([k]) => /accuracy|qe|te|purity|psnr/i.test(k))
      .map(([k, v]) => `${k} ${v.toFixed(4)}`);
    o.log(`${tag} epoch ${e.epoch + 1}: ${shown.join(', ')}`);
  };
}

async function runJob(o: FullOptions, job: Job, summaries: Map<string, SeedSummary>): Promise<void> {
  const tag = `[${job.preset.name} seed ${job.seed} / ${job.label}]`;
  o.log(`${tag} start`);
  const out = await (o.train ?? trainOne)(job.spec, {
    project: o.project,
    data: o.data,
    group: `${job.preset.name} (full, seed ${job.seed})`,
    progress: false,
    label: job.label,
    onEvent: epochLogger(o, tag),
  });
  const s = summaries.get(key(job.preset.name, job.seed))!;
  const entry = await summarise(o, job, out);
  const order = fullVariants(job.preset, job.seed).map((v) => v.label);
  s.variants = [...s.variants.filter((v) => v.label !== job.label), entry].sort(
    (a, b) => order.indexOf(a.label) - order.indexOf(b.label),
  );
  s.updatedAt = new Date().toISOString();
  await writeSummary(o.summaries, s);
  o.log(`${tag} ${out.status} in ${(out.wallMs / 1000).toFixed(0)} s${out.error ? `: ${out.error}` : ''}`);
  await o.onSummary?.(s);
}

/** Runs every job left, `workers` at a time, in plan order; returns the summaries. */
export async function runFull(o: FullOptions): Promise<SeedSummary[]> {
  const { jobs, summaries } = await planFull(o);
  o.log(`reproduce --full: ${jobs.length} variant run(s) to train, ${o.workers} at a time`);
  let next = 0,
    stopping = false;
  // Ctrl-C: the trainers in flight stop after their batch (train-one), and no new one starts.
  const onSigint = (): void => {
    stopping = true;
  };
  process.on('SIGINT', onSigint);
  const worker = async (): Promise<void> => {
    while (!stopping && next < jobs.length) await runJob(o, jobs[next++]!, summaries);
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, o.workers) }, worker));
  } finally {
    process.off('SIGINT', onSigint);
  }
  return [...summaries.values()];
}
