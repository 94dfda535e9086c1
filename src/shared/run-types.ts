/**
 * The run's value types, in one place: what a run reports (metric rows, SOM snapshots, winner traces, mask
 * statistics, the backend) and what it is started from and judged against (presets, references). The engine,
 * the hosts and the renderer all import them from here; events.ts wraps them into versioned run events.
 * Big arrays are Float32Array/Int32Array so they cross process and IPC boundaries as structured clones
 * (or as binary frames over the WebSocket).
 */
import type { BackendName, Topology } from './options';
import type { ExperimentSpecInput } from './spec';

export type RunId = string;

export interface BackendReport {
  /** The backend that runs. */
  name: BackendName;
  /** Human words for the device (e.g. "wasm SIMD, 2 threads", "NVIDIA H100 via Dawn/Vulkan"). */
  device: string;
  /** Why each earlier candidate was skipped, in picker order. */
  skipped: { name: BackendName; reason: string }[];
  /** The GPU adapter (webgpu only), as the driver names it. */
  adapter?: AdapterInfo;
}

/** A WebGPU adapter as its driver reports it; `fallback` marks a software one (lavapipe, SwiftShader). */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  fallback: boolean;
}

/** One row of scalars; `step` is the global optimiser/SOM step, `t` ms since run start. */
export interface MetricRow {
  step: number;
  epoch: number;
  t: number;
  [metric: string]: number;
}

export interface SomSnapshot {
  step: number;
  /** Which SOM in the model ("som" for plain SOM runs, a layer name for mask layers). */
  layer: string;
  rows: number;
  cols: number;
  topology: Topology;
  /** Per-sample shape of a codebook vector (e.g. [28,28,1], [9,9,1], [3]). */
  shape: number[];
  codebook: Float32Array; // [N*D]
  hits: Float32Array; // [N]
  umatrix: Float32Array; // [N]
  /** Majority class per neuron, -1 where no sample won. Absent when data is unlabelled. */
  classMap?: Int32Array;
  /**
   * Mask layers: per unit, the fraction of evaluation samples whose mask lets it through (above θ or 0.01);
   * kWTA codes: the fraction of samples the unit is one of the k winners (softmax variant: its ReLU fires).
   */
  firing?: Float32Array; // [N]
  /** Per unit and class, the fraction of that class's samples it fires for. */
  firingByClass?: Float32Array; // [N × classes]
  /**
   * A code with no lattice (kWTA), laid on rows × cols by codeGrid (src/shared/map/firing.ts) only to be
   * painted: neighbours mean nothing, so it has no U-matrix to show (umatrix holds zeros).
   */
  codeLayout?: boolean;
}

/** Where each probe sample's best-matching unit sat at one step, for one SOM layer. */
export interface WinnerTrace {
  step: number;
  /** Which SOM ("som", or a mask layer's name). */
  layer: string;
  /** Winner index per probe sample. */
  winners: Int32Array;
  /** Class per probe sample, when the data is labelled. */
  labels?: Int32Array;
}

/** How much of a SOM-masked layer its mask lets through. */
export interface MaskStat {
  /** The mask layer's name. */
  name: string;
  /** Fraction of units with mask above threshold (0.01 or θ). */
  sparsity: number;
  /** Mean mask value Σm/N. */
  strength: number;
}

/** What a seed reports, and how close a run must come to count as reproduced. */
export interface Reference {
  /** The seed's figure in words, e.g. "99.02 % (SOM-CNN) vs 98.76 % (CNN)". */
  figure: string;
  /** Final metric compared (e.g. "testAccuracy", "te", "purity"). */
  metric: string;
  /** Single runs: the value and an absolute tolerance; or a bound. */
  value?: number;
  tolerance?: number;
  atMost?: number;
  atLeast?: number;
  /** Sweeps: variant labels that must come out in this order, best first (by `metric`, higher is better). */
  order?: string[];
  /** Sweeps with a value or bound: which variant's metric is compared (default: the first). */
  variant?: string;
  /** A second condition that must hold too (e.g. accuracy beside sparsity). */
  also?: Reference;
  /**
   * Orderings over several seeds: 'better' (default) needs the first variant ahead beyond the noise;
   * 'competitive' needs it no further behind than `tolerance` (e.g. "kWTA competitive with softmax").
   */
  claim?: 'better' | 'competitive';
}

/** A named, ready-to-run experiment (one per seed figure), optionally a sweep of variants. */
export interface Preset {
  name: string;
  title: string;
  /** The seed figure this preset reproduces (e.g. "seed 004, colour SOM"). */
  reproduces: string;
  spec: ExperimentSpecInput;
  /** A sweep: each variant is `spec` deep-merged with its patch, run one after another, grouped. */
  variants?: { label: string; patch: Record<string, unknown> }[];
  reference?: Reference;
  /** Views the live dashboard should open first for this preset. */
  views?: string[];
}
