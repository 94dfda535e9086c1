/** Every icon size the installers need exists, decoded back from the files electron-builder is given. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIcons, ICNS_TYPES, ICO_SIZES, LINUX_SIZES, type IconFiles } from './icons';

let dir: string;
let icons: IconFiles;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'somlab-icons-'));
  icons = await buildIcons(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** ICO directory entries: width and height are one byte each, 0 meaning 256. */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1); // type 1 = icon
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
}

/** ICNS chunks: a 4-character type and a big-endian length that counts its own 8-byte header. */
function icnsTypes(icns: Buffer): string[] {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const types: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('latin1', at, at + 4));
  return types;
}

describe('icons from resources/icon.svg', () => {
  it('has a square PNG of every Linux size, named as electron-builder expects', async () => {
    const names = (await readdir(icons.pngDir)).sort();
    expect(names).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const s of LINUX_SIZES) {
      const m = await sharp(join(icons.pngDir, `${s}x${s}.png`)).metadata();
      expect([m.format, m.width, m.height, m.hasAlpha]).toEqual(['png', s, s, true]);
    }
  });

  it('has a Windows .ico with 16 to 256 px images', async () => {
    expect(icoSizes(await readFile(icons.ico)).sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });

  it('has a macOS .icns with every type from 16 px to 1024 px (512@2x)', async () => {
    const types = icnsTypes(await readFile(icons.icns));
    expect(types[0]).toBe('TOC ');
    expect(types.slice(1).sort()).toEqual(ICNS_TYPES.map(([t]) => t).sort());
  });

  it('keeps the transparent rounded corners and the coloured map', async () => {
    const { data, info } = await sharp(join(icons.pngDir, '256x256.png')).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number): number[] => [...data.subarray((y * 256 + x) * 4, (y * 256 + x) * 4 + 4)];
    expect(info.channels).toBe(4);
    expect(px(0, 0)[3]).toBe(0); // corner outside the rounded square
    const topLeftCell = px(36, 36);
    expect(topLeftCell[0]).toBeGreaterThan(200); // the map's red corner
    expect(topLeftCell[3]).toBe(255);
  });
});
