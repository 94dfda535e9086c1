/**
 * Spec parts of the SOM-in-network experiments (docs/SCIENCE.md §3–§8). Kept apart from spec.ts so each
 * file stays readable; spec.ts joins them into the one ExperimentSpec union.
 */
import { z } from 'zod';
import { DECAYS, TOPOLOGIES } from './options';

const positiveInt = (max: number) => z.number().int().min(1).max(max);
export const LOSSES = ['softmax', 'triplet'] as const;
export const MASK_ORDERS = ['som-relu', 'relu-som'] as const;
/** When the threshold θ cuts the mask: in training and evaluation, or only at evaluation (trained at θ = 0). */
export const THRESHOLD_AT = ['train-and-eval', 'eval'] as const;
export const SOFT_SOM_VARIANTS = ['pure-nn', 'som-preprocess', 'som-interposed'] as const;
export const FEATURES = ['none', 'fc', 'conv'] as const;

const schedule = (start: number, end: number) =>
  z
    .object({
      start: z.number().positive(),
      end: z.number().positive(),
      decay: z.enum(DECAYS).default('exponential'),
    })
    .default({ start, end, decay: 'exponential' });

/** The SOM that gates a layer: organised with σ_org (Kohonen rule), forwarding with σ_fwd. */
export const MaskSchema = z.object({
  /** Forward-mask radius; "inf" means no mask (m ≡ 1), i.e. the plain net. */
  sigmaFwd: z.union([z.number().positive(), z.literal('inf')]).default(5),
  sigmaOrg: schedule(3, 0.5),
  learningRate: schedule(0.5, 0.01),
  threshold: z.number().min(0).max(0.999).default(0),
  /** Absent = 'train-and-eval' (no default, so the hashes of specs written before it stay the same). */
  thresholdAt: z.enum(THRESHOLD_AT).optional(),
  order: z.enum(MASK_ORDERS).default('som-relu'),
  topology: z.enum(TOPOLOGIES).default('rect'),
  /** Keep exactly this many units active (the K nearest the winner on the grid) instead of the Gaussian. */
  activeUnits: positiveInt(100_000).optional(),
});
export type MaskConfig = z.infer<typeof MaskSchema>;

export const GridLayerSchema = z.object({
  rows: positiveInt(256),
  cols: positiveInt(256),
  /** Whether this layer is gated by a SOM mask. */
  mask: z.boolean().default(true),
});

export const ConvLayerSchema = GridLayerSchema.extend({ kernel: positiveInt(15).default(5) });

export const KwtaSchema = z.object({
  hidden: positiveInt(65_536).default(64),
  codeSize: positiveInt(65_536).default(512),
  sparsity: z.number().gt(0).lt(1).default(0.05),
  hardness: z.number().positive().default(10),
  loss: z.enum(LOSSES).default('triplet'),
  margin: z.number().min(0).default(0.5),
  synapticScaling: z.boolean().default(true),
});

export const SoftSomSchema = z.object({
  variant: z.enum(SOFT_SOM_VARIANTS).default('som-interposed'),
  hidden: positiveInt(4096).default(16),
  rows: positiveInt(64).default(8),
  cols: positiveInt(64).default(8),
  beta: z.number().positive().default(8),
});

export const StackedSchema = z.object({
  patch: positiveInt(28).default(7),
  stride: positiveInt(28).default(7),
  layer1: z
    .object({ rows: positiveInt(64).default(10), cols: positiveInt(64).default(10) })
    .default({ rows: 10, cols: 10 }),
  layer2: z
    .object({ rows: positiveInt(64).default(10), cols: positiveInt(64).default(10) })
    .default({ rows: 10, cols: 10 }),
  sigma: schedule(4, 0.5),
});
