import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../shared/presets';
import { expandPreset } from '../../shared/sweep';
import { parseSpec } from '../../shared/validate';
import { SOM_CHUNK } from '../../shared/admission/parts';
import { CHUNK } from '../som/batch';
import { admitSpec, defaultMemoryBudget, estimateSpecMemory, parseBudget, shapeOf, UNKNOWN_FOLDER_SHAPE } from '.';

const GiB = 2 ** 30;
/** Half of an 8 GB laptop: what the default budget is on a small machine. */
const LAPTOP = 4 * GiB;
const mnist = { source: 'builtin', name: 'mnist' } as const;
const sigma = { start: 3, end: 0.5 };

/** The absurd specs, each accepted by the schema. */
const ABSURD: [string, unknown, RegExp][] = [
  [
    '16 hidden layers of 65,536 units',
    { kind: 'baseline-mlp', dataset: mnist, hidden: Array(16).fill(65_536) },
    /from hidden \(/,
  ],
  [
    'a 256×256 SOM with batch 65,536',
    { kind: 'som', dataset: mnist, batchSize: 65_536, som: { rows: 256, cols: 256, sigma } },
    /from som\.rows × som\.cols \(65,536 neurons/,
  ],
  [
    'kWTA 65,536 wide',
    { kind: 'kwta-mlp', dataset: mnist, kwta: { hidden: 65_536, codeSize: 65_536 } },
    /from kwta\.codeSize \(/,
  ],
];

describe('admission control', () => {
  it.each(ABSURD)('refuses %s, naming the field, the estimate and the budget', (_what, input, field) => {
    const spec = parseSpec(input);
    expect(() => admitSpec(spec, shapeOf(spec.dataset), LAPTOP)).toThrow(field);
    expect(() => admitSpec(spec, shapeOf(spec.dataset), LAPTOP)).toThrow(
      /about [\d.]+ [GT]iB of memory, over the budget of 4\.0 GiB/,
    );
    // Over the budget whatever a dataset folder holds: the host refuses it before reading the folder.
    const inFolder = parseSpec({ ...(input as object), dataset: { source: 'folder', path: 'x' } });
    expect(() => admitSpec(inFolder, UNKNOWN_FOLDER_SHAPE, LAPTOP)).toThrow(field);
  });

  it('admits every variant of every preset under 2 GiB', () => {
    const worst = PRESETS.flatMap((p) => expandPreset(p)).map((v) => {
      const spec = parseSpec(v.spec);
      return admitSpec(spec, shapeOf(spec.dataset), 2 * GiB).bytes;
    });
    expect(worst.length).toBeGreaterThan(PRESETS.length);
    expect(Math.max(...worst)).toBeLessThan(GiB);
  });

  it('estimates a small SOM as worked by hand', () => {
    const spec = parseSpec({
      kind: 'som',
      dataset: { source: 'builtin', name: 'colors' },
      som: { rows: 10, cols: 10, sigma },
    });
    // colours: 4096 + 1024 rows × 3 floats, loaded and on the backend; 100 neurons; batch 128.
    const dataset = 2 * 5120 * 3 * 4;
    const tables = 3 * 100 * 100 * 4;
    const codebook = 3 * 100 * 3 * 4;
    const batch = 4 * 128 * 100 * 4;
    const e = estimateSpecMemory(spec, shapeOf(spec.dataset));
    expect(e.bytes).toBe(dataset + tables + codebook + batch);
    expect(e.bytes).toBe(451_280);
  });

  it('estimates an MLP as worked by hand', () => {
    const spec = parseSpec({ kind: 'baseline-mlp', dataset: mnist, hidden: [256, 256] });
    const dataset = 2 * 70_000 * 784 * 4;
    const hiddenParams = 784 * 256 + 256 + 256 * 256 + 256; // 266,752: × (weights, gradients, 2 adam slots) × 4 B
    const outParams = 256 * 10 + 10;
    const activations = 3 * 128 * (256 + 256 + 10) * 4;
    const e = estimateSpecMemory(spec, shapeOf(spec.dataset));
    expect(e.bytes).toBe(dataset + (hiddenParams + outParams) * 4 * 4 + activations);
    expect(e.bytes).toBe(444_150_944);
    // A limit keeps the full set loaded beside the subset and its backend copy.
    const limited = parseSpec({ ...spec, dataset: { ...mnist, trainLimit: 1000, testLimit: 500 } });
    const part = estimateSpecMemory(limited, shapeOf(limited.dataset)).parts.find(
      (p) => p.field === 'dataset.trainLimit',
    );
    expect(part?.bytes).toBe((70_000 + 2 * 1500) * 784 * 4);
  });

  it('mirrors the engine: batches are summed in chunks of the SOM step', () => {
    expect(SOM_CHUNK).toBe(CHUNK);
  });

  it('reads budgets as sizes or shares of RAM, and names a bad one', () => {
    expect(parseBudget('8G', 0)).toBe(8 * GiB);
    expect(parseBudget('512MiB', 0)).toBe(512 * 2 ** 20);
    expect(parseBudget('2.5gb', 0)).toBe(2.5 * GiB);
    expect(parseBudget('40%', 10 * GiB)).toBe(4 * GiB);
    expect(parseBudget('1000', 0)).toBe(1000);
    for (const bad of ['', 'lots', '-1G', '0', '150%', '8 parsecs'])
      expect(() => parseBudget(bad, GiB)).toThrow(
        `memory budget: expected a size like 8G, 512MiB or a share of RAM like 40%, received "${bad}"`,
      );
    expect(defaultMemoryBudget()).toBe(Math.floor(totalmem() / 2));
  });
});
