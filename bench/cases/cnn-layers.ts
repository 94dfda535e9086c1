/** The LeNet of cnn-raw built by the engine's buildLenet (tfjs-layers), trained as runs train it. */
import { buildLenet } from '../../src/engine/models/baseline-cnn';
import type { SpecOf } from '../../src/shared/spec';
import { parseSpec } from '../../src/shared/validate';
import { layersTrainer } from './nets-layers';
import { CNN_CASE } from './nets-raw';
import type { BenchCase } from './types';

const spec = parseSpec({
  kind: 'baseline-cnn',
  dataset: { source: 'builtin', name: 'mnist' },
  filters: [16, 32],
  kernel: 5,
  dense: 128,
}) as SpecOf<'baseline-cnn'>;

export const cnnLayers: BenchCase = {
  name: 'cnn lenet b64 (layers)',
  ...CNN_CASE,
  async setup(tf) {
    return layersTrainer(tf, buildLenet([28, 28, 1], 10, spec), [28, 28, 1], CNN_CASE.batch);
  },
};
