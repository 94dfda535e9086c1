/**
 * ExperimentSpec: what a run is. Validated at every boundary (CLI, IPC, WebSocket, files on disk);
 * `parseSpec` turns any failure into one message that names the field, what was expected and what arrived.
 */
import { z } from 'zod';
import { ACTIVATIONS } from './options';
import { common, NetConfig, PatchSomSpecSchema, positiveInt, SomConfigSchema, SomSpecSchema } from './spec-base';
import {
  ConvLayerSchema,
  FEATURES,
  GridLayerSchema,
  KwtaSchema,
  MaskSchema,
  SoftSomSchema,
  StackedSchema,
} from './spec-nets';
export {
  datasetLabel,
  DatasetRefSchema,
  NetConfig,
  PatchSomSpecSchema,
  ScheduleSchema,
  SomConfigSchema,
  SomSpecSchema,
  type DatasetRef,
  type Schedule,
  type SomConfig,
} from './spec-base';

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
