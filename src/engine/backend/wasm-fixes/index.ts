/** The wasm kernel fixes of DESIGN.md, installed once after the wasm backend is ready. */
import { installConvFixes } from './conv';
import { installMatMulFixes } from './matmul';

let installed = false;

export function installWasmFixes(): void {
  if (installed) return;
  installMatMulFixes();
  installConvFixes();
  installed = true;
}
