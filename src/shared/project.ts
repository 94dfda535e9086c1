/** Schemas of the files in a project folder (docs/ARCHITECTURE.md, "The project folder"). */
import { z } from 'zod';
import { BACKENDS } from './options';

export const PROJECT_FORMAT = 'somlab-project';
export const PROJECT_VERSION = 1;

export const ProjectFileSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int().min(1),
  name: z.string(),
  created: z.string(),
});
export type ProjectFile = z.infer<typeof ProjectFileSchema>;

export const SweepRefSchema = z.object({ id: z.string().min(1).max(128), index: z.number().int().min(0) });
export type SweepRef = z.infer<typeof SweepRefSchema>;

/** `queued`: waiting for a free trainer slot (listed by the host that queued it; never written to run.json). */
export const RUN_STATUSES = ['running', 'finished', 'stopped', 'failed', 'interrupted', 'queued'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RunRecordSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  kind: z.string(),
  preset: z.string().optional(),
  /** Sweep group this run belongs to, if any. */
  group: z.string().optional(),
  /** The sweep (its id in the project's sweeps/ folder) and the variant this run is. */
  sweep: SweepRefSchema.optional(),
  status: z.enum(RUN_STATUSES),
  backend: z.enum(BACKENDS).optional(),
  device: z.string().optional(),
  versions: z.record(z.string(), z.string()).default({}),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** Heartbeat: the trainer rewrites it; a stale one on a "running" run means the process died. */
  updatedAt: z.string().optional(),
  pid: z.number().int().optional(),
  /** The machine the trainer ran on (os.hostname): its pid means something there only. */
  host: z.string().optional(),
  totalSteps: z.number().int().optional(),
  // NaN is a real outcome (a diverged loss) and must not make the run unreadable.
  finalMetrics: z.record(z.string(), z.union([z.number(), z.nan()])).default({}),
  error: z.string().optional(),
  /** Non-fatal problems met loading the data (images resized, grey expanded to RGB, files skipped). */
  warnings: z.array(z.string()).optional(),
  /** The dataset's class names by index, so maps and legends name classes, never numbers. */
  classes: z.array(z.string()).optional(),
  /** Why each backend before the one that ran was skipped. */
  backendSkipped: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  /** The WebGPU adapter a webgpu run used (vendor, architecture, device, description; software or not). */
  adapter: z
    .object({
      vendor: z.string(),
      architecture: z.string(),
      device: z.string(),
      description: z.string(),
      fallback: z.boolean(),
    })
    .optional(),
  /** Worker threads that split each batch (1: one thread), and why fewer than asked when so. */
  workers: z.number().int().optional(),
  workersNote: z.string().optional(),
  /** Training throughput the run reached (samples per second, from its metric rows). */
  samplesPerSec: z.number().optional(),
  /** The per-sample shape of the data it trained on, so a later run's time estimate can scale its samples/s. */
  sampleShape: z.array(z.number().int().positive()).optional(),
  /** The user's labels and note (run management); the name above is the user's too once renamed. */
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
  /** "Run again with changes": the run this one's spec was edited from. */
  editedFrom: z.string().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** The user's own labels for a run (runs/<id>/meta.json), set from the UI or the Api. */
export const RunMetaSchema = z.object({
  name: z.string().max(200).optional(),
  tags: z.array(z.string().min(1).max(60)).max(32).optional(),
  note: z.string().max(20_000).optional(),
});
export type RunMeta = z.infer<typeof RunMetaSchema>;

export interface RunSummary extends RunRecord {
  /** Last metric row seen on disk (for runs still going or interrupted). */
  lastStep?: number;
  /** A running run's heartbeat age (ms) as the reader saw it: how a run on another machine shows it is alive. */
  heartbeatAgeMs?: number;
}

export const BackendNameSchema = z.enum(BACKENDS);
