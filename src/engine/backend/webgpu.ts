/**
 * WebGPU through Dawn (the `webgpu` npm package) with @tensorflow/tfjs-backend-webgpu: any Vulkan, Metal
 * or D3D12 GPU, no CUDA. Headless NVIDIA machines need the EGL ICD fallback (GPU.md), applied here once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

function eglNvidiaPath(): string | null {
  try {
    const out = execFileSync('ldconfig', ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const line = out.split('\n').find((l) => l.trim().startsWith('libEGL_nvidia.so.0'));
    return line ? line.split('=>')[1]!.trim() : null;
  } catch { return null; }
}

/** Writes an ICD file naming libEGL_nvidia and points the Vulkan loader at it (before any create()). */
export function applyHeadlessNvidiaFix(): string | null {
  const egl = eglNvidiaPath();
  if (!egl || process.env.VK_DRIVER_FILES) return null;
  const icd = join(mkdtempSync(join(tmpdir(), 'somlab-vk-')), 'nvidia_egl_icd.json');
  writeFileSync(icd, JSON.stringify({ file_format_version: '1.0.1', ICD: { library_path: egl, api_version: '1.3.0' } }));
  process.env.VK_DRIVER_FILES = icd;
  process.env.VK_ICD_FILENAMES = icd;
  return icd;
}

async function adapterName(gpu: GPU): Promise<string | null> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const info = (adapter as unknown as { info?: { description?: string; device?: string; vendor?: string } }).info;
  return info?.description || info?.device || info?.vendor || 'WebGPU adapter';
}

export async function setupWebGpu(): Promise<string> {
  let mod: typeof import('webgpu');
  try { mod = await import('webgpu'); } catch (e) {
    throw new Error(`the webgpu package (Dawn) did not load: ${(e as Error).message.split('\n')[0]}`);
  }
  Object.assign(globalThis, mod.globals);
  let gpu = mod.create([]);
  let name = await adapterName(gpu);
  let note = '';
  if (!name && applyHeadlessNvidiaFix()) {
    gpu = mod.create([]);
    name = await adapterName(gpu);
    note = ' (headless NVIDIA: Vulkan through libEGL_nvidia)';
  }
  if (!name) throw new Error('no WebGPU adapter: no Vulkan/Metal/D3D12 driver was found (install a GPU driver and libvulkan1)');
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not initialise the webgpu backend');
  await tf.ready();
  return `${name} via Dawn/WebGPU${note}`;
}
