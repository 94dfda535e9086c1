/**
 * Spec parts every kind shares: the dataset reference, schedules, the SOM configuration, the common run
 * fields and the network training options, plus the two pure-SOM kinds. spec.ts joins all kinds.
 */
import { z } from 'zod';
import {
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
import { InlinePointsSchema } from './spec-points';

export const positiveInt = (max: number) => z.number().int().min(1).max(max);

/** A random seed: a non-negative 32-bit integer (what mulberry32 takes), 0 when absent. */
export const SeedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(0);

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
  InlinePointsSchema,
]);
export type DatasetRef = z.infer<typeof DatasetRefSchema>;

/** What a dataset reference is called in titles, lists and run ids: the built-in's name, the folder's base name. */
export function datasetLabel(ref: DatasetRef): string {
  if (ref.source === 'builtin') return ref.name;
  if (ref.source === 'inline') return `${ref.name ?? 'points'} (${ref.points.length} points)`;
  return ref.path.split(/[\\/]/).filter(Boolean).pop() ?? ref.path;
}

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

/** Fields of every kind, spread right after `kind` (reordering them would change spec hashes). */
export const common = {
  name: z.string().max(200).optional(),
  preset: z.string().optional(),
  seed: SeedSchema,
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
