/** `somlab run`: validate the spec, spawn the trainer process, show progress, print the final metrics. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { RunEvent } from '../../shared/events';
import { findPreset } from '../../shared/presets';
import type { ExperimentSpec } from '../../shared/spec';
import { parseSpec } from '../../shared/validate';
import { createProject, openProject } from '../runs';
import { spawnTrainer } from '../train/spawn-trainer';
import type { CliArgs } from './args';
import { formatMetrics } from './list';

export async function specFromArgs(args: CliArgs): Promise<ExperimentSpec> {
  let input: Record<string, unknown>;
  if (args.preset) {
    input = { ...findPreset(args.preset).spec, preset: args.preset };
  } else {
    const text = await readFile(args.spec!, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new Error(`cannot read spec file ${args.spec}: ${e.code ?? e.message}`);
    });
    try { input = JSON.parse(text); } catch (e) { throw new Error(`spec file ${args.spec} is not valid JSON: ${(e as Error).message}`); }
  }
  if (args.backend) input.backend = args.backend;
  if (args.epochs) input.epochs = args.epochs;
  return parseSpec(input, args.preset ? `preset ${args.preset}` : `spec file ${args.spec}`);
}

export async function ensureProject(dir: string): Promise<void> {
  if (existsSync(join(dir, 'somlab.json'))) await openProject(dir);
  else await createProject(dir, 'SOM Lab project');
}

export async function runCommand(args: CliArgs): Promise<number> {
  const spec = await specFromArgs(args);
  await ensureProject(args.project);
  const tty = process.stderr.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | step {value}/{total} | {rate} samples/s | ETA {eta_formatted} | {info}', noTTYOutput: !tty, notTTYSchedule: 5000, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let outcome = 1;
  const onEvent = (e: RunEvent): void => {
    switch (e.type) {
      case 'run-started':
        console.error(`run ${e.runId}: ${spec.kind} on ${e.backend.name} (${e.backend.device})`);
        for (const s of e.backend.skipped) console.error(`  skipped ${s.name}: ${s.reason}`);
        bar.start(e.totalSteps, 0, { rate: '-', info: '' });
        started = true;
        break;
      case 'metrics': {
        const last = e.rows[e.rows.length - 1]!;
        const rate = last.t > 0 ? (((last.step + 1) * spec.batchSize) / (last.t / 1000)).toFixed(0) : '-';
        const info = ['loss', 'qe', 'accuracy'].filter((k) => k in last).map((k) => `${k} ${last[k]!.toFixed(4)}`).join(' ');
        bar.update(last.step + 1, { rate, info });
        break;
      }
      case 'log':
        if (e.level !== 'info') { if (started) bar.stop(); console.error(`${e.level}: ${e.message}`); }
        break;
      case 'finished':
        if (started) { bar.update(bar.getTotal()); bar.stop(); }
        console.log(`${e.status}: ${formatMetrics(e.finalMetrics)}`);
        outcome = 0;
        break;
      case 'failed':
        if (started) bar.stop();
        console.error(`failed: ${e.error}`);
        outcome = 1;
        break;
      default:
    }
  };
  const handle = spawnTrainer({ spec, projectDir: args.project, dataRoots: args.data, onEvent });
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts === 1) { console.error('\nstopping after the current batch (Ctrl-C again to kill)…'); handle.stop(); }
    else handle.kill();
  };
  process.on('SIGINT', onSigint);
  try {
    await handle.exited;
  } finally {
    process.off('SIGINT', onSigint);
  }
  console.log(`saved to ${join(args.project, 'runs', handle.runId)}`);
  return outcome;
}
