/** Registers every model builder with the trainer's registry (imported once by the trainer entry). */
import { registerBuilder } from '../train/registry';
import { buildBaselineCnn } from './baseline-cnn';
import { buildBaselineMlp } from './baseline-mlp';
import { buildKwtaMlp } from './kwta-mlp';
import { buildPatchSom } from './patch-som';
import { buildSoftSom } from './soft-som';
import { buildSomAfterFeatures } from './som-after-features';
import { buildStackedSom } from './stacked-som';
import { buildSomExperiment } from './som-experiment';
import { buildCsom, buildSomMaskCnn, buildSomMaskMlp } from './som-mask-nets';

export function registerAllBuilders(): void {
  registerBuilder('som', buildSomExperiment);
  registerBuilder('patch-som', buildPatchSom);
  registerBuilder('baseline-mlp', buildBaselineMlp);
  registerBuilder('baseline-cnn', buildBaselineCnn);
  registerBuilder('som-mask-mlp', buildSomMaskMlp);
  registerBuilder('som-mask-cnn', buildSomMaskCnn);
  registerBuilder('csom', buildCsom);
  registerBuilder('kwta-mlp', buildKwtaMlp);
  registerBuilder('soft-som', buildSoftSom);
  registerBuilder('som-after-features', buildSomAfterFeatures);
  registerBuilder('stacked-som', buildStackedSom);
}

registerAllBuilders();
