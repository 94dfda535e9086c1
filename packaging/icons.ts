/**
 * Every icon the installers need, rendered from the one source image `resources/icon.svg`:
 * a PNG set for Linux (AppImage, deb, the .desktop entry), `icon.ico` for Windows (NSIS, the .exe) and
 * `icon.icns` for macOS (the .app, the dmg). Run before electron-builder (`npm run icons`, part of `dist`).
 */
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const ICON_SOURCE = fileURLToPath(new URL('../resources/icon.svg', import.meta.url));
export const ICONS_DIR = fileURLToPath(new URL('../out/icons', import.meta.url));

/** Linux icon theme sizes (hicolor) electron-builder installs from the PNG folder. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows shows 16–48 in Explorer and lists, 256 on large tiles; NSIS takes the same file. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS icon types and their pixel sizes (the @2x types hold the doubled image), in iconutil's order. */
export const ICNS_TYPES = [
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic04', 16],
  ['ic14', 512],
  ['ic09', 512],
  ['ic05', 32],
  ['ic10', 1024],
  ['ic11', 32],
] as const;

export interface IconFiles {
  pngDir: string;
  ico: string;
  icns: string;
}

async function render(svg: Buffer, size: number): Promise<Buffer> {
  // Rasterised from the vector at 4x the target size, then downsampled: crisp edges at every size.
  return sharp(svg, { density: (72 * 4 * size) / 1024 })
    .resize(size, size)
    .png()
    .toBuffer();
}

export async function buildIcons(outDir = ICONS_DIR, source = ICON_SOURCE): Promise<IconFiles> {
  const svg = await readFile(source);
  const sizes = [...new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])];
  const png = new Map(await Promise.all(sizes.map(async (s) => [s, await render(svg, s)] as const)));
  const pngDir = join(outDir, 'png');
  await mkdir(pngDir, { recursive: true });
  await Promise.all(LINUX_SIZES.map((s) => writeFile(join(pngDir, `${s}x${s}.png`), png.get(s)!)));

  const ico = new IconIco();
  for (const s of [...ICO_SIZES].reverse()) await ico.addFromPng(png.get(s)!, true);
  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, s] of ICNS_TYPES) await icns.addFromPng(png.get(s)!, [type]);
  const files = { pngDir, ico: join(outDir, 'icon.ico'), icns: join(outDir, 'icon.icns') };
  await writeFile(files.ico, ico.encode());
  await writeFile(files.icns, icns.encode());
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const f = await buildIcons();
  console.log(`icons: ${LINUX_SIZES.length} PNGs in ${f.pngDir}, ${f.ico}, ${f.icns}`);
}
