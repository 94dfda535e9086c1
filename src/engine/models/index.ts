/** Registers every model builder with the trainer's registry (imported once by the trainer entry). */
import { registerBuilder } from '../train/registry';
import { buildBaselineCnn } from './baseline-cnn';
import { buildBaselineMlp } from './baseline-mlp';

export function registerAllBuilders(): void {
  registerBuilder('baseline-mlp', buildBaselineMlp);
  registerBuilder('baseline-cnn', buildBaselineCnn);
}

registerAllBuilders();
