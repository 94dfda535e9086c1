/** `somlab export` (one panel of one run) and `somlab figure FIGURE.json` (a composed figure): the engine's files. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportPanel, renderFigure } from '../engine/figures';
import { openProject } from '../engine/runs';
import type { ExportResult } from '../shared/figure-spec';
import type { CliArgs } from './args';

function report(project: string, r: ExportResult, json: boolean): number {
  if (json) console.log(JSON.stringify(r, null, 2));
  else for (const f of r.files) console.log(resolve(project, f));
  return 0;
}

export async function exportCommand(args: CliArgs): Promise<number> {
  await openProject(args.project);
  return report(args.project, await exportPanel(args.project, args.exportRequest as never), args.json);
}

export async function figureCommand(args: CliArgs): Promise<number> {
  await openProject(args.project);
  const file = args.figureFile!;
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON: ${(e as Error).message}`);
  }
  return report(args.project, await renderFigure(args.project, spec as never), args.json);
}
