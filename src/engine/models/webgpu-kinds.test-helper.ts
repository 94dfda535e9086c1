/**
 * One small spec per experiment kind, for the webgpu-vs-cpu check (webgpu-kinds-check.test-helper.ts). SGD
 * everywhere: Adam's first step is lr·g/|g| per weight, so a gradient of about 0 that rounds to a different sign
 * on another backend moves that weight by 2·lr, a difference of the optimiser and not of the backend.
 */
const mnist = { source: 'builtin', name: 'mnist', trainLimit: 64, testLimit: 32 } as const;
const base = { dataset: mnist, epochs: 1, batchSize: 32, seed: 3, probeCount: 8, snapshotEvery: 100 };
const net = { optimizer: 'sgd', learningRate: 0.05 } as const;
const sigma = { start: 2, end: 1 };
const conv = [
  { rows: 2, cols: 2, kernel: 3, mask: true },
  { rows: 2, cols: 2, kernel: 3, mask: true },
];
const mask = { sigmaFwd: 2, sigmaOrg: { start: 2, end: 0.5 } };

/** Name → [spec, steps to train]: two steps (the second starts from updated weights), all of stacked-som's. */
export const KIND_SPECS: Record<string, [unknown, number]> = {
  som: [{ ...base, kind: 'som', som: { rows: 5, cols: 5, sigma } }, 2],
  'patch-som': [
    {
      ...base,
      kind: 'patch-som',
      som: { rows: 3, cols: 3, sigma },
      patch: { size: 4, stride: 4, perImage: 4 },
      reconstructCount: 4,
    },
    2,
  ],
  'baseline-mlp': [{ ...base, ...net, kind: 'baseline-mlp', hidden: [16] }, 2],
  'baseline-cnn': [{ ...base, ...net, kind: 'baseline-cnn', filters: [2, 4], kernel: 3, dense: 8 }, 2],
  'som-mask-mlp': [{ ...base, ...net, kind: 'som-mask-mlp', hidden: [{ rows: 3, cols: 3, mask: true }], mask }, 2],
  'som-mask-cnn': [{ ...base, ...net, kind: 'som-mask-cnn', conv, dense: 8, mask }, 2],
  // One step only: CSOM's maps start from sampled patches that are all blank background, so every unit is the
  // same vector, every winner a tie (lowest index on both backends), and the first Kohonen step leaves the units
  // equal but for rounding; from then on rounding picks the winners (docs/ARCHITECTURE.md, "WebGPU").
  csom: [{ ...base, ...net, kind: 'csom', conv, dense: 8, mask }, 1],
  'kwta-mlp (triplet)': [{ ...base, ...net, kind: 'kwta-mlp', kwta: { hidden: 8, codeSize: 32 } }, 2],
  'kwta-mlp (softmax)': [{ ...base, ...net, kind: 'kwta-mlp', kwta: { hidden: 8, codeSize: 32, loss: 'softmax' } }, 2],
  'soft-som': [
    {
      ...base,
      ...net,
      kind: 'soft-som',
      dataset: { source: 'builtin', name: 'spirals', trainLimit: 64 },
      softSom: { hidden: 8, rows: 3, cols: 3, beta: 4 },
    },
    2,
  ],
  'som-after-features': [
    {
      ...base,
      ...net,
      kind: 'som-after-features',
      features: 'fc',
      featureSize: 8,
      featureEpochs: 1,
      som: { rows: 3, cols: 3, sigma },
    },
    2,
  ],
  // 64 images × 16 patches of 7×7 = 1,024 patches: 8 steps of layer 1, then 1 of layer 2.
  'stacked-som': [
    {
      ...base,
      batchSize: 128,
      kind: 'stacked-som',
      stacked: { patch: 7, stride: 7, layer1: { rows: 3, cols: 3 }, layer2: { rows: 2, cols: 2 }, sigma },
    },
    9,
  ],
};
