/**
 * The fake Api's robustness calls (a test double): the host's refusals word for word, one progress event
 * per ε, then a curve. The fake has no model to attack, so its accuracy is a made-up falling line starting
 * at the run's test accuracy; only tests ever see it.
 */
import type { Api } from '../../../shared/api';
import { EVENTS_VERSION as v, type RunEvent } from '../../../shared/events';
import type { RunId } from '../../../shared/run-types';
import { LOGIT_KINDS, RobustnessRequestSchema, type RobustnessCurve } from '../../../shared/robustness';
import { parseWith } from '../../../shared/validate';
import type { FakeRun } from './fake-disk.test-helper';

type Call = 'runs:robustness' | 'runs:robustnessCurves';

export function fakeRobustnessCalls(
  runs: Map<RunId, FakeRun>,
  log: (call: string, args: unknown[]) => void,
  emit: (e: RunEvent) => void,
): Pick<Api, Call> {
  const saved = new Map<RunId, Map<string, RobustnessCurve>>();
  return {
    async 'runs:robustness'(id, input) {
      log('runs:robustness', [id, input]);
      const req = parseWith(RobustnessRequestSchema, input, 'robustness request');
      const run = runs.get(id);
      if (!run) throw new Error(`run ${id} not found (the fake has no such run)`);
      const { kind } = run.spec;
      if (!(LOGIT_KINDS as readonly string[]).includes(kind))
        throw new Error(`run ${id} is a ${kind} run: robustness needs a classifier (${LOGIT_KINDS.join(', ')})`);
      if (run.summary.status !== 'finished')
        throw new Error(`run ${id} is ${run.summary.status}: only a finished run has the model to attack`);
      const clean = Number(run.summary.finalMetrics?.testAccuracy ?? 0.9);
      const accuracy = req.eps.map((e, i) => {
        emit({ type: 'robustness', v, runId: id, attack: req.attack, done: i + 1, total: req.eps.length });
        return Math.max(0, clean * (1 - 2 * e));
      });
      const curve: RobustnessCurve = {
        format: 1,
        runId: id,
        attack: req.attack,
        eps: req.eps,
        accuracy,
        samples: req.limit,
        ...(req.attack === 'pgd' ? { steps: req.steps } : {}),
        range: [0, 1],
        backend: 'fake',
        wallMs: 0,
        at: new Date().toISOString(),
      };
      const byAttack = saved.get(id) ?? new Map<string, RobustnessCurve>();
      saved.set(id, byAttack.set(req.attack, curve));
      emit({ type: 'robustness', v, runId: id, attack: req.attack, done: 1, total: 1, curve });
      return curve;
    },
    async 'runs:robustnessCurves'(id) {
      if (!runs.has(id)) throw new Error(`run ${id} not found (the fake has no such run)`);
      return [...(saved.get(id)?.values() ?? [])].sort((a, b) => a.attack.localeCompare(b.attack));
    },
  };
}
