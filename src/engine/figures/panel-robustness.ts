/**
 * The robustness panel: test accuracy against ε, one line per attack saved with the run
 * (runs/<id>/robustness/<attack>.json), several runs overlaid with --with (colour per run, PGD dashed).
 */
import type { PanelRef } from '../../shared/figure-spec';
import { chartArt, type ChartLine } from './chart-art';
import { linesTable, runNames } from './panel-curves';
import type { PreparedPanel } from './panel';
import { runLabel, type FigureSource } from './source';

const Y = { yLabel: 'test accuracy under attack', percent: true };

export async function prepareRobustness(src: FigureSource, ref: PanelRef): Promise<PreparedPanel> {
  const ids = [ref.run, ...ref.with];
  const runs = await Promise.all(ids.map((id) => src.run(id)));
  const curves = await Promise.all(ids.map((id) => src.robustness(id)));
  const empty = ids.filter((_, r) => curves[r]!.length === 0);
  if (empty.length)
    throw new Error(
      `run ${empty.join(', ')} has no robustness curve yet: evaluate it first (somlab robustness --run ${empty[0]})`,
    );
  const names = runNames(runs);
  const lines: ChartLine[] = curves.flatMap((list, r) =>
    list.map((c, j) => {
      const attack = c.attack.toUpperCase();
      return {
        name: ids.length > 1 ? `${names[r]} · ${attack}` : `${attack} (${c.samples} samples)`,
        points: c.eps.map((e, i) => [e, c.accuracy[i]!] as [number, number]),
        colour: ids.length > 1 ? r : j,
        dashed: ids.length > 1 && c.attack === 'pgd',
      };
    }),
  );
  const title = ids.length > 1 ? 'Accuracy under attack' : `${runLabel(runs[0]!)}: accuracy under attack`;
  return {
    title,
    runs: runs.map((d) => ({ id: d.summary.id, steps: d.metrics.length ? [d.metrics.at(-1)!.step] : [] })),
    render: async (o) => chartArt(lines, { width: o.width, title, xLabel: 'ε', ...Y }),
    table: () => linesTable(lines, Y, 'ε'),
  };
}
