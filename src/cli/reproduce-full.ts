/**
 * `somlab reproduce --full [--seeds N] [--workers N] [--cifar DIR]`: trains what the summaries under
 * --summaries (docs/reproduction) lack, and rebuilds the full-scale table of --out (docs/REPRODUCTION.md)
 * after every finished variant. `--report-only` rebuilds the table without training.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Preset } from '../shared/run-types';
import { PRESETS } from '../shared/presets';
import { cifarPresets } from '../shared/presets-cifar';
import type { CliArgs } from './args';
import { fullTable, spliceBlock } from './full-report';
import { fullOrder } from './full-scale';
import { runFull } from './full-run';
import { ensureProject } from './run';
import { readAllSummaries } from './summary';

export const CIFAR_HELP =
  'get cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html, unpack it and pass ' +
  '--cifar path/to/cifar-10-batches-bin';

async function checkCifar(dir: string): Promise<void> {
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory()) throw new Error(`--cifar ${dir}: not a folder (${CIFAR_HELP})`);
  const batch = await stat(`${dir}/test_batch.bin`).catch(() => null);
  if (!batch?.isFile())
    throw new Error(`--cifar ${dir}: no test_batch.bin in it; expected the binary CIFAR-10 batches (${CIFAR_HELP})`);
}

function pick(all: Preset[], only: string | undefined): Preset[] {
  const names = only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names) return all;
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown preset in --only: ${unknown.join(', ')}`);
  return all.filter((p) => names.includes(p.name));
}

/** The table over `presets`; skipped ones (CIFAR without --cifar) show only where summaries exist. */
export async function rebuildReport(args: CliArgs, presets: Preset[], skipped: Preset[], why: string[]): Promise<void> {
  const out = args.out ?? 'docs/REPRODUCTION.md';
  const doc = await readFile(out, 'utf8').catch(() => '# Reproduction report\n');
  const all = await readAllSummaries(args.summaries);
  const shown = presets.filter((p) => !skipped.includes(p) || all.some((s) => s.preset === p.name));
  const table = fullTable(fullOrder(shown), all, { seeds: args.seeds, skipped: why });
  await writeFile(out, spliceBlock(doc, table));
}

export async function reproduceFullCommand(args: CliArgs): Promise<number> {
  if (args.cifar) await checkCifar(args.cifar);
  // The CIFAR presets hash their folder as "<folder>", so the report knows them on any machine.
  const cifar = cifarPresets(args.cifar ?? '<no --cifar given>');
  const skipped = args.cifar ? [] : cifar;
  const why = args.cifar
    ? []
    : [`the CIFAR-10 variants (${cifar.map((p) => p.name).join(', ')}): no --cifar DIR (${CIFAR_HELP}).`];
  const reportPresets = pick([...PRESETS, ...cifar], args.only);
  if (args.reportOnly) {
    await rebuildReport(args, reportPresets, skipped, why);
    return 0;
  }
  await ensureProject(args.project);
  const presets = pick([...PRESETS, ...(args.cifar ? cifar : [])], args.only);
  const summaries = await runFull({
    project: args.project,
    data: args.cifar ? [...args.data, args.cifar] : args.data,
    summaries: args.summaries,
    seeds: args.seeds,
    workers: args.workers,
    presets,
    log: (line) => console.log(`${new Date().toISOString().slice(0, 19)} ${line}`),
    onSummary: () => rebuildReport(args, reportPresets, skipped, why),
  });
  await rebuildReport(args, reportPresets, skipped, why);
  const failed = summaries.flatMap((s) => s.variants).filter((v) => v.status === 'failed');
  return failed.length > 0 ? 1 : 0;
}
