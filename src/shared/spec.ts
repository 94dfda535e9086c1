/**
 * ExperimentSpec: what a run is. Validated at every boundary (CLI, IPC, WebSocket, files on disk);
 * `parseSpec` turns any failure into one message that names the field, what was expected and what arrived.
 */
import { z } from 'zod';
import {
  ACTIVATIONS,
  BACKENDS,
  BUILTIN_DATASETS,
  DECAYS,
  INITIALIZERS,
  INITS,
  NEIGHBOURHOODS,
  OPTIMIZERS,
  SOM_MODES,
  TOPOLOGIES,
} from './options';
import {
  ConvLayerSchema,
  FEATURES,
  GridLayerSchema,
  KwtaSchema,
  MaskSchema,
  SoftSomSchema,
  StackedSchema,
} from './spec-nets';

const positiveInt = (max: number) => z.number().int().min(1).max(max);

export const DatasetRefSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('builtin'),
    name: z.enum(BUILTIN_DATASETS),
    /** Use at most this many training / test samples (after a seeded shuffle). */
    trainLimit: positiveInt(10_000_000).optional(),
    testLimit: positiveInt(10_000_000).optional(),
  }),
  z.object({
    source: z.literal('folder'),
    path: z.string().min(1),
    trainLimit: positiveInt(10_000_000).optional(),
    testLimit: positiveInt(10_000_000).optional(),
  }),
]);
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

