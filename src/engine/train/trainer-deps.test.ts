import { afterEach, describe, expect, it } from 'vitest';
import { parseSpec } from '../../shared/validate';
import { COLOURS_SPEC } from '../runs/runs.test-helper';
import { builders } from './registry';
import { fakeDataset, fakeDeps } from './fake-deps.test-helper';
import { overrideTrainerDeps, trainerDeps } from './trainer-deps';

describe('trainerDeps', () => {
  afterEach(() => overrideTrainerDeps(undefined));

  it('uses overrides as given', async () => {
    overrideTrainerDeps(fakeDeps);
    const deps = await trainerDeps();
    expect(deps.versions()).toEqual({ fake: '1' });
    expect((await deps.pickBackend('auto')).device).toBe('fake device');
  });

  it('loads the model modules on the first real build, which registers their builders', async () => {
    overrideTrainerDeps(fakeDeps);
    const deps = await trainerDeps();
    expect(builders['baseline-mlp']).toBeUndefined();
    // The fake data cannot train anything; what matters is that the registry was filled.
    await deps.build(parseSpec(COLOURS_SPEC), fakeDataset('builtin:colors')).then(
      (e) => e.dispose(),
      () => undefined,
    );
    expect(builders['baseline-mlp']).toBeTypeOf('function');
  });
});
