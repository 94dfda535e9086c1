/**
 * Adversarial robustness of a finished classifier run (seed 000's open question): what to ask for, and the
 * curve kept in the run folder (runs/<id>/robustness/<attack>.json), so runs can be compared afterwards.
 */
import { z } from 'zod';

export const ATTACKS = ['fgsm', 'pgd'] as const;
export type AttackName = (typeof ATTACKS)[number];

/** ε in the data's units (MNIST pixels in [0, 1]); the same default grid for every run, so curves line up. */
export const DEFAULT_EPS = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3] as const;

export const RobustnessRequestSchema = z.object({
  attack: z.enum(ATTACKS).default('fgsm'),
  eps: z
    .array(z.number().min(0).max(10))
    .min(1)
    .max(32)
    .default([...DEFAULT_EPS]),
  /** Test samples attacked (the first ones of the test split, the same for every run of a dataset). */
  limit: z.number().int().min(1).max(100_000).default(1000),
  /** PGD steps; the step size is 2.5·ε/steps. */
  steps: z.number().int().min(1).max(200).default(10),
});
export type RobustnessRequestInput = z.input<typeof RobustnessRequestSchema>;
export type RobustnessRequest = z.output<typeof RobustnessRequestSchema>;

export const RobustnessCurveSchema = z.object({
  format: z.literal(1),
  runId: z.string(),
  attack: z.enum(ATTACKS),
  eps: z.array(z.number()),
  /** Accuracy under attack at each ε (ε = 0: the clean accuracy on the same samples). */
  accuracy: z.array(z.number()),
  samples: z.number().int(),
  steps: z.number().int().optional(),
  /** The range inputs were clipped into (the test set's min and max). */
  range: z.tuple([z.number(), z.number()]),
  backend: z.string(),
  wallMs: z.number(),
  at: z.string(),
});
export type RobustnessCurve = z.infer<typeof RobustnessCurveSchema>;

/** Kinds whose saved model ends in class logits (the kWTA net with triplet loss predicts by codes: not these). */
export const LOGIT_KINDS = [
  'baseline-mlp',
  'baseline-cnn',
  'som-mask-mlp',
  'som-mask-cnn',
  'csom',
  'soft-som',
  'kwta-mlp',
] as const;
