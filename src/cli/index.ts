/** `somlab` — run presets or spec files into a project folder, list runs, show presets. */
import { parseCli, USAGE } from './args';
import { runCommand } from './run';
import { listCommand, presetsCommand } from './list';
import { reproduceCommand } from './reproduce';
import { sweepCommand } from './sweep';
import { slurmCommand } from './slurm/command';
import { exportCommand, figureCommand } from './export';
import { robustnessCommand } from './robustness';

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCli(argv);
  } catch (e) {
    console.error(`somlab: ${(e as Error).message}`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'run':
        return await runCommand(args);
      case 'sweep':
        return await sweepCommand(args);
      case 'slurm':
        return await slurmCommand(args);
      case 'reproduce':
        return await reproduceCommand(args);
      case 'robustness':
        return await robustnessCommand(args);
      case 'list':
        return await listCommand(args);
      case 'presets':
        return presetsCommand(args);
      case 'export':
        return await exportCommand(args);
      case 'figure':
        return await figureCommand(args);
      case 'help':
        console.log(USAGE);
        return 0;
    }
  } catch (e) {
    console.error(`somlab ${args.command}: ${(e as Error).message}`);
    return 1;
  }
}
