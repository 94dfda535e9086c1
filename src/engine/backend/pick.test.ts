import { describe, expect, it } from 'vitest';
import { pickBackend, type Candidate } from './pick';
import { RanksBelow } from './webgpu';

/** Fake candidates that record the order they were tried in. */
function fakes(spec: [Candidate['name'], string | null][]): { list: Candidate[]; tried: string[] } {
  const tried: string[] = [];
  const list = spec.map(([name, why]): Candidate => ({
    name,
    init: async () => {
      tried.push(name);
      if (why) throw new Error(why);
      return `${name} device`;
    },
  }));
  return { list, tried };
}

const ALL_OK = [
  ['tensorflow-gpu', null],
  ['webgpu', null],
  ['tensorflow', null],
  ['wasm', null],
  ['cpu', null],
] as [Candidate['name'], null][];

describe('backend picker', () => {
  it('tries the candidates in order, takes the first that starts and gives each earlier one its reason', async () => {
    const { list, tried } = fakes([
      ['tensorflow-gpu', 'tfjs-node-gpu is not installed'],
      ['webgpu', 'no WebGPU adapter (no Vulkan driver found)'],
      ['tensorflow', 'binding missing'],
      ['wasm', null],
      ['cpu', null],
    ]);
    const r = await pickBackend('auto', {}, list);
    expect(r).toEqual({
      name: 'wasm',
      device: 'wasm device',
      skipped: [
        { name: 'tensorflow-gpu', reason: 'tfjs-node-gpu is not installed' },
        { name: 'webgpu', reason: 'no WebGPU adapter (no Vulkan driver found)' },
        { name: 'tensorflow', reason: 'binding missing' },
      ],
    });
    expect(tried).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm']); // cpu never started
  });

  it('SOMLAB_BACKEND overrides auto; an explicit request overrides SOMLAB_BACKEND; neither tries others', async () => {
    let f = fakes(ALL_OK);
    expect(await pickBackend('auto', { SOMLAB_BACKEND: ' cpu ' }, f.list)).toEqual({
      name: 'cpu',
      device: 'cpu device',
      skipped: [],
    });
    expect(f.tried).toEqual(['cpu']);
    f = fakes(ALL_OK);
    expect((await pickBackend('wasm', { SOMLAB_BACKEND: 'cpu' }, f.list)).name).toBe('wasm');
    expect(f.tried).toEqual(['wasm']);
    f = fakes(ALL_OK);
    expect((await pickBackend('auto', { SOMLAB_BACKEND: 'auto' }, f.list)).name).toBe('tensorflow-gpu');
  });

  it('an explicit request that fails is an error naming the backend and why, never a fallback', async () => {
    const f = fakes([
      ['webgpu', 'no WebGPU adapter (no Vulkan driver found)'],
      ['cpu', null],
    ]);
    await expect(pickBackend('webgpu', {}, f.list)).rejects.toThrow(
      'backend webgpu (the spec asked for it) cannot run: no WebGPU adapter (no Vulkan driver found)',
    );
    await expect(pickBackend('auto', { SOMLAB_BACKEND: 'webgpu' }, f.list)).rejects.toThrow(
      'backend webgpu (SOMLAB_BACKEND asked for it) cannot run: no WebGPU adapter',
    );
    expect(f.tried).toEqual(['webgpu', 'webgpu']);
  });

  it('a software WebGPU adapter ranks below wasm in auto; asked for by name (or wasm failing) it runs', async () => {
    const soft = {
      vendor: 'mesa',
      architecture: '',
      device: 'llvmpipe (LLVM 19.1.7, 256 bits)',
      description: '',
      fallback: true,
    };
    const seen: (boolean | undefined)[] = [];
    const list = (wasmFails: string | null): Candidate[] => [
      {
        name: 'webgpu',
        init: async (o) => {
          seen.push(o?.byName);
          if (!o?.byName) throw new RanksBelow('wasm', 'the only WebGPU adapter is a software one (llvmpipe)');
          return { device: 'llvmpipe via Dawn/WebGPU, a software adapter', adapter: soft };
        },
      },
      ...fakes([
        ['wasm', wasmFails],
        ['cpu', null],
      ]).list,
    ];
    const auto = await pickBackend('auto', {}, list(null));
    expect(auto).toEqual({
      name: 'wasm',
      device: 'wasm device',
      skipped: [{ name: 'webgpu', reason: 'the only WebGPU adapter is a software one (llvmpipe)' }],
    });
    const fallback = await pickBackend('auto', {}, list('wasm binary missing'));
    expect(fallback).toEqual({
      name: 'webgpu',
      device: 'llvmpipe via Dawn/WebGPU, a software adapter',
      adapter: soft,
      skipped: [{ name: 'wasm', reason: 'wasm binary missing' }],
    });
    expect((await pickBackend('webgpu', {}, list(null))).adapter).toEqual(soft);
    expect(seen).toEqual([false, false, true, true]);
  });

  it('an unknown name lists the valid ones', async () => {
    const { list } = fakes(ALL_OK);
    await expect(pickBackend('auto', { SOMLAB_BACKEND: 'cuda' }, list)).rejects.toThrow(
      'unknown backend (SOMLAB_BACKEND) "cuda": ' +
        'expected one of "tensorflow-gpu", "webgpu", "tensorflow", "wasm", "cpu"',
    );
    await expect(pickBackend('metal' as 'cpu', {}, list)).rejects.toThrow('"metal": expected one of');
  });

  it('a requested backend missing from the list says so', async () => {
    await expect(pickBackend('webgpu', {}, fakes([['cpu', null]]).list)).rejects.toThrow(
      'backend webgpu (the spec asked for it) is not available in this build',
    );
  });

  it('reports every reason when nothing starts', async () => {
    await expect(
      pickBackend(
        'auto',
        {},
        fakes([
          ['wasm', 'a'],
          ['cpu', 'b'],
        ]).list,
      ),
    ).rejects.toThrow('no tfjs backend could start: wasm: a; cpu: b');
  });
});

describe('the real candidates on this machine', () => {
  it('auto ends on a working backend; each skipped one has a sentence, native ones name their package', async () => {
    const r = await pickBackend('auto', {});
    expect(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm']).toContain(r.name);
    for (const s of r.skipped) expect(s.reason.length).toBeGreaterThan(20);
    const native = r.skipped.filter((s) => s.name === 'tensorflow' || s.name === 'tensorflow-gpu');
    for (const s of native) expect(s.reason).toMatch(/@tensorflow\/tfjs-node/);
    if (r.name === 'wasm') expect(r.device).toMatch(/^wasm \((SIMD|no SIMD), \d+ threads?\) \+ SOM Lab kernel fixes$/);
  });
});
