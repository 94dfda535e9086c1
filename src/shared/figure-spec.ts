/**
 * What a figure is, so it can be rendered again later: single-panel exports (`somlab export`, the export
 * dialog) and composed figures (`somlab figure FIGURE.json`, the composer). Validated at every boundary.
 */
import { z } from 'zod';
import { X_AXES } from './charts/series';

/** Every panel the engine draws, by name (`--panel`). */
export const PANELS = [
  'codebook',
  'umatrix',
  'hits',
  'classes',
  'trace',
  'loss',
  'accuracy',
  'qe',
  'te',
  'schedule',
  'mask-sparsity',
  'mask-strength',
  'sdr',
  'boundary',
  'reconstruction',
  'filmstrip',
  'firing',
  'class-firing',
  'robustness',
] as const;
export type PanelName = (typeof PANELS)[number];
export const isPanelName = (s: string): s is PanelName => (PANELS as readonly string[]).includes(s);

/** Panels drawn from a SOM snapshot (they take a layer and a step). */
export const MAP_PANELS: readonly PanelName[] = [
  'codebook',
  'umatrix',
  'hits',
  'classes',
  'trace',
  'filmstrip',
  'firing',
  'class-firing',
];

export const FIGURE_FORMATS = ['svg', 'pdf', 'png', 'pgf', 'csv', 'gif'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** Paper widths: a single column (3.5 in) or the full page (7 in); or any length in in, cm, mm or pt. */
export const PAPER_WIDTHS = { single: '3.5in', double: '7in' } as const;
const LENGTH = /^(\d+(?:\.\d+)?)(in|cm|mm|pt)$/;
const PT_PER = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1 } as const;

/** A length ("3.5in", "89mm", "single") in PostScript points (1/72 in). */
export function lengthToPt(text: string): number {
  const named = PAPER_WIDTHS[text as keyof typeof PAPER_WIDTHS] ?? text;
  const m = LENGTH.exec(named);
  if (!m) throw new Error(`width "${text}": expected single, double or a length such as 3.5in, 89mm, 252pt`);
  return Number(m[1]) * PT_PER[m[2] as keyof typeof PT_PER];
}

const width = z
  .string()
  .refine((s) => LENGTH.test(s) || s in PAPER_WIDTHS, 'single, double or a length such as 3.5in, 89mm, 252pt')
  .refine((s) => lengthToPt(s) >= 72 && lengthToPt(s) <= 20 * 72, 'a width between 1 in and 20 in');

const runId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a run id (letters, digits, . _ -)');

export const PanelRefSchema = z.object({
  run: runId,
  panel: z.enum(PANELS),
  /** SOM layer ("som", or a mask layer such as "conv1"); default: the run's first. */
  layer: z.string().min(1).max(120).optional(),
  /** Step of a map panel (the nearest snapshot at or before it); default: the last. */
  step: z.number().int().min(0).optional(),
  /** Curves: what the x axis shows, and a log y axis. */
  x: z.enum(X_AXES).default('step'),
  log: z.boolean().default(false),
  /** Overlay these runs' curves too (compare figures). */
  with: z.array(runId).max(5).default([]),
  /** Filmstrip: how many frames. */
  frames: z.number().int().min(2).max(48).default(6),
});
export type PanelRef = z.infer<typeof PanelRefSchema>;
export type PanelRefInput = z.input<typeof PanelRefSchema>;

export const ExportRequestSchema = PanelRefSchema.extend({
  format: z.enum(FIGURE_FORMATS),
  width: width.default('3.5in'),
  dpi: z.number().int().min(36).max(1200).default(300),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;
export type ExportRequestInput = z.input<typeof ExportRequestSchema>;

export const FigureSpecSchema = z.object({
  format: z.literal('somlab-figure').default('somlab-figure'),
  version: z.literal(1).default(1),
  /** File stem under the project's figures/ ("fig-som-vs-cnn" → figures/fig-som-vs-cnn.svg …). */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/, 'a file name stem (letters, digits, . _ -)'),
  title: z.string().max(200).optional(),
  width: width.default('7in'),
  columns: z.number().int().min(1).max(6).default(2),
  panels: z.array(PanelRefSchema).min(1).max(24),
  formats: z
    .array(z.enum(['svg', 'pdf', 'png']))
    .min(1)
    .default(['svg', 'pdf', 'png']),
  dpi: z.number().int().min(36).max(1200).default(300),
});
export type FigureSpec = z.infer<typeof FigureSpecSchema>;
export type FigureSpecInput = z.input<typeof FigureSpecSchema>;

/** Where an export came from: written beside every figure as `<file>.json`. */
export interface Provenance {
  format: 'somlab-provenance';
  files: string[];
  runs: { id: string; specHash: string; steps: number[]; layer?: string }[];
  panels: PanelRef[];
  somlab: string;
  createdAt: string;
  /** The command that writes the same files again. */
  command: string;
}

/** What an export call answers: the files written (relative to the project) and the sidecar's content. */
export interface ExportResult {
  files: string[];
  provenance: Provenance;
}
