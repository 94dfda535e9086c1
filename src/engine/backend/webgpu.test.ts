import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterInfo, applyHeadlessNvidiaIcd, findAdapter, RanksBelow, setupWebGpu, type WebGpuDeps } from './webgpu';
import { parseLdconfig } from './shared-libs';

/** A fake Dawn whose n-th create() finds an adapter only if `found[n]` is true; records the env it saw. */
function fakeDeps(
  found: boolean[],
  libs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): WebGpuDeps & { seen: (string | undefined)[] } {
  const seen: (string | undefined)[] = [];
  let n = 0;
  const create = () => {
    const ok = found[n++] ?? false;
    seen.push(env.VK_DRIVER_FILES);
    return { requestAdapter: async () => (ok ? { info: { description: 'NVIDIA H100' } } : null) } as unknown as GPU;
  };
  return {
    loadDawn: async () => ({ create, globals: {} }),
    findLib: (name) => libs[name] ?? null,
    env,
    platform: 'linux',
    seen,
    tempDir: () => mkdtempSync(join(tmpdir(), 'somlab-vk-test-')),
  };
}

const EGL = '/usr/lib/x86_64-linux-gnu/libEGL_nvidia.so.0';
const VULKAN = { 'libvulkan.so.1': '/usr/lib/x86_64-linux-gnu/libvulkan.so.1' };

describe('headless NVIDIA fallback', () => {
  it('writes an ICD naming libEGL_nvidia and points VK_DRIVER_FILES and VK_ICD_FILENAMES at it', () => {
    const env: NodeJS.ProcessEnv = {};
    const icd = applyHeadlessNvidiaIcd({
      findLib: () => EGL,
      env,
      tempDir: () => mkdtempSync(join(tmpdir(), 'somlab-vk-test-')),
    })!;
    expect(JSON.parse(readFileSync(icd, 'utf8'))).toEqual({
      file_format_version: '1.0.0',
      ICD: { library_path: EGL, api_version: '1.3.0' },
    });
    expect(env.VK_DRIVER_FILES).toBe(icd);
    expect(env.VK_ICD_FILENAMES).toBe(icd);
  });

  it('does nothing without libEGL_nvidia, or when the user chose a driver already', () => {
    const tempDir = () => {
      throw new Error('no file should be written');
    };
    expect(applyHeadlessNvidiaIcd({ findLib: () => null, env: {}, tempDir })).toBeNull();
    const env = { VK_ICD_FILENAMES: '/etc/vulkan/mine.json' };
    expect(applyHeadlessNvidiaIcd({ findLib: () => EGL, env, tempDir })).toBeNull();
    expect(env).toEqual({ VK_ICD_FILENAMES: '/etc/vulkan/mine.json' });
  });

  it('no adapter at first, libEGL_nvidia present: retries once with the ICD and reports it', async () => {
    const deps = fakeDeps([false, true], { 'libEGL_nvidia.so.0': EGL, ...VULKAN });
    const r = await findAdapter(deps);
    expect(r.name).toBe('NVIDIA H100');
    expect(r.note).toMatch(
      /^ \(headless NVIDIA: Vulkan ICD through libEGL_nvidia, VK_DRIVER_FILES=.*nvidia_egl_icd\.json\)$/,
    );
    expect(deps.seen[0]).toBeUndefined();
    expect(deps.seen[1]).toMatch(/nvidia_egl_icd\.json$/);
  });

  it('an adapter at first: no fallback, no note', async () => {
    const deps = fakeDeps([true], { 'libEGL_nvidia.so.0': EGL, ...VULKAN });
    expect((await findAdapter(deps)).note).toBe('');
    expect(deps.seen).toEqual([undefined]);
  });

  it('the fallback did not help: says so and takes the variables back', async () => {
    const deps = fakeDeps([false, false], { 'libEGL_nvidia.so.0': EGL, ...VULKAN });
    await expect(findAdapter(deps)).rejects.toThrow(
      /^no WebGPU adapter \(no Vulkan driver found, not even through the headless NVIDIA ICD .*\)$/,
    );
    expect(deps.env.VK_DRIVER_FILES).toBeUndefined();
    expect(deps.env.VK_ICD_FILENAMES).toBeUndefined();
  });

  it('names the missing piece: the Vulkan loader, or a driver', async () => {
    await expect(findAdapter(fakeDeps([false], {}))).rejects.toThrow(
      'no WebGPU adapter (the Vulkan loader libvulkan.so.1 is missing: install libvulkan1)',
    );
    await expect(findAdapter(fakeDeps([false], VULKAN))).rejects.toThrow(
      "no WebGPU adapter (no Vulkan driver found: install the GPU vendor's driver)",
    );
  });

  it('a Dawn that does not load is one sentence', async () => {
    const deps = {
      ...fakeDeps([], {}),
      loadDawn: async () => {
        throw new Error('dawn.node: invalid ELF header\n  at …');
      },
    };
    await expect(findAdapter(deps)).rejects.toThrow(
      /^the webgpu package \(Dawn\) did not load: dawn\.node: invalid ELF header$/,
    );
  });
});

describe('software adapters', () => {
  it("are told by isFallbackAdapter (on the adapter or its info) or by a software driver's name", () => {
    const hw = { vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H200', description: 'NVIDIA H200' };
    expect(adapterInfo({ info: hw })).toEqual({ ...hw, fallback: false });
    expect(adapterInfo({ info: hw, isFallbackAdapter: true }).fallback).toBe(true);
    expect(adapterInfo({ info: { ...hw, isFallbackAdapter: true } }).fallback).toBe(true);
    for (const device of ['llvmpipe (LLVM 19.1.7, 256 bits)', 'SwiftShader Device (Subzero)', 'lavapipe'])
      expect(adapterInfo({ info: { vendor: 'mesa', device } }).fallback, device).toBe(true);
    expect(adapterInfo({})).toEqual({ vendor: '', architecture: '', device: '', description: '', fallback: false });
  });

  it('setupWebGpu refuses a software adapter unless asked by name, naming it', async () => {
    const deps = fakeDeps([true], VULKAN);
    deps.loadDawn = async () => ({
      create: () =>
        ({
          requestAdapter: async () => ({ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 19)' } }),
        }) as unknown as GPU,
      globals: {},
    });
    const e = await setupWebGpu(deps).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RanksBelow);
    expect((e as RanksBelow).below).toBe('wasm');
    expect((e as Error).message).toBe(
      'the only WebGPU adapter is a software one (llvmpipe (LLVM 19)), slower than wasm on this CPU: ' +
        'ask for webgpu by name to use it',
    );
  });
});

describe('ldconfig output', () => {
  it('gives the paths of the exact library name', () => {
    const out =
      '3 libs found in cache\n' +
      '\tlibEGL_nvidia.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libEGL_nvidia.so.0\n' +
      '\tlibEGL_nvidia.so.0.1 (libc6,x86-64) => /x\n\tlibEGL.so.1 (libc6,x86-64) => /y\n';
    expect(parseLdconfig(out, 'libEGL_nvidia.so.0')).toEqual(['/usr/lib/x86_64-linux-gnu/libEGL_nvidia.so.0']);
    expect(parseLdconfig(out, 'libvulkan.so.1')).toEqual([]);
  });
});
