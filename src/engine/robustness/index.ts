/** Adversarial robustness of saved classifier runs: the attacks and the evaluation of a run folder. */
import type { ExperimentSpec } from '../../shared/spec';
import { readRun } from '../runs';

export { ATTACKS, attackBatch, countCorrect, inputGradient, type Attack, type LogitsFn } from './attacks';
export { evaluateRobustness, type RobustnessOptions } from './evaluate';
export { checkClassifier, readRobustness } from './records';

export const readRunSpec = async (projectDir: string, id: string): Promise<ExperimentSpec> =>
  (await readRun(projectDir, id)).spec;
