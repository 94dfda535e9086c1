/**
 * SOM Lab's wasm kernel fixes (conv training, transposed matmuls, GatherV2, MaxPoolGrad, Sign: one file each, each
 * tested against the cpu backend), installed once after the wasm backend is ready.
 */
import { installBatchMatMulFix } from './batch-matmul';
import { installConv2dBackpropFilterFix } from './conv2d-backprop-filter';
import { installConv2dBackpropInputFix } from './conv2d-backprop-input';
import { installFusedMatMulFix } from './fused-matmul';
import { installGatherV2Fix } from './gather-v2';
import { isFix } from './kernels';
import { installMaxPoolGradFix } from './max-pool-grad';
import { installSignFix } from './sign';

/** Kernel name → installer. The names are what the fixes replace (or, for Conv2DBackpropFilter, add). */
export const WASM_FIXES: Record<string, () => void> = {
  BatchMatMul: installBatchMatMulFix,
  _FusedMatMul: installFusedMatMulFix,
  Conv2DBackpropFilter: installConv2dBackpropFilterFix,
  Conv2DBackpropInput: installConv2dBackpropInputFix,
  GatherV2: installGatherV2Fix,
  MaxPoolGrad: installMaxPoolGradFix,
  Sign: installSignFix,
};

/** Registers every fix on the wasm backend (idempotent). Call after `tf.setBackend('wasm')` has resolved. */
export function installWasmFixes(): void {
  for (const install of Object.values(WASM_FIXES)) install();
}

/** Whether every fix is the registered wasm kernel now. */
export function wasmFixesInstalled(): boolean {
  return Object.keys(WASM_FIXES).every(isFix);
}
