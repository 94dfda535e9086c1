#!/usr/bin/env node
// `npm start`: build, then launch Electron. Where the Electron binary is missing, try electron's own
// installer once; where that fails too (no route to its download host), say so and run the lab server in
// the browser instead, on the same built-in data.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);

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

function tryInstallElectron() {
  const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
  console.log("start: the Electron binary is not installed; trying electron's installer…");
  const r = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0)
    console.log(`start: electron's installer failed: ${(r.stderr || r.stdout || 'timed out').trim().split('\n')[0]}`);
  return r.status === 0;
}

let bin = electronBinary();
if (!bin && tryInstallElectron()) bin = electronBinary();

if (bin) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`
start: Electron could not be installed here (its binary is downloaded from a host this machine cannot
reach), so SOM Lab starts as a lab server instead: the same app, in your browser. Open the URL printed
below (it carries an access token). To get the desktop app, run \`node node_modules/electron/install.js\`
on a machine with internet access, then \`npm start\` again.
`);
  const project = args.find((a, i) => args[i - 1] === '--project') ?? 'somlab-project';
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/server/main.ts'),
      '--project',
      project,
      '--open',
      ...args.filter((a, i) => a !== '--project' && args[i - 1] !== '--project'),
    ],
    { stdio: 'inherit', cwd: root },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}
