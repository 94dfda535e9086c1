/**
 * Stacked patch SOM (seed 000): layer 1 is a SOM of k×k patches; each image becomes the grid of its
 * patches' winner coordinates (row, col scaled to [0, 1]); layer 2 is a SOM of those coordinate images.
 * Training runs layer 1 first, then layer 2, in one step sequence. Reports purity and NMI of layer 2.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SomSnapshot } from '../../shared/run-types';
import type { SpecOf } from '../../shared/spec';
import { nmi, purity } from '../analysis';
import type { Dataset, Split } from '../data/types';
import { INIT_ROWS, Som } from '../som';
import { passRows, qualityOver, winnersOver } from './som-source';
import { decayValue, makeGrid } from '../../shared/som-math';
import type { Experiment } from '../train/experiment';
import { requireImages } from './common';
import { DeviceSplit } from '../data/batches';
import { allPatches, patchGrid } from './patches';

/** (row, col) of each winner on a rows×cols grid, scaled to [0, 1]: [n, 2] flat. */
export function winnerCoordinates(winners: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(winners.length * 2);
  for (let q = 0; q < winners.length; q++) {
    const j = winners[q]!;
    out[q * 2] = Math.floor(j / cols) / Math.max(1, rows - 1);
    out[q * 2 + 1] = (j % cols) / Math.max(1, cols - 1);
  }
  return out;
}

class StackedExperiment implements Experiment {
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  private readonly som1: Som;
  private readonly som2: Som;
  private readonly phase1: number;
  private coords: { train: DeviceSplit; test: Split } | null = null;

  constructor(
    private readonly spec: SpecOf<'stacked-som'>,
    private readonly data: Dataset,
    private readonly patches: DeviceSplit,
    private readonly p: { k: number; ny: number; nx: number; c: number },
  ) {
    const s = spec.stacked;
    this.som1 = new Som(makeGrid(s.layer1.rows, s.layer1.cols, 'rect'), p.k * p.k * p.c, 'gaussian', spec.seed);
    this.som2 = new Som(makeGrid(s.layer2.rows, s.layer2.cols, 'rect'), p.ny * p.nx * 2, 'gaussian', spec.seed + 1);
    this.phase1 = spec.epochs * patches.stepsPerEpoch(spec.batchSize);
    this.stepsPerEpoch = patches.stepsPerEpoch(spec.batchSize);
    this.totalSteps = this.phase1 + spec.epochs * Math.ceil(data.train.count / spec.batchSize);
  }

  async init(): Promise<void> {
    const head = this.patches.head(INIT_ROWS);
    await this.som1.initFrom(head, 'samples');
    head.dispose();
  }

  /** Each image as the (row, col) of its patches' layer-1 winners, scaled to [0, 1]. */
  private async coordinates(split: Split): Promise<Split> {
    const { k, ny, nx, c } = this.p,
      g = this.som1.grid,
      per = ny * nx;
    const x = new Float32Array(split.count * per * 2);
    for (let s = 0; s < split.count; s += 256) {
      const n = Math.min(256, split.count - s),
        size = this.data.shape.reduce((a, b) => a * b, 1);
      const rows = allPatches(
        split.x.subarray(s * size, (s + n) * size),
        n,
        { h: this.data.shape[0]!, w: this.data.shape[1]!, c },
        k,
        this.spec.stacked.stride,
      );
      const t = tf.tensor2d(rows, [n * per, k * k * c]);
      const win = await this.som1.winnersOf(t);
      t.dispose();
      x.set(winnerCoordinates(win, g.rows, g.cols), s * per * 2);
    }
    return { x, y: split.y, count: split.count };
  }

  async step(step: number): Promise<Record<string, number>> {
    const s = this.spec,
      inPhase2 = step >= this.phase1;
    if (inPhase2 && !this.coords) {
      const test = await this.coordinates(this.data.test ?? this.data.train);
      this.coords = {
        train: new DeviceSplit(await this.coordinates(this.data.train), [this.p.ny * this.p.nx * 2], s.seed),
        test,
      };
      const head = this.coords.train.head(INIT_ROWS);
      await this.som2.initFrom(head, 'samples');
      head.dispose();
    }
    const t = inPhase2 ? step - this.phase1 : step,
      T = Math.max(1, (inPhase2 ? this.totalSteps - this.phase1 : this.phase1) - 1);
    const split = inPhase2 ? this.coords!.train : this.patches,
      som = inPhase2 ? this.som2 : this.som1;
    const per = split.stepsPerEpoch(s.batchSize);
    const { x, y } = split.batch(split.batchIndices(Math.floor(t / per), t % per, s.batchSize));
    som.trainBatchBlended(x as tf.Tensor2D, decayValue(s.stacked.sigma, t, T), 0.5);
    tf.dispose([x, y]);
    return { layer: inPhase2 ? 2 : 1 };
  }

  private async separation(): Promise<Record<string, number>> {
    if (!this.coords) return {};
    const x = passRows(this.coords.test.x, this.coords.test.count, this.p.ny * this.p.nx * 2);
    const win = await winnersOver(this.som2, x.parts);
    const q = await qualityOver(this.som2, x.parts);
    x.dispose();
    return { purity: purity(win, this.coords.test.y), nmi: nmi(win, this.coords.test.y), qe: q.qe, te: q.te };
  }

  evaluate(): Promise<Record<string, number>> {
    return this.separation();
  }
  finalMetrics(): Promise<Record<string, number>> {
    return this.separation();
  }

  async snapshots(step: number): Promise<SomSnapshot[]> {
    const view = async (som: Som, layer: string, shape: number[]): Promise<SomSnapshot> => ({
      step,
      layer,
      rows: som.grid.rows,
      cols: som.grid.cols,
      topology: 'rect',
      shape,
      codebook: await som.getCodebook(),
      hits: new Float32Array(som.grid.n),
      umatrix: await som.uMatrix(),
    });
    const out = [await view(this.som1, 'layer1', [this.p.k, this.p.k, this.p.c])];
    if (this.coords) out.push(await view(this.som2, 'layer2', [this.p.ny, this.p.nx * 2, 1]));
    return out;
  }

  dispose(): void {
    this.som1.dispose();
    this.som2.dispose();
    this.patches.dispose();
    this.coords?.train.dispose();
  }
}

export async function buildStackedSom(spec: SpecOf<'stacked-som'>, data: Dataset): Promise<StackedExperiment> {
  const [h, w, c] = requireImages(data, spec.kind);
  const { patch: k, stride } = spec.stacked;
  const { ny, nx } = patchGrid({ h, w, c }, k, stride);
  const x = allPatches(data.train.x, data.train.count, { h, w, c }, k, stride);
  const count = x.length / (k * k * c);
  const patches = new DeviceSplit({ x, y: new Int32Array(count).fill(-1), count }, [k * k * c], spec.seed);
  const exp = new StackedExperiment(spec, data, patches, { k, ny, nx, c });
  await exp.init();
  return exp;
}
