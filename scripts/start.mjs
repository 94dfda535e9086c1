#!/usr/bin/env node
// `npm start`: the desktop app where Electron can be had, otherwise the lab server in the browser, on the
// same default project in the user's data folder (never inside the checkout). Where the Electron binary is
// missing, electron's own installer is tried once; its failure is one line, not a stack trace.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** Electron's userData for SOM Lab (main sets it to appData/somlab): the same folder for both hosts. */
function userDataDir() {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'somlab');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'somlab');
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'somlab');
}

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Runs electron's installer quietly; returns null when it worked, else its first error line. */
function installElectron() {
  const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const r = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 120_000 });
  if (r.status === 0) return null;
  const text = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const line = text.split('\n').find((l) => /error/i.test(l)) ?? text.split('\n').find((l) => l.trim());
  return (line ?? 'timed out').trim().slice(0, 200);
}

let bin = electronBinary();
let why = null;
if (!bin) {
  console.log('start: the Electron binary is not installed; trying its download once…');
  why = installElectron();
  if (!why) bin = electronBinary();
}

if (bin) {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`start: Electron could not be downloaded here (${why ?? 'no binary after install'}).
start: starting SOM Lab as a lab server instead: the same app, in your browser (the URL carries an access
       token). For the desktop app, run \`node node_modules/electron/install.js\` where its download host can be
       reached, then \`npm start\` again.`);
  const given = args.find((a, i) => args[i - 1] === '--project');
  const project = given ?? join(userDataDir(), 'Default project');
  const rest = args.filter((a, i) => a !== '--project' && args[i - 1] !== '--project');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/server/main.ts'), '--project', project, '--open', ...rest],
    { stdio: 'inherit', cwd: root },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}
