/**
 * `import 'somlab/layers'` in a user's own code: real runs save models with SOM-mask, kWTA and SoftSom layers
 * into a project; a fresh Node process that imports only tfjs and that entry (through package.json "exports",
 * from a folder where somlab is an installed package) loads each model and predicts what the engine predicts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../runs';
import { RunControl } from '../train/control';
import { runFromSpec } from '../train/run-spec';
import { trainerDeps } from '../train/trainer-deps';
import './index';

const ROOT = resolve(import.meta.dirname, '../../..');
const MNIST = { source: 'builtin', name: 'mnist', trainLimit: 64, testLimit: 32 } as const;
const tiny = { backend: 'cpu', epochs: 1, batchSize: 32, probeCount: 4, snapshotEvery: 100 } as const;
const SPECS = {
  SomMaskConv: { kind: 'som-mask-cnn', dataset: MNIST, conv: [{ rows: 2, cols: 2, kernel: 3 }], dense: 8 },
  Csom: { kind: 'csom', dataset: MNIST, conv: [{ rows: 2, cols: 2, kernel: 3 }], dense: 8 },
  SomMaskDense: { kind: 'som-mask-mlp', dataset: MNIST, hidden: [{ rows: 3, cols: 3 }] },
  Kwta: { kind: 'kwta-mlp', dataset: MNIST, kwta: { hidden: 16, codeSize: 32, synapticScaling: false } },
  SoftSom: {
    kind: 'soft-som',
    dataset: { source: 'builtin', name: 'spirals', trainLimit: 64 },
    softSom: { rows: 3, cols: 3 },
  },
} as const;

/** The user's script: tfjs, the entry, and the run's model/ folder read with tf.io.fromMemory. */
const USER_SCRIPT = `
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
if (process.argv[3] === 'with-entry') await import('somlab/layers');
const dir = process.argv[2];
const json = JSON.parse(readFileSync(dir + '/model.json', 'utf8'));
const bin = readFileSync(dir + '/weights.bin');
const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
const model = await tfl.loadLayersModel(
  tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }),
);
const shape = model.inputs[0].shape.map((d) => d ?? 2);
const y = model.predict(tf.ones(shape));
console.log(JSON.stringify({ classes: model.layers.map((l) => l.getClassName()), y: Array.from(y.dataSync()) }));
`;

/** What the engine itself predicts for the same saved model and input. */
async function enginePredict(dir: string): Promise<number[]> {
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const bin = await readFile(join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const model = await tfl.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }),
  );
  const shape = model.inputs[0]!.shape.map((d) => d ?? 2);
  return [...(model.predict(tf.ones(shape)) as tf.Tensor).dataSync()];
}

describe('somlab/layers package entry', () => {
  let work: string, project: string;
  const modelDirs = new Map<string, string>();

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-layers.mjs')], { cwd: ROOT });
    work = await mkdtemp(join(tmpdir(), 'somlab-user-'));
    // A user's folder with somlab and tfjs installed (links to this checkout and its tfjs packages).
    await mkdir(join(work, 'node_modules'));
    await symlink(ROOT, join(work, 'node_modules', 'somlab'));
    await symlink(join(ROOT, 'node_modules', '@tensorflow'), join(work, 'node_modules', '@tensorflow'));
    await writeFile(join(work, 'load.mjs'), USER_SCRIPT);
    project = join(work, 'project');
    await createProject(project, 'layers');
    const deps = await trainerDeps();
    for (const [layer, spec] of Object.entries(SPECS)) {
      const runId = `run-${layer.toLowerCase()}`;
      const cmd = { type: 'start', runId, spec: { ...tiny, ...spec }, projectDir: project, dataRoots: [] } as const;
      const out = await runFromSpec(cmd as never, {
        emit: () => undefined,
        control: new RunControl(),
        deps,
        heartbeatMs: 0,
      });
      expect(out.error).toBeUndefined();
      modelDirs.set(layer, join(project, 'runs', runId, 'model'));
    }
  }, 240_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const load = (dir: string, mode: 'with-entry' | 'tfjs-only') =>
    spawnSync(process.execPath, [join(work, 'load.mjs'), dir, mode], { cwd: work, encoding: 'utf8' });

  it.each(Object.keys(SPECS))(
    'a saved model with %s loads in plain tfjs after import "somlab/layers"',
    async (layer) => {
      const dir = modelDirs.get(layer)!;
      const r = load(dir, 'with-entry');
      expect(r.stderr).not.toMatch(/Error/);
      const got = JSON.parse(r.stdout) as { classes: string[]; y: number[] };
      expect(got.classes).toContain(layer);
      const want = await enginePredict(dir);
      expect(got.y).toHaveLength(want.length);
      got.y.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    },
  );

  it('is needed: without the entry plain tfjs-layers does not know the class', () => {
    const r = load(modelDirs.get('SomMaskConv')!, 'tfjs-only');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown layer: SomMaskConv/);
  });
});
