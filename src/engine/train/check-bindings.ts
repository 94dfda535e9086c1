/**
 * Before a run uploads its data: a split goes to the device in parts under the GPU's
 * maxStorageBufferBindingSize (data/device-rows.ts), so its size alone never refuses a run. What cannot be split
 * is one sample, and one gathered batch of samples (each step's kernels bind it whole). Over the limit Dawn
 * rejects every such kernel and the run would compute nothing valid, so it fails here first, saying what to do.
 */
import { formatBytes } from '../../shared/admission/admit';
import type { ExperimentSpec } from '../../shared/spec';
import { bindingLimit } from '../backend/webgpu-device';
import { sampleSize, type Split } from '../data/types';

/** Kinds whose batches are not the dataset's samples (patches, winner coordinates): only one sample must fit. */
const OTHER_ROWS: ReadonlySet<ExperimentSpec['kind']> = new Set(['patch-som', 'stacked-som']);

export function checkBindings(
  data: { shape: readonly number[]; train: Pick<Split, 'count'> },
  spec: Pick<ExperimentSpec, 'kind' | 'batchSize'>,
  limit = bindingLimit(),
): void {
  const row = sampleSize(data.shape) * 4;
  const tail = `over this GPU's storage-buffer binding limit of ${formatBytes(limit)} (maxStorageBufferBindingSize)`;
  if (row > limit)
    throw new Error(`one sample of shape [${data.shape.join(', ')}] is ${formatBytes(row)}, ${tail}: run it on wasm`);
  if (OTHER_ROWS.has(spec.kind)) return;
  const rows = Math.min(spec.batchSize, data.train.count);
  if (rows * row <= limit) return;
  throw new Error(
    `a batch of ${rows} samples is ${formatBytes(rows * row)} as one GPU tensor, ${tail}: ` +
      `set batchSize to at most ${Math.floor(limit / row)} or run it on wasm (backend "wasm")`,
  );
}
