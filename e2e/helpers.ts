/// <reference lib="dom" />
/** Shared setup for the browser tests: a lab server on a temp project, Debian's Chromium, screenshots. */
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLabServer, type LabServer } from '../src/server/lab-server';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '..');
export const ARTIFACTS = join(ROOT, 'e2e-artifacts');
export const RENDERER = join(ROOT, 'out/renderer');

export const noChromium = !existsSync(CHROMIUM);
if (noChromium) console.warn(`e2e skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does it)`);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the renderer when it is missing or older than its sources. */
export function ensureRenderer(): void {
  const index = join(RENDERER, 'index.html');
  if (
    existsSync(index) &&
    statSync(index).mtimeMs >= Math.max(newest(join(ROOT, 'src/renderer')), newest(join(ROOT, 'src/shared')))
  )
    return;
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'vite.renderer.config.ts'),
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('renderer build failed');
}

export interface Lab {
  lab: LabServer;
  browser: Browser;
  page: Page;
  project: string;
  dataRoot: string;
}

export async function openLab(): Promise<Lab> {
  ensureRenderer();
  const project = await mkdtemp(join(tmpdir(), 'somlab-e2e-project-'));
  const dataRoot = await mkdtemp(join(tmpdir(), 'somlab-e2e-data-'));
  const lab = await startLabServer({ rendererDir: RENDERER, project, dataRoots: [dataRoot] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
  page.on('pageerror', (e) => console.warn(`page error: ${e.message}`));
  await page.goto(lab.url);
  return { lab, browser, page, project, dataRoot };
}

export async function closeLab(l: Lab | undefined): Promise<void> {
  await l?.browser.close();
  await l?.lab.close();
}

/**
 * Opens a lab before the suite's tests and closes it after them. The handle's fields are filled in once the
 * hook ran, so read them inside tests and later hooks. A suite's own afterAll (registered after this call)
 * runs first: vitest runs after-hooks in reverse order.
 */
export function useLab(): Lab {
  const handle = {} as Lab;
  beforeAll(async () => {
    Object.assign(handle, await openLab());
  }, 180_000);
  afterAll(async () => {
    await closeLab(handle.lab ? handle : undefined);
  });
  return handle;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Non-background pixels of the first visible canvas in `selector`, and a cheap fingerprint of them. */
export async function canvasInk(page: Page, selector: string): Promise<{ ink: number; hash: number }> {
  return page.$eval(selector, (c) => {
    // Runs in the page; typed structurally because the node tsconfig has no DOM library.
    const canvas = c as unknown as {
      width: number;
      height: number;
      getContext(
        id: '2d',
      ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return { ink: 0, hash: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0,
      hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      const bg = data[i + 3]! === 0 || (data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245);
      if (!bg) ink++;
      hash = (hash * 31 + data[i]! + 7 * data[i + 1]! + 13 * data[i + 2]!) >>> 0;
    }
    return { ink, hash };
  });
}
