/**
 * Preloaded into a real trainer child (`--import` this file) by the host's launcher tests: fake data and backend,
 * and a builder for kind 'som' whose behaviour SOMLAB_FAKE_MODE picks: normal | slow | crash | throw | block
 * (each step holds the main thread for SOMLAB_BLOCK_MS without yielding, as a long cpu kernel does).
 */
import { FakeExperiment } from './fake-experiment.test-helper';
import { registerBuilder } from './registry';
import { buildFromRegistry, overrideTrainerDeps } from './trainer-deps';
import { fakeDeps } from './fake-deps.test-helper';

const mode = process.env.SOMLAB_FAKE_MODE ?? 'normal';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const busy = (ms: number): void => {
  for (const end = Date.now() + ms; Date.now() < end;);
};

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
  if (mode === 'block') {
    const ms = Number(process.env.SOMLAB_BLOCK_MS ?? 1000);
    return new FakeExperiment({ totalSteps: 3, stepsPerEpoch: 3, onStep: () => void busy(ms) });
  }
  if (mode === 'slow') return new FakeExperiment({ totalSteps: 10_000, stepsPerEpoch: 100, onStep: () => sleep(5) });
  return new FakeExperiment({ totalSteps: 6, stepsPerEpoch: 3 });
});
