/**
 * The fused batch-SOM kernels as tfjs kernels (one engine dispatch each), registered per backend in this
 * folder. Inputs x [B, D] (the batch), w [N, D] (the codebook), h [N, N] (the neighbourhood matrix).
 *   SomLabBatchStep {alpha} → W' [N, D]: winners, Σh and the blend W' = α·hᵀX/Σh + (1 − α)·W in one kernel;
 *   SomLabBatchSums        → [hᵀX [N, D], Σh [N]]: the unnormalised sums, for batches split across chunks or
 *                            workers (summed, then blended with blendSums).
 */
export const SOM_STEP = 'SomLabBatchStep';
export const SOM_SUMS = 'SomLabBatchSums';

export interface SomStepAttrs {
  alpha: number;
}
