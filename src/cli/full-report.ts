/**
 * The full-scale table of docs/REPRODUCTION.md, rebuilt from the summaries alone: per variant the mean ±
 * sd over the seeds with the per-seed values, the paired margins of orderings with their 95 % intervals,
 * the verdict across seeds (src/shared/verdict.ts), epochs, backend and time. It replaces the block
 * between the full-scale markers and leaves the hand-written rest of the report alone.
 */
import type { Preset } from '../shared/run-types';
import { mean, pairedInterval, sd } from '../shared/stats';
import { verdictAcrossSeeds, type VariantResult } from '../shared/verdict';
import { fullVariants } from './full-scale';
import { specHash, type SeedSummary, type VariantSummary } from './summary';

export const BEGIN = '<!-- full-scale:begin (rebuilt by somlab reproduce --full; edits inside are lost) -->';
export const END = '<!-- full-scale:end -->';

const isPct = (metric: string): boolean => /accuracy|purity|active|strength/i.test(metric);
const fmt = (metric: string, v: number, digits = 2): string =>
  Number.isNaN(v) ? 'n/a' : isPct(metric) ? (v * 100).toFixed(digits) : v.toPrecision(4);

/** "98.95 ± 0.05 % (98.90, 98.95, 99.00)": mean ± sd with the per-seed values. */
export function spreadText(metric: string, values: number[]): string {
  const unit = isPct(metric) ? ' %' : '';
  const each = values.map((v) => fmt(metric, v)).join(', ');
  if (values.length === 1) return `${fmt(metric, values[0]!)}${unit} (1 seed)`;
  return `${fmt(metric, mean(values))} ± ${fmt(metric, sd(values))}${unit} (${each})`;
}

/** "SOM-CNN − CNN +0.12 pp [−0.13, +0.37]": the paired margin and its 95 % interval. */
export function marginText(metric: string, a: string, b: string, av: number[], bv: number[]): string {
  const iv = pairedInterval(av, bv);
  const k = isPct(metric) ? 100 : 1,
    unit = isPct(metric) ? ' pp' : '';
  const sign = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * k).toFixed(2)}`;
  const ci = Number.isFinite(iv.half) ? ` [${sign(iv.mean - iv.half)}, ${sign(iv.mean + iv.half)}]` : '';
  return `${a} − ${b} ${sign(iv.mean)}${unit}${ci}`;
}

interface Row {
  preset: Preset;
  /** Seeds whose every variant finished with the current spec hash. */
  complete: SeedSummary[];
  started: boolean;
}

function currentRows(presets: readonly Preset[], all: readonly SeedSummary[]): Row[] {
  return presets.map((p) => {
    const mine = all.filter((s) => s.preset === p.name);
    const complete = mine.filter((s) => {
      const want = fullVariants(p, s.seed).map((v) => ({ label: v.label, hash: specHash(v.spec) }));
      return want.every((w) =>
        s.variants.some((v) => v.label === w.label && v.specHash === w.hash && v.status === 'finished'),
      );
    });
    return { preset: p, complete, started: mine.length > 0 };
  });
}

const bestEpochIsLast = (v: VariantSummary): boolean => {
  const c = v.curves.testAccuracy;
  if (!c || c.length < 2) return false;
  const best = Math.max(...c.map(([, a]) => a));
  return c[c.length - 1]![1] >= best && c[c.length - 2]![1] < best;
};

function rowText(r: Row): string {
  const p = r.preset,
    ref = p.reference,
    seeds = r.complete;
  const labels = seeds[0]!.variants.map((v) => v.label);
  const metrics = ref ? [...new Set([ref.metric, ...(ref.also ? [ref.also.metric] : [])])] : ['testAccuracy'];
  const values = (label: string, m: string): number[] =>
    seeds.map((s) => s.variants.find((v) => v.label === label)!.finalMetrics[m] ?? NaN);
  const ours = labels
    .flatMap((l) =>
      metrics
        .filter((m) => values(l, m).some((v) => !Number.isNaN(v)))
        .map((m) => `${labels.length > 1 ? `${l}: ` : ''}${m} ${spreadText(m, values(l, m))}`),
    )
    .join('; ');
  const orders = [ref?.order, ref?.also?.order].filter(Boolean) as string[][];
  const metricOf = (o: string[]): string => (o === ref?.order ? ref.metric : ref!.also!.metric);
  const margins = orders
    .flatMap((o) =>
      o.slice(1).map((b, i) => marginText(metricOf(o), o[i]!, b, values(o[i]!, metricOf(o)), values(b, metricOf(o)))),
    )
    .join('; ');
  const runs = seeds.flatMap((s) => s.variants);
  const perSeed: VariantResult[][] = seeds.map((s) =>
    s.variants.map((v) => ({ label: v.label, metrics: v.finalMetrics })),
  );
  const minutes = runs.reduce((a, v) => a + v.wallMs, 0) / 60_000;
  const workers = Math.max(...runs.map((v) => v.workers));
  const rising = runs.filter(bestEpochIsLast).length;
  const epochs = [...new Set(runs.map((v) => v.epochs))].join('/');
  const cells = [
    p.name,
    ref?.figure ?? p.reproduces,
    ours || 'n/a',
    margins || '—',
    String(seeds.length),
    `${epochs}${rising ? ` (${rising}/${runs.length} still rising)` : ''}`,
    [...new Set(runs.map((v) => v.backend))].join('/'),
    `${minutes.toFixed(0)} min (${workers} worker${workers > 1 ? 's' : ''})`,
    verdictAcrossSeeds(ref, perSeed),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function fullTable(
  presets: readonly Preset[],
  all: readonly SeedSummary[],
  o: { seeds: number; skipped: string[] },
): string {
  const rows = currentRows(presets, all);
  const done = rows.filter((r) => r.complete.length > 0);
  const lines = [
    BEGIN,
    '',
    '| experiment | seed figure | ours: mean ± sd (per seed) | margin, 95 % interval | seeds | epochs | backend | ' +
      'trainer time | verdict |',
    '|---|---|---|---|---|---|---|---|---|',
    ...done.map(rowText),
    '',
  ];
  const partial = rows.filter((r) => r.complete.length < o.seeds && r.started).map((r) => r.preset.name);
  const waiting = rows.filter((r) => !r.started).map((r) => r.preset.name);
  if (partial.length) lines.push(`Fewer than ${o.seeds} seeds so far: ${partial.join(', ')}.`, '');
  if (waiting.length) lines.push(`Not run yet: ${waiting.join(', ')}.`, '');
  for (const s of o.skipped) lines.push(`Skipped: ${s}`, '');
  lines.push(END);
  return lines.join('\n');
}

/** Puts `block` between the markers of `doc`, or appends it under a heading when the markers are missing. */
export function spliceBlock(doc: string, block: string): string {
  const a = doc.indexOf(BEGIN.slice(0, 24)),
    b = doc.indexOf(END);
  if (a >= 0 && b > a) return doc.slice(0, a) + block + doc.slice(b + END.length);
  return `${doc.trimEnd()}\n\n## Full scale\n\n${block}\n`;
}
