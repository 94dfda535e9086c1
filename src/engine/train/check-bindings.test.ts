import { describe, expect, it } from 'vitest';
import { checkBindings } from './check-bindings';

const split = (count: number, dim: number) => ({ x: new Float32Array(count * dim), y: new Int32Array(count), count });
const MiB128 = 128 * 2 ** 20;

describe('checkBindings', () => {
  it('lets a split through that fits the binding limit, and everything off webgpu (Infinity)', () => {
    expect(() => checkBindings({ train: split(1000, 784) }, MiB128)).not.toThrow();
    expect(() => checkBindings({ train: split(60_000, 784) }, Infinity)).not.toThrow();
  });

  it("refuses full MNIST's 188 MB training split on a 128 MiB device, saying what to do", () => {
    expect(() => checkBindings({ train: split(60_000, 784), test: split(10_000, 784) }, MiB128)).toThrow(
      "the training split is 179.4 MiB as one GPU tensor, over this GPU's storage-buffer binding limit of " +
        '128.0 MiB (maxStorageBufferBindingSize): run it on wasm (backend "wasm") or set dataset.trainLimit to at ' +
        'most 42799',
    );
  });
});
