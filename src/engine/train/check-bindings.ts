/**
 * Before a run uploads its data: each split goes to the device as one tensor, and a kernel that reads it
 * (a batch gather, an evaluation slice) binds that whole buffer. Over the GPU's maxStorageBufferBindingSize
 * (128 MiB on lavapipe and some real GPUs; full MNIST's training split is 188 MB) Dawn rejects every such
 * kernel and the run would compute nothing valid, so it fails here first, saying what to do instead.
 */
import { formatBytes } from '../../shared/admission/admit';
import { bindingLimit } from '../backend/webgpu-device';
import type { Dataset } from '../data/types';

export function checkBindings(data: Pick<Dataset, 'train' | 'test'>, limit = bindingLimit()): void {
  for (const [name, split] of [
    ['training', data.train],
    ['test', data.test],
  ] as const) {
    const bytes = split ? split.x.byteLength : 0;
    if (bytes <= limit) continue;
    const field = name === 'training' ? 'trainLimit' : 'testLimit';
    throw new Error(
      `the ${name} split is ${formatBytes(bytes)} as one GPU tensor, over this GPU's storage-buffer binding ` +
        `limit of ${formatBytes(limit)} (maxStorageBufferBindingSize): run it on wasm (backend "wasm") or ` +
        `set dataset.${field} to at most ${Math.floor(limit / (bytes / split!.count))}`,
    );
  }
}
