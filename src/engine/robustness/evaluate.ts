/**
 * Robustness of a saved classifier run: its model/ read back, the first `limit` test samples attacked at
 * each ε (FGSM or PGD, attacks.ts), the accuracy curve written to runs/<id>/robustness/<attack>.json.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '../layers';
import type { RobustnessCurve, RobustnessRequest } from '../../shared/robustness';
import { readRun, writeJsonAtomic } from '../runs';
import { runDir, runFiles } from '../runs/paths';
import { loadDataset } from '../data';
import { attackBatch, countCorrect, type LogitsFn } from './attacks';
import { checkClassifier, robustnessDir } from './records';

const BATCH = 200;

async function loadModel(projectDir: string, id: string): Promise<tfl.LayersModel> {
  const dir = runFiles(runDir(projectDir, id)).model;
  const json = await readFile(join(dir, 'model.json'), 'utf8').catch(() => {
    throw new Error(`run ${id} has no saved model (${join(dir, 'model.json')}): only finished runs can be attacked`);
  });
  const m = JSON.parse(json) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const bin = await readFile(join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const weightSpecs = m.weightsManifest.flatMap((w) => w.weights);
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: m.modelTopology, weightSpecs, weightData }));
}

export interface RobustnessOptions {
  /** Dataset roots a folder dataset must lie under (undefined: anywhere). */
  allowedRoots?: string[];
  backend: string;
  onProgress?(done: number, total: number): void;
}

export async function evaluateRobustness(
  projectDir: string,
  id: string,
  req: RobustnessRequest,
  o: RobustnessOptions,
): Promise<RobustnessCurve> {
  const t0 = Date.now();
  const { spec } = await readRun(projectDir, id);
  checkClassifier(id, spec);
  const model = await loadModel(projectDir, id);
  const data = await loadDataset(spec.dataset, { allowedRoots: o.allowedRoots, seed: spec.seed });
  const split = data.test ?? data.train;
  const n = Math.min(req.limit, split.count);
  const inShape = model.inputs[0]!.shape.slice(1) as number[];
  const size = inShape.reduce((a, b) => a * b, 1);
  const xs = split.x.subarray(0, n * size);
  let lo = Infinity,
    hi = -Infinity;
  for (const v of xs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const nClasses = Math.max(data.classes.length, ...Array.from(split.y.subarray(0, n), (c) => c + 1));
  const logits: LogitsFn = (x) => model.apply(x, { training: false }) as tf.Tensor2D;
  const batches = Math.ceil(n / BATCH);
  const total = req.eps.length * batches;
  const accuracy: number[] = [];
  let done = 0;
  for (const eps of req.eps) {
    let correct = 0;
    for (let b = 0; b < batches; b++) {
      const from = b * BATCH,
        m = Math.min(BATCH, n - from);
      const x = tf.tensor(xs.subarray(from * size, (from + m) * size), [m, ...inShape]);
      const y = tf.tensor1d(split.y.subarray(from, from + m), 'int32');
      const adv = attackBatch(req.attack, logits, x, y, nClasses, { eps, range: [lo, hi], steps: req.steps });
      correct += await countCorrect(logits, adv, y);
      tf.dispose([x, y, adv]);
      o.onProgress?.(++done, total);
    }
    accuracy.push(correct / n);
  }
  model.dispose();
  const curve: RobustnessCurve = {
    format: 1,
    runId: id,
    attack: req.attack,
    eps: [...req.eps],
    accuracy,
    samples: n,
    ...(req.attack === 'pgd' ? { steps: req.steps } : {}),
    range: [lo, hi],
    backend: o.backend,
    wallMs: Date.now() - t0,
    at: new Date().toISOString(),
  };
  await mkdir(robustnessDir(projectDir, id), { recursive: true });
  await writeJsonAtomic(join(robustnessDir(projectDir, id), `${req.attack}.json`), curve);
  return curve;
}
