/**
 * The classifier hooks shared by every SOM-masked net: the Kohonen step of each mask layer after each
 * gradient step (σ_org and α on their schedules), mask statistics, winner traces of the probe set and
 * snapshots of each layer's SOM, computed on the inputs each layer actually sees.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { MaskStat, SomSnapshot, WinnerTrace } from '../../shared/run-types';
import type { MaskConfig } from '../../shared/spec-nets';
import { SomMaskBase } from '../layers/mask';
import { decayValue } from '../../shared/som-math';
import type { ClassifierExperiment } from './classifier';
import type { ExperimentHooks } from './hooks';
import { maskFiring } from './mask-firing';

export interface MaskedLayerView {
  layer: SomMaskBase;
  /** How to draw its codebook vectors: [h, w, c] images, or [d]. */
  shape: number[];
}

/** Runs x through the model layer by layer, handing each mask layer's input to `visit`. */
function walk(model: LayersModel, x: tf.Tensor, visit: (layer: SomMaskBase, input: tf.Tensor) => void): void {
  tf.tidy(() => {
    let h = x;
    for (const l of model.layers) {
      if (l.getClassName() === 'InputLayer') continue;
      if (l instanceof SomMaskBase) visit(l, h);
      h = l.apply(h, { training: false }) as tf.Tensor;
    }
  });
}

/** One winner per sample: the SOM input's row per sample (dense/conv), or the centre patch (CSOM). */
function winnerPerSample(layer: SomMaskBase, input: tf.Tensor): tf.Tensor1D {
  const rows = layer.somInput(input);
  const w = layer.somGate.som.winners(rows);
  const b = input.shape[0]!,
    per = rows.shape[0] / b;
  if (per === 1) return w;
  return tf.gather(
    w,
    tf.tensor1d(
      Int32Array.from({ length: b }, (_, i) => i * per + Math.floor(per / 2)),
      'int32',
    ),
  ) as tf.Tensor1D;
}

export function somMaskHooks(o: {
  model: LayersModel;
  views: MaskedLayerView[];
  mask: MaskConfig;
  evalX: tf.Tensor;
  evalY: Int32Array;
  probeX: tf.Tensor;
  probeY: Int32Array;
  nClasses: number;
}): ExperimentHooks<ClassifierExperiment> {
  const trained = o.views.filter((v) => v.layer.learns);
  // Mask statistics only where a mask gates (an organising-only SOM lets everything through).
  const gated = trained.filter((v) => v.layer.somGate.enabled);
  return {
    afterStep(exp, _x, step) {
      const T = Math.max(1, exp.totalSteps - 1);
      const sigma = decayValue(o.mask.sigmaOrg, step, T),
        alpha = decayValue(o.mask.learningRate, step, T);
      for (const v of trained) v.layer.trainSom(sigma, alpha);
    },
    async maskStats(): Promise<MaskStat[]> {
      return Promise.all(gated.map(async (v) => ({ name: v.layer.name, ...(await v.layer.maskStats()) })));
    },
    async winners(_exp, step): Promise<WinnerTrace[]> {
      const out: tf.Tensor1D[] = [];
      walk(o.model, o.probeX, (layer, input) => {
        if (layer.learns) out.push(tf.keep(winnerPerSample(layer, input)));
      });
      const traces = await Promise.all(
        out.map(async (w, i) => ({
          step,
          layer: trained[i]!.layer.name,
          winners: new Int32Array(await w.data()),
          labels: o.probeY,
        })),
      );
      tf.dispose(out);
      return traces;
    },
    async snapshots(_exp, step): Promise<SomSnapshot[]> {
      const inputs: tf.Tensor2D[] = [];
      walk(o.model, o.evalX, (layer, input) => {
        if (layer.learns) inputs.push(tf.keep(layer.somInput(input)));
      });
      const snaps: SomSnapshot[] = [];
      for (const [i, v] of trained.entries()) {
        const som = v.layer.somGate.som,
          x = inputs[i]!,
          g = som.grid;
        // CSOM inputs are one row per position: hits and class maps use each sample's centre patch only.
        const per = x.shape[0] / o.evalY.length;
        const rows =
          per === 1
            ? x
            : tf.tidy(
                () =>
                  tf.gather(
                    x,
                    tf.tensor1d(
                      Int32Array.from(o.evalY, (_, k) => k * per + Math.floor(per / 2)),
                      'int32',
                    ),
                  ) as tf.Tensor2D,
              );
        snaps.push({
          step,
          layer: v.layer.name,
          rows: g.rows,
          cols: g.cols,
          topology: g.topology,
          shape: v.shape,
          codebook: await som.getCodebook(),
          hits: await som.hits(rows),
          umatrix: await som.uMatrix(),
          ...(o.nClasses > 0 ? { classMap: await som.classMap(rows, o.evalY, o.nClasses) } : {}),
          ...(await maskFiring(v.layer.somGate, rows, o.evalY, o.nClasses)),
        });
        if (rows !== x) rows.dispose();
      }
      tf.dispose(inputs);
      return snaps;
    },
    async finalMetrics(): Promise<Record<string, number>> {
      if (gated.length === 0) return {};
      const stats = await Promise.all(gated.map((v) => v.layer.maskStats()));
      return {
        activeFraction: stats.reduce((a, s) => a + s.sparsity, 0) / stats.length,
        maskStrength: stats.reduce((a, s) => a + s.strength, 0) / stats.length,
      };
    },
  };
}
