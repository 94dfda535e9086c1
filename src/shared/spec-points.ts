/**
 * An inline dataset of 2-D points carried in the spec itself (the soft-SOM playground's clicked or generated
 * sets): bounded, finite, two features per point, labels in range of the class count. The optional test split
 * has the same rules; without it the run's accuracy is measured on the training points and named so.
 */
import { z } from 'zod';

export const MAX_INLINE_POINTS = 5000;
export const MAX_INLINE_CLASSES = 10;

/** One sample: exactly two features (x₁, x₂); zod's number refuses NaN and ±Infinity. */
const Point = z.tuple([z.number(), z.number()], { error: 'expected a point [x₁, x₂] of 2 features' });

const split = (what: string, min: number) => ({
  points: z
    .array(Point)
    .min(min)
    .max(MAX_INLINE_POINTS, { message: `at most ${MAX_INLINE_POINTS} ${what} points` }),
  labels: z.array(z.number().int().min(0)).max(MAX_INLINE_POINTS),
});

function checkSplit(
  ctx: z.RefinementCtx,
  points: readonly unknown[],
  labels: readonly number[],
  classes: number,
  at: ['points', 'labels'] | ['testPoints', 'testLabels'],
): void {
  if (labels.length !== points.length)
    ctx.addIssue({
      code: 'custom',
      path: [at[1]],
      message: `expected one label per point (${points.length}), received ${labels.length} labels`,
    });
  const bad = labels.findIndex((l) => l >= classes);
  if (bad >= 0)
    ctx.addIssue({
      code: 'custom',
      path: [at[1], bad],
      message: `expected a class index below classes (${classes}), received ${labels[bad]}`,
    });
}

export const InlinePointsSchema = z
  .object({
    source: z.literal('inline'),
    /** A short name for titles and run ids (e.g. "spiral", "clicked"). */
    name: z.string().min(1).max(40).optional(),
    classes: z.number().int().min(2).max(MAX_INLINE_CLASSES),
    ...split('training', 1),
    testPoints: split('test', 0).points.optional(),
    testLabels: split('test', 0).labels.optional(),
    /** As on the other sources: at most this many training / test points (after a seeded shuffle). */
    trainLimit: z.number().int().min(1).max(MAX_INLINE_POINTS).optional(),
    testLimit: z.number().int().min(1).max(MAX_INLINE_POINTS).optional(),
  })
  .superRefine((d, ctx) => {
    checkSplit(ctx, d.points, d.labels, d.classes, ['points', 'labels']);
    if ((d.testPoints === undefined) !== (d.testLabels === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [d.testPoints ? 'testLabels' : 'testPoints'],
        message: 'expected testPoints and testLabels together, received only one of them',
      });
    else if (d.testPoints && d.testLabels)
      checkSplit(ctx, d.testPoints, d.testLabels, d.classes, ['testPoints', 'testLabels']);
  });
export type InlinePoints = z.infer<typeof InlinePointsSchema>;

const countOf = (a: unknown): number => (Array.isArray(a) ? a.length : 0);

/**
 * The new-run form's read-only line for an inline set (it has no editor for points; they come from the
 * playground). Takes the draft as it stands, which may be half-edited JSON, so it counts what is there.
 */
export function inlineSummary(d: {
  name?: unknown;
  points?: unknown;
  testPoints?: unknown;
  classes?: unknown;
}): string {
  const name = typeof d.name === 'string' ? ` “${d.name}”` : '';
  const test = d.testPoints === undefined ? '' : `, ${countOf(d.testPoints)} test`;
  const classes = typeof d.classes === 'number' ? `, ${d.classes} classes` : '';
  return `inline${name}: ${countOf(d.points)} points${test}${classes}`;
}
