/**
 * `somlab robustness --run ID[,ID…]`: each finished classifier run's saved model under FGSM or PGD over the
 * same ε grid (through LabHost, so the attack runs in a trainer process as it does from the app), the curve
 * kept in runs/<id>/robustness/<attack>.json, and one table with a column per run to compare them.
 */
import cliProgress from 'cli-progress';
import { API_CALL_NAMES, type Api } from '../shared/api';
import type { RobustnessCurve } from '../shared/robustness';
import { LabHost } from '../host/lab-host';
import type { CliArgs } from './args';

const pct = (v: number | undefined): string => (v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);

/** Markdown: ε down the side, one column per run. */
export function robustnessTable(curves: RobustnessCurve[]): string {
  const eps = [...new Set(curves.flatMap((c) => c.eps))].sort((a, b) => a - b);
  const head = `| ε | ${curves.map((c) => `${c.runId} (${c.attack})`).join(' | ')} |`;
  const rule = `|---|${curves.map(() => '---').join('|')}|`;
  const rows = eps.map((e) => `| ${e} | ${curves.map((c) => pct(c.accuracy[c.eps.indexOf(e)])).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

export async function robustnessCommand(args: CliArgs): Promise<number> {
  const host = new LabHost({ dataRoots: null, projectRoots: null });
  const api = Object.fromEntries(
    API_CALL_NAMES.map((n) => [n, (...a: unknown[]) => host.call(n, a)]),
  ) as unknown as Api;
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {run} | {attack} | {value}/{total} batches', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const off = host.onRunEvent((e) => {
    if (e.type !== 'robustness' || e.curve || e.error) return;
    if (e.done === 1) bar.start(e.total, 0, { run: e.runId, attack: e.attack });
    bar.update(e.done);
  });
  const curves: RobustnessCurve[] = [];
  try {
    await api['project:open'](args.project);
    for (const id of args.runs) {
      const curve = await api['runs:robustness'](id, args.robustness);
      bar.stop();
      console.log(`${id}: ${curve.samples} test samples, ${(curve.wallMs / 1000).toFixed(0)} s on ${curve.backend}`);
      curves.push(curve);
    }
  } finally {
    bar.stop();
    off();
    await host.close();
  }
  console.log(`\n${robustnessTable(curves)}\n\nkept in runs/<id>/robustness/${curves[0]?.attack ?? 'fgsm'}.json`);
  return 0;
}
