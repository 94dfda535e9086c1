/**
 * WebGPU through Dawn (the `webgpu` npm package) with @tensorflow/tfjs-backend-webgpu: any Vulkan, Metal
 * or D3D12 GPU, no CUDA. On headless NVIDIA machines the driver's default Vulkan ICD names libGLX_nvidia
 * and Dawn finds no adapter; an ICD file naming libEGL_nvidia gives the real GPU. That fallback
 * is applied here, once, when the first look finds no adapter, and reported in the device words.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { activate, firstLine } from './activate';
import { findSharedLib } from './shared-libs';
import { watchDevice } from './webgpu-device';
import type { AdapterInfo } from '../../shared/run-types';

interface Dawn {
  create(flags: string[]): GPU;
  globals: object;
}

export interface WebGpuDeps {
  loadDawn(): Promise<Dawn>;
  /** Absolute path of a shared library, or null where it is not installed. */
  findLib(name: string): string | null;
  env: NodeJS.ProcessEnv;
  /** A fresh directory for the ICD file. */
  tempDir(): string;
  platform: NodeJS.Platform;
}

const realDeps: WebGpuDeps = {
  loadDawn: () => import('webgpu') as Promise<Dawn>,
  findLib: findSharedLib,
  env: process.env,
  tempDir: () => mkdtempSync(join(tmpdir(), 'somlab-vk-')),
  platform: process.platform,
};

/** Writes the ICD json naming libEGL_nvidia and points the Vulkan loader at it; returns its path. */
export function applyHeadlessNvidiaIcd(deps: Pick<WebGpuDeps, 'findLib' | 'env' | 'tempDir'>): string | null {
  const egl = deps.findLib('libEGL_nvidia.so.0');
  // A user who set VK_DRIVER_FILES chose their driver: leave it alone.
  if (!egl || deps.env.VK_DRIVER_FILES || deps.env.VK_ICD_FILENAMES) return null;
  const icd = join(deps.tempDir(), 'nvidia_egl_icd.json');
  writeFileSync(
    icd,
    JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: egl, api_version: '1.3.0' } }),
  );
  deps.env.VK_DRIVER_FILES = icd;
  deps.env.VK_ICD_FILENAMES = icd;
  return icd;
}

/** A software adapter's names (Mesa's lavapipe reports "llvmpipe"; Chrome's SwiftShader). */
const SOFTWARE = /llvmpipe|lavapipe|swiftshader|software rasterizer/i;

type RawInfo = Partial<Record<'vendor' | 'architecture' | 'device' | 'description', string>> & {
  isFallbackAdapter?: boolean;
};

/** The adapter's own words, and whether it is a software (fallback) adapter. */
export function adapterInfo(adapter: { info?: RawInfo; isFallbackAdapter?: boolean }): AdapterInfo {
  const i = adapter.info ?? {};
  const words = {
    vendor: i.vendor ?? '',
    architecture: i.architecture ?? '',
    device: i.device ?? '',
    description: i.description ?? '',
  };
  const named = SOFTWARE.test(Object.values(words).join(' '));
  return { ...words, fallback: Boolean(adapter.isFallbackAdapter || i.isFallbackAdapter || named) };
}

async function findOne(gpu: GPU): Promise<AdapterInfo | null> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  return adapter ? adapterInfo(adapter as unknown as Parameters<typeof adapterInfo>[0]) : null;
}

export const adapterName = (a: AdapterInfo): string =>
  a.description || a.device || [a.vendor, a.architecture].filter(Boolean).join(' ') || 'WebGPU adapter';

/**
 * Thrown in automatic picking for a software adapter: it trains several times slower than wasm on the
 * same CPU (55 vs 380 samples/s on a SOM-CNN with lavapipe), so the picker tries it only after wasm.
 */
export class RanksBelow extends Error {
  constructor(
    readonly below: 'wasm',
    message: string,
  ) {
    super(message);
  }
}

function noAdapterReason(deps: WebGpuDeps, icd: string | null): string {
  if (deps.platform !== 'linux') return 'no WebGPU adapter (no Metal/D3D12/Vulkan GPU driver found)';
  if (!deps.findLib('libvulkan.so.1'))
    return 'no WebGPU adapter (the Vulkan loader libvulkan.so.1 is missing: install libvulkan1)';
  if (icd) return `no WebGPU adapter (no Vulkan driver found, not even through the headless NVIDIA ICD ${icd})`;
  return "no WebGPU adapter (no Vulkan driver found: install the GPU vendor's driver)";
}

/** Finds a GPU adapter, retrying once with the headless NVIDIA ICD. Throws the reason when there is none. */
export async function findAdapter(
  deps: WebGpuDeps,
): Promise<{ gpu: GPU; dawn: Dawn; adapter: AdapterInfo; name: string; note: string }> {
  let dawn: Dawn;
  try {
    dawn = await deps.loadDawn();
  } catch (e) {
    throw new Error(`the webgpu package (Dawn) did not load: ${firstLine(e)}`);
  }
  let gpu = dawn.create([]);
  let adapter = await findOne(gpu);
  if (adapter) return { gpu, dawn, adapter, name: adapterName(adapter), note: '' };
  const icd = deps.platform === 'linux' ? applyHeadlessNvidiaIcd(deps) : null;
  if (icd) {
    gpu = dawn.create([]);
    adapter = await findOne(gpu);
    if (adapter) {
      const note = ` (headless NVIDIA: Vulkan ICD through libEGL_nvidia, VK_DRIVER_FILES=${icd})`;
      return { gpu, dawn, adapter, name: adapterName(adapter), note };
    }
    // It did not help: do not leave the override to child processes.
    delete deps.env.VK_DRIVER_FILES;
    delete deps.env.VK_ICD_FILENAMES;
  }
  throw new Error(noAdapterReason(deps, icd));
}

/**
 * tfjs picks its split-K matmul (K cut across workgroups, summed with atomics) for products with few outputs and
 * K ≥ 2000; on lavapipe its sums are wrong (43 of 64 winners of a [64, 3136]·[3136, 32] SOM distance, 0.4 relative
 * error; webgpu-kinds.test.ts checks those shapes). A threshold below one workgroup makes tfjs take its
 * tiled matmul for every product, which is right there. Real GPUs keep tfjs's choice (checked by the same test).
 */
export function avoidSplitK(): void {
  tf.env().set('WEBGPU_THRESHOLD_TO_INCREASE_WORKGROUPS_FOR_MATMUL', 1e-9);
}

/**
 * Starts tfjs's webgpu backend on the adapter found. A software adapter is refused with RanksBelow unless
 * the user asked for webgpu by name (`byName`), or the picker comes back to it after wasm.
 */
export async function setupWebGpu(
  deps: WebGpuDeps = realDeps,
  byName = false,
): Promise<{ device: string; adapter: AdapterInfo }> {
  const { gpu, dawn, adapter, name, note } = await findAdapter(deps);
  if (adapter.fallback && !byName)
    throw new RanksBelow(
      'wasm',
      `the only WebGPU adapter is a software one (${name}), slower than wasm on this CPU: ` +
        'ask for webgpu by name to use it',
    );
  // tfjs-backend-webgpu reads navigator.gpu when imported; Node ≥ 21 has a read-only navigator.
  Object.assign(globalThis, dawn.globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  await activate('webgpu');
  if (adapter.fallback) avoidSplitK();
  watchDevice();
  const soft = adapter.fallback ? ', a software adapter' : '';
  return { device: `${name} via Dawn/WebGPU${soft}${note}`, adapter };
}
