/**
 * The fused batch-SOM kernels as tfjs kernels (one engine dispatch each), registered per backend in this
 * folder. Inputs x [B, D] (the batch), w [N, D] (the codebook), h [N, N] (the neighbourhood matrix).
 *   SomLabBatchStep {alpha} → W' [N, D]: winners, Σh and the blend W' = α·hᵀX/Σh + (1 − α)·W in one kernel;
 *   SomLabBatchSums        → [hᵀX [N, D], Σh [N]]: the unnormalised sums, for batches split across chunks or
 *                            workers (summed, then blended with blendSums).
 *   SomLabBatchBest        → [best [B], at [B] int32]: each row's nearest neuron of w and its score x·w − ½‖w‖²
 *                            (larger is nearer), for a codebook whose neurons are split across workers.
 * SomLabBatchStep also takes an int32 input `win` [B], the winners already chosen (neuron indices): then w is the
 * block of n neurons from attr `lo` (a neuron-split step), and h stays the whole [N, N] matrix.
 */
export const SOM_STEP = 'SomLabBatchStep';
export const SOM_SUMS = 'SomLabBatchSums';
export const SOM_BEST = 'SomLabBatchBest';

export interface SomStepAttrs {
  alpha: number;
  /** The first neuron of w (a block of the map in a neuron-split step; 0 otherwise). */
  lo: number;
}
