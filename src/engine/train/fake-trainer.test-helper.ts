/**
 * Preloaded into a real trainer child (`--import` this file) by the host's launcher tests: fake data and backend,
 * and a builder for kind 'som' whose behaviour SOMLAB_FAKE_MODE picks: normal | slow | crash | throw.
 */
import { FakeExperiment } from './fake-experiment.test-helper';
import { registerBuilder } from './registry';
import { buildFromRegistry, overrideTrainerDeps } from './trainer-deps';
import { fakeDeps } from './fake-deps.test-helper';

const mode = process.env.SOMLAB_FAKE_MODE ?? 'normal';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// The registry without the real model modules, so the fake 'som' builder is the one found.
overrideTrainerDeps({ ...fakeDeps, build: buildFromRegistry });
registerBuilder('som', async () => {
  if (mode === 'throw') throw new Error('fake builder refused the spec');
  if (mode === 'crash')
    return new FakeExperiment({
      totalSteps: 6,
      onStep: (s) => {
        if (s === 2) process.exit(3);
      },
    });
  if (mode === 'slow') return new FakeExperiment({ totalSteps: 10_000, stepsPerEpoch: 100, onStep: () => sleep(5) });
  return new FakeExperiment({ totalSteps: 6, stepsPerEpoch: 3 });
});
