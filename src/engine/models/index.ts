/**
 * Registers every model builder with the trainer's registry (imported once by the trainer entry). Only the
 * plain SOM's module is loaded here; each other kind's module (tfjs-layers and all) is loaded when a run of
 * that kind is built, so a SOM trainer and each of its worker threads hold no network code.
 */
import type { SpecKind, SpecOf } from '../../shared/spec';
import type { ExperimentBuilder } from '../train/experiment';
import { registerBuilder } from '../train/registry';
import { buildSomExperiment } from './som-experiment';

/** A builder that imports its module on first use. */
function lazy<K extends SpecKind>(load: () => Promise<ExperimentBuilder<SpecOf<K>>>): ExperimentBuilder<SpecOf<K>> {
  return async (spec, data) => (await load())(spec, data);
}

export function registerAllBuilders(): void {
  registerBuilder('som', buildSomExperiment);
  registerBuilder(
    'patch-som',
    lazy(async () => (await import('./patch-som')).buildPatchSom),
  );
  registerBuilder(
    'baseline-mlp',
    lazy(async () => (await import('./baseline-mlp')).buildBaselineMlp),
  );
  registerBuilder(
    'baseline-cnn',
    lazy(async () => (await import('./baseline-cnn')).buildBaselineCnn),
  );
  registerBuilder(
    'som-mask-mlp',
    lazy(async () => (await import('./som-mask-nets')).buildSomMaskMlp),
  );
  registerBuilder(
    'som-mask-cnn',
    lazy(async () => (await import('./som-mask-nets')).buildSomMaskCnn),
  );
  registerBuilder(
    'csom',
    lazy(async () => (await import('./som-mask-nets')).buildCsom),
  );
  registerBuilder(
    'kwta-mlp',
    lazy(async () => (await import('./kwta-mlp')).buildKwtaMlp),
  );
  registerBuilder(
    'soft-som',
    lazy(async () => (await import('./soft-som')).buildSoftSom),
  );
  registerBuilder(
    'som-after-features',
    lazy(async () => (await import('./som-after-features')).buildSomAfterFeatures),
  );
  registerBuilder(
    'stacked-som',
    lazy(async () => (await import('./stacked-som')).buildStackedSom),
  );
}

registerAllBuilders();
