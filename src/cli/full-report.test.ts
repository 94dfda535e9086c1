import { describe, expect, it } from 'vitest';
import type { Preset } from '../shared/run-types';
import { BEGIN, END, fullTable, marginText, spliceBlock, spreadText } from './full-report';
import { fullVariants } from './full-scale';
import { presetHash, specHash, type SeedSummary } from './summary';

const preset: Preset = {
  name: 'tiny-pair',
  title: 'A vs B',
  reproduces: 'test',
  spec: { kind: 'baseline-mlp', dataset: { source: 'builtin', name: 'mnist' } },
  variants: [
    { label: 'A', patch: {} },
    { label: 'B', patch: { hidden: [32] } },
  ],
  reference: { figure: 'A beats B', metric: 'testAccuracy', order: ['A', 'B'] },
};

/** A summary for `seed` with A and B at the given accuracies; `stale` breaks B's hash. */
function summary(seed: number, a: number, b: number, stale = false): SeedSummary {
  const hashes = fullVariants(preset, seed).map((v) => specHash(v.spec));
  const v = (label: string, acc: number, hash: string) => ({
    label,
    specHash: hash,
    runId: `r${seed}${label}`,
    status: 'finished' as const,
    epochs: 10,
    backend: 'wasm',
    wallMs: 60_000,
    workers: 2,
    finalMetrics: { testAccuracy: acc },
    curves: { testAccuracy: [[0, acc - 0.01] as [number, number], [9, acc] as [number, number]] },
  });
  return {
    format: 1,
    preset: preset.name,
    seed,
    scale: 'full',
    specHash: presetHash(hashes),
    variants: [v('A', a, hashes[0]!), v('B', b, stale ? 'old' : hashes[1]!)],
    host: { platform: 'linux/x64', cpus: 2, node: 'v20' },
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('full-scale report', () => {
  it('mean ± sd with the per-seed values, and the paired margin with its 95 % interval', () => {
    expect(spreadText('testAccuracy', [0.989, 0.99, 0.991])).toBe('99.00 ± 0.10 % (98.90, 99.00, 99.10)');
    expect(spreadText('qe', [0.25])).toBe('0.2500 (1 seed)');
    // d = [0.003, 0.003, 0.002] → +0.27 pp ± 4.303 · 0.0577 / √3 = ± 0.14 pp.
    expect(marginText('testAccuracy', 'A', 'B', [0.991, 0.99, 0.992], [0.988, 0.987, 0.99])).toBe(
      'A − B +0.27 pp [+0.12, +0.41]',
    );
  });

  it('a table row per preset with complete seeds; stale or partial seeds are named, not counted', () => {
    const all = [summary(0, 0.991, 0.988), summary(1, 0.99, 0.987), summary(2, 0.992, 0.99, true)];
    const table = fullTable([preset], all, { seeds: 3, skipped: ['CIFAR: no folder'] });
    const row = table.split('\n').find((l) => l.startsWith('| tiny-pair'))!;
    expect(row).toContain('A: testAccuracy 99.05 ± 0.07 % (99.10, 99.00)');
    expect(row).toContain('A − B +0.30 pp [+0.30, +0.30]'); // two seeds, both +0.3 pp: sd 0
    expect(row).toMatch(/\| 2 \| 10 \(4\/4 still rising\) \| wasm \| 4 min \(2 workers\) \| reproduced \|$/);
    expect(table).toContain('Fewer than 3 seeds so far: tiny-pair.');
    expect(table).toContain('Skipped: CIFAR: no folder');
  });

  it('replaces only the block between the markers', () => {
    const doc = `# R\n\nintro\n\n${BEGIN}\nold\n${END}\n\nprose after\n`;
    const out = spliceBlock(doc, `${BEGIN}\nnew\n${END}`);
    expect(out).toBe(`# R\n\nintro\n\n${BEGIN}\nnew\n${END}\n\nprose after\n`);
    expect(spliceBlock('# R\n', `${BEGIN}\nx\n${END}`)).toBe(`# R\n\n## Full scale\n\n${BEGIN}\nx\n${END}\n`);
  });
});
