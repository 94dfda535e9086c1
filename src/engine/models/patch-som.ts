/**
 * Patch SOM (docs/SCIENCE.md §2): a SOM on k×k image patches; test images are rebuilt by replacing every patch
 * with its winner's codebook vector (overlaps averaged). Reports MSE and PSNR; more neurons, sharper images.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SpecOf } from '../../shared/spec';
import type { Dataset, Split } from '../data/types';
import { requireImages } from './common';
import { allPatches, foldPatches, mseAndPsnr, randomPatches, type ImageShape } from './patches';
import type { ExperimentHooks } from './hooks';
import { SomExperiment } from './som-experiment';
import { subSeed } from '../../shared/random';

export interface Reconstruction {
  originals: Float32Array;
  rebuilt: Float32Array;
  count: number;
  mse: number;
  psnr: number;
}

/** Rebuilds `count` images of `split` from the SOM's winners, in chunks so patch matrices stay small. */
export async function reconstruct(
  exp: SomExperiment,
  split: Split,
  s: ImageShape,
  k: number,
  stride: number,
  count: number,
): Promise<Reconstruction> {
  const n = Math.min(count, split.count);
  const size = s.h * s.w * s.c,
    d = k * k * s.c;
  const originals = split.x.slice(0, n * size);
  const rebuilt = new Float32Array(n * size);
  const codebook = await exp.som.getCodebook();
  const chunk = 16;
  for (let i0 = 0; i0 < n; i0 += chunk) {
    const m = Math.min(chunk, n - i0);
    const patches = allPatches(originals.subarray(i0 * size, (i0 + m) * size), m, s, k, stride);
    const rows = patches.length / d;
    const w = tf.tidy(() => exp.som.winners(tf.tensor2d(patches, [rows, d])));
    const win = await w.data();
    w.dispose();
    const replaced = new Float32Array(patches.length);
    for (let r = 0; r < rows; r++) replaced.set(codebook.subarray(win[r]! * d, (win[r]! + 1) * d), r * d);
    rebuilt.set(foldPatches(replaced, m, s, k, stride), i0 * size);
  }
  return { originals, rebuilt, count: n, ...mseAndPsnr(originals, rebuilt) };
}

const TRIPTYCH = 12;

/** Reconstruction on evaluation and at the end; the triptych's arrays saved beside the codebook. */
function patchExtras(spec: SpecOf<'patch-som'>, data: Dataset, shape: ImageShape): ExperimentHooks<SomExperiment> {
  let rec: Reconstruction | null = null;
  const run = async (exp: SomExperiment): Promise<Reconstruction> =>
    (rec = await reconstruct(
      exp,
      data.test ?? data.train,
      shape,
      spec.patch.size,
      spec.patch.stride,
      spec.reconstructCount,
    ));
  return {
    // The triptych as a 2-row grid of images: originals on top, their reconstructions below.
    snapshots: async (exp, step) => {
      const r = await reconstruct(exp, data.test ?? data.train, shape, spec.patch.size, spec.patch.stride, TRIPTYCH);
      const codebook = new Float32Array(r.originals.length * 2);
      codebook.set(r.originals, 0);
      codebook.set(r.rebuilt, r.originals.length);
      return [
        {
          step,
          layer: 'reconstruction',
          rows: 2,
          cols: r.count,
          topology: 'rect',
          shape: [shape.h, shape.w, shape.c],
          codebook,
          hits: new Float32Array(2 * r.count),
          umatrix: new Float32Array(2 * r.count),
        },
      ];
    },
    evaluate: async (exp) => {
      const { mse, psnr } = await run(exp);
      return { mse, psnr };
    },
    finalMetrics: async (exp) => {
      const { mse, psnr } = rec ?? (await run(exp));
      return { mse, psnr };
    },
    save: async (exp) => {
      const r = rec ?? (await run(exp));
      const header = {
        count: r.count,
        shape: [shape.h, shape.w, shape.c],
        mse: r.mse,
        psnr: r.psnr,
        arrays: ['originals', 'rebuilt'],
      };
      const bytes = new Uint8Array(r.originals.byteLength + r.rebuilt.byteLength);
      bytes.set(new Uint8Array(r.originals.buffer, r.originals.byteOffset, r.originals.byteLength), 0);
      bytes.set(new Uint8Array(r.rebuilt.buffer, r.rebuilt.byteOffset, r.rebuilt.byteLength), r.originals.byteLength);
      return [
        { name: 'reconstruction.json', data: JSON.stringify(header) },
        { name: 'reconstruction.bin', data: bytes },
      ];
    },
  };
}

export async function buildPatchSom(spec: SpecOf<'patch-som'>, data: Dataset): Promise<SomExperiment> {
  const [h, w, c] = requireImages(data, spec.kind);
  const s = { h, w, c };
  const { size: k, stride, perImage } = spec.patch;
  const x = perImage
    ? randomPatches(data.train.x, data.train.count, s, k, stride, perImage, subSeed(spec.seed, 77))
    : allPatches(data.train.x, data.train.count, s, k, stride);
  const count = x.length / (k * k * c);
  // A patch carries its image's label so the class map still means something.
  const per = count / data.train.count;
  const y = new Int32Array(count).map((_, i) => data.train.y[Math.floor(i / per)]!);
  return SomExperiment.create(spec, data, { x, y, count }, [k, k, c], patchExtras(spec, data, s));
}
