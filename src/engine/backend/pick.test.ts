import { describe, expect, it } from 'vitest';
import { pickBackend } from './pick';
import type { Candidate } from './candidates';

const ok = (name: Candidate['name'], device = `${name} device`): Candidate => ({ name, init: async () => device });
const no = (name: Candidate['name'], why: string): Candidate => ({ name, init: async () => { throw new Error(why); } });

describe('backend picker', () => {
  it('takes the first that starts and says why each earlier one was skipped', async () => {
    const r = await pickBackend('auto', {}, [no('tensorflow-gpu', 'not installed'), no('webgpu', 'no adapter'), ok('wasm'), ok('cpu')]);
    expect(r).toEqual({ name: 'wasm', device: 'wasm device', skipped: [{ name: 'tensorflow-gpu', reason: 'not installed' }, { name: 'webgpu', reason: 'no adapter' }] });
  });

  it('honours SOMLAB_BACKEND and the spec, spec first', async () => {
    const list = [ok('webgpu'), ok('wasm'), ok('cpu')];
    expect((await pickBackend('auto', { SOMLAB_BACKEND: 'cpu' }, list)).name).toBe('cpu');
    expect((await pickBackend('wasm', { SOMLAB_BACKEND: 'cpu' }, list)).name).toBe('wasm');
  });

  it('an explicit request that fails is an error, not a fallback', async () => {
    await expect(pickBackend('webgpu', {}, [no('webgpu', 'no adapter'), ok('cpu')])).rejects.toThrow('backend webgpu (the spec asked for it) cannot run: no adapter');
    await expect(pickBackend('auto', { SOMLAB_BACKEND: 'webgpu' }, [no('webgpu', 'no adapter'), ok('cpu')])).rejects.toThrow('SOMLAB_BACKEND asked for it');
  });

  it('an unknown SOMLAB_BACKEND lists the valid names', async () => {
    await expect(pickBackend('auto', { SOMLAB_BACKEND: 'cuda' }, [ok('cpu')])).rejects.toThrow('unknown backend (SOMLAB_BACKEND) "cuda": expected one of "tensorflow-gpu", "webgpu", "tensorflow", "wasm", "cpu"');
  });

  it('reports every reason when nothing starts', async () => {
    await expect(pickBackend('auto', {}, [no('wasm', 'a'), no('cpu', 'b')])).rejects.toThrow('no tfjs backend could start: wasm: a; cpu: b');
  });

  it('the real list on this machine ends on a working backend and names the native packages', async () => {
    const r = await pickBackend('auto', {});
    expect(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm']).toContain(r.name);
    for (const s of r.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
});
