/**
 * What a robustness evaluation leaves in a run folder, read without tensors: the host lists saved curves
 * and checks a request here, so it never loads tfjs (the attack itself runs in a trainer process).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOGIT_KINDS, RobustnessCurveSchema, type RobustnessCurve } from '../../shared/robustness';
import type { ExperimentSpec } from '../../shared/spec';
import { parseWith } from '../../shared/validate';
import { runDir } from '../runs/paths';

export const robustnessDir = (projectDir: string, id: string): string => join(runDir(projectDir, id), 'robustness');

/** Refuses runs whose saved model does not end in class logits, naming what would do. */
export function checkClassifier(id: string, spec: ExperimentSpec): void {
  if (!(LOGIT_KINDS as readonly string[]).includes(spec.kind))
    throw new Error(`run ${id} is a ${spec.kind} run: robustness needs a classifier (${LOGIT_KINDS.join(', ')})`);
  if (spec.kind === 'kwta-mlp' && spec.kwta.loss === 'triplet')
    throw new Error(`run ${id} predicts by nearest class code (triplet loss), not by logits: no gradient to attack`);
}

/** The curves saved with a run (none yet: []); a damaged file is named in the error. */
export async function readRobustness(projectDir: string, id: string): Promise<RobustnessCurve[]> {
  const dir = robustnessDir(projectDir, id);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (f) =>
      parseWith(RobustnessCurveSchema, JSON.parse(await readFile(join(dir, f), 'utf8')), join(dir, f)),
    ),
  );
}
