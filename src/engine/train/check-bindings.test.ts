import { describe, expect, it } from 'vitest';
import { checkBindings } from './check-bindings';

const MiB128 = 128 * 2 ** 20;
const mnist = (count: number) => ({ shape: [28, 28, 1], train: { count } });

describe('checkBindings', () => {
  it('lets full MNIST through on a 128 MiB device: the split goes up in parts, a batch is far under it', () => {
    expect(() => checkBindings(mnist(60_000), { kind: 'baseline-mlp', batchSize: 128 }, MiB128)).not.toThrow();
    expect(() => checkBindings(mnist(60_000), { kind: 'som', batchSize: 65_536 }, Infinity)).not.toThrow();
  });

  it('refuses a batch that is one tensor over the limit, naming the batch size that fits', () => {
    // 60,000 rows of 784 floats: 179.4 MiB in one gathered batch; 42,799 rows fit in 128 MiB (3,136 bytes each).
    expect(() => checkBindings(mnist(60_000), { kind: 'som', batchSize: 65_536 }, MiB128)).toThrow(
      "a batch of 60000 samples is 179.4 MiB as one GPU tensor, over this GPU's storage-buffer binding limit of " +
        '128.0 MiB (maxStorageBufferBindingSize): set batchSize to at most 42799 or run it on wasm (backend "wasm")',
    );
    expect(() => checkBindings(mnist(60_000), { kind: 'som', batchSize: 42_799 }, MiB128)).not.toThrow();
    expect(() => checkBindings(mnist(60_000), { kind: 'som', batchSize: 42_800 }, MiB128)).toThrow(/at most 42799/);
  });

  it('batches of patches are not batches of samples; one sample over the limit is refused for every kind', () => {
    expect(() => checkBindings(mnist(60_000), { kind: 'patch-som', batchSize: 65_536 }, MiB128)).not.toThrow();
    expect(() => checkBindings(mnist(10), { kind: 'stacked-som', batchSize: 1 }, 3000)).toThrow(
      "one sample of shape [28, 28, 1] is 3.1 KiB, over this GPU's storage-buffer binding limit of 2.9 KiB " +
        '(maxStorageBufferBindingSize): run it on wasm',
    );
  });
});
