/**
 * `npm run lab -- --project DIR [--projects DIR]... [--data DIR]... [--host H] [--port P] [--no-token] [--open]
 * [--memory-budget 8G|40%] [--max-trainers N]`
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { formatBytes, parseBudget } from '../shared/admission/admit';
import { defaultProjectRoots, isLoopback, startLabServer } from './lab-server';
import { WATCH_MODES, type WatchMode, type WatchOptions } from '../host/project-watch';
import { openBrowser } from './open-browser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = join(root, 'out/renderer');

function ensureRenderer(rebuild: boolean): void {
  if (!rebuild && existsSync(join(rendererDir, 'index.html'))) return;
  console.log('lab: building the renderer (once)…');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'vite.renderer.config.ts'),
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
}

/** --watch: how runs other processes write are noticed (poll: a network disk fs.watch cannot hear). */
function watchOption(v: string): WatchOptions | false {
  if (v === 'off') return false;
  if ((WATCH_MODES as readonly string[]).includes(v)) return { mode: v as WatchMode };
  throw new Error(`--watch: expected one of ${[...WATCH_MODES, 'off'].join(', ')}, received "${v}"`);
}

export async function labMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      project: { type: 'string', default: 'somlab-project' },
      projects: { type: 'string', multiple: true, default: [] },
      data: { type: 'string', multiple: true, default: [] },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8765' },
      'no-token': { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      watch: { type: 'string', default: 'auto' },
      'memory-budget': { type: 'string' },
      'max-trainers': { type: 'string' },
    },
  });
  const watch = watchOption(values.watch!);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: expected 0–65535, received "${values.port}"`);
  const maxTrainers = values['max-trainers'] === undefined ? undefined : Number(values['max-trainers']);
  if (maxTrainers !== undefined && !(Number.isInteger(maxTrainers) && maxTrainers >= 1 && maxTrainers <= 256))
    throw new Error(`--max-trainers: expected a whole number from 1 to 256, received "${values['max-trainers']}"`);
  const budgetFlag = values['memory-budget'];
  const memoryBudget = budgetFlag === undefined ? undefined : parseBudget(budgetFlag, totalmem());
  ensureRenderer(values.rebuild!);
  if (!isLoopback(values.host!)) {
    console.warn(
      `lab: WARNING: binding ${values.host} makes the lab reachable from other machines` +
        `${values['no-token'] ? ' WITHOUT a token' : ' (token still required)'}.`,
    );
  }
  const project = resolve(values.project!);
  const projectRoots = values.projects!.length ? values.projects!.map((d) => resolve(d)) : defaultProjectRoots(project);
  const lab = await startLabServer({
    host: values.host,
    port,
    token: values['no-token'] ? null : undefined,
    rendererDir,
    project,
    projectRoots,
    dataRoots: values.data!.map((d) => resolve(d)),
    watch,
    memoryBudget,
    maxTrainers,
  });
  console.log(`SOM Lab is running at ${lab.url}`);
  const notOpened = values.open ? await openBrowser(lab.url) : null;
  if (notOpened) console.log(`lab: could not open a browser (${notOpened}): open the URL above yourself`);
  console.log(`project: ${project}; projects may be opened or created under: ${projectRoots.join(', ')}`);
  if (values.data!.length) console.log(`dataset folders allowed under: ${values.data!.join(', ')}`);
  const budget = formatBytes(lab.host.runs.budget);
  console.log(
    `trainers: at most ${lab.host.runs.maxTrainers} at once (the rest queued); memory budget ${budget} a run`,
  );
  const shutdown = async (): Promise<void> => {
    console.log('lab: stopping… (trainers get 3 s to stop, then are killed and their runs marked interrupted)');
    const r = await lab.host.shutdown();
    console.log(`lab: ${r.stopped} trainer(s) stopped, ${r.killed} killed; ${r.tmpRemoved} stale temp file(s) removed`);
    await lab.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  labMain(process.argv.slice(2)).catch((e) => {
    console.error(`lab: ${(e as Error).message}`);
    process.exit(1);
  });
}