export const ScheduleSchema = z.object({
  start: z.number().positive(),
  end: z.number().positive(),
  decay: z.enum(DECAYS).default('exponential'),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const SomConfigSchema = z
  .object({
    rows: positiveInt(256),
    cols: positiveInt(256),
    topology: z.enum(TOPOLOGIES).default('rect'),
    neighbourhood: z.enum(NEIGHBOURHOODS).default('gaussian'),
    sigma: ScheduleSchema,
    learningRate: ScheduleSchema.default({ start: 0.5, end: 0.01, decay: 'exponential' }),
    init: z.enum(INITS).default('pca'),
    mode: z.enum(SOM_MODES).default('batch'),
  })
  .refine((s) => !(s.topology === 'chain' || s.topology === 'ring') || s.rows === 1, {
    message: 'a chain or ring is one-dimensional: rows must be 1',
    path: ['rows'],
  });
export type SomConfig = z.infer<typeof SomConfigSchema>;

const common = {
  name: z.string().max(200).optional(),
  preset: z.string().optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  backend: z.enum(['auto', ...BACKENDS]).default('auto'),
  dataset: DatasetRefSchema,
  epochs: positiveInt(100_000).default(1),
  batchSize: positiveInt(65_536).default(128),
  /** Emit a SOM snapshot every this many steps (and at the end). */
  snapshotEvery: positiveInt(1_000_000).default(50),
  /** Fixed probe samples whose winners are traced over training. */
  probeCount: z.number().int().min(0).max(1024).default(32),
  /**
   * Worker threads that split each batch (data-parallel, wasm and cpu only); absent: the machine's cores. The
   * trainer may use fewer (a step too small to split, a kind that cannot split); run.json says how many.
   */
  workers: z.number().int().min(1).max(256).optional(),
};

export const SomSpecSchema = z.object({ kind: z.literal('som'), ...common, som: SomConfigSchema });

export const PatchSomSpecSchema = z.object({
  kind: z.literal('patch-som'),
  ...common,
  som: SomConfigSchema,
  patch: z.object({
    size: positiveInt(64),
    /** Stride used for training patches and for the reconstruction (overlaps averaged). */
    stride: positiveInt(64).default(1),
    /** Random patches drawn per training image (all of them when omitted). */
    perImage: positiveInt(100_000).optional(),
  }),
  /** Test images rebuilt for the reconstruction error and the triptych. */
  reconstructCount: positiveInt(10_000).default(64),
});

export const NetConfig = {
  learningRate: z.number().positive().max(10).default(1e-3),
  optimizer: z.enum(OPTIMIZERS).default('adam'),
  dropout: z.number().min(0).max(0.99).default(0),
  l2: z.number().min(0).max(1).default(0),
  init: z.enum(INITIALIZERS).default('glorot'),
};

export const BaselineMlpSpecSchema = z.object({
  kind: z.literal('baseline-mlp'),
  ...common,
  hidden: z.array(positiveInt(65_536)).min(0).max(16).default([256, 256]),
  activation: z.enum(ACTIVATIONS).default('relu'),
  ...NetConfig,
});

const mlpGrids = z
  .array(GridLayerSchema)
  .min(1)
  .max(8)
  .default([
    { rows: 10, cols: 10, mask: true },
    { rows: 10, cols: 10, mask: true },
  ]);
const convGrids = z
  .array(ConvLayerSchema)
  .min(1)
  .max(4)
  .default([
    { rows: 4, cols: 4, kernel: 5, mask: true },
    { rows: 4, cols: 8, kernel: 5, mask: true },
  ]);

/** SOM+FC (seed 000): an MLP whose hidden units sit on SOM grids and are gated by SOM masks. */
export const SomMaskMlpSpecSchema = z.object({
  kind: z.literal('som-mask-mlp'),
  ...common,
  hidden: mlpGrids,
  mask: MaskSchema.default(MaskSchema.parse({})),
  ...NetConfig,
});

/** SOM+CNN (seed 000): the SOM sees the whole image, its neurons are a conv layer's channels. */
export const SomMaskCnnSpecSchema = z.object({
  kind: z.literal('som-mask-cnn'),
  ...common,
  conv: convGrids,
  dense: positiveInt(4096).default(128),
  mask: MaskSchema.default(MaskSchema.parse({})),
  ...NetConfig,
});

/** CSOM (seed 000): the SOM sees the k×k patch at every position; the mask is per position and channel. */
export const CsomSpecSchema = z.object({
  kind: z.literal('csom'),
  ...common,
  conv: convGrids,
  dense: positiveInt(4096).default(128),
  mask: MaskSchema.default(MaskSchema.parse({})),
  ...NetConfig,
});

/** LeNet (seed 003): conv → pool → conv → pool → FC → FC, with dropout / 2-D dropout, L2, Glorot/He. */
export const BaselineCnnSpecSchema = z.object({
  kind: z.literal('baseline-cnn'),
  ...common,
  filters: z.array(positiveInt(1024)).min(1).max(4).default([16, 32]),
  kernel: positiveInt(15).default(5),
  dense: positiveInt(4096).default(128),
  dropout2d: z.number().min(0).max(0.99).default(0),
  ...NetConfig,
});

/** MLP_kWTA (seed 001): 784 → 64 → 512 → kWTA, triplet loss on binary codes vs softmax. */
export const KwtaMlpSpecSchema = z.object({
  kind: z.literal('kwta-mlp'),
  ...common,
  kwta: KwtaSchema.default(KwtaSchema.parse({})),
  ...NetConfig,
});

/** Differentiable soft SOM (seed 002) on the 2-class spiral. */
export const SoftSomSpecSchema = z.object({
  kind: z.literal('soft-som'),
  ...common,
  softSom: SoftSomSchema.default(SoftSomSchema.parse({})),
  ...NetConfig,
});

/** SOM after FC/conv features (seed 004): 784 → 256 → 30×30 SOM vs a SOM on raw pixels. */
export const SomAfterFeaturesSpecSchema = z.object({
  kind: z.literal('som-after-features'),
  ...common,
  features: z.enum(FEATURES).default('fc'),
  featureSize: positiveInt(4096).default(256),
  featureEpochs: positiveInt(1000).default(2),
  som: SomConfigSchema,
  ...NetConfig,
});

/** Stacked patch SOM (seed 000): layer 2 clusters the grid of layer-1 winner coordinates. */
export const StackedSomSpecSchema = z.object({
  kind: z.literal('stacked-som'),
  ...common,
  stacked: StackedSchema.default(StackedSchema.parse({})),
});

export const ExperimentSpecSchema = z.discriminatedUnion('kind', [
  SomSpecSchema,
  PatchSomSpecSchema,
  BaselineMlpSpecSchema,
  SomMaskMlpSpecSchema,
  SomMaskCnnSpecSchema,
  CsomSpecSchema,
  BaselineCnnSpecSchema,
  KwtaMlpSpecSchema,
  SoftSomSpecSchema,
  SomAfterFeaturesSpecSchema,
  StackedSomSpecSchema,
]);
export type ExperimentSpec = z.infer<typeof ExperimentSpecSchema>;
export type ExperimentSpecInput = z.input<typeof ExperimentSpecSchema>;
export type SpecKind = ExperimentSpec['kind'];
export type SpecOf<K extends SpecKind> = Extract<ExperimentSpec, { kind: K }>;
