/** ImageFolder: classes by sub-folder, sizes and channels made uniform with warnings, broken images all listed. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFolder } from '.';
import { DatasetError } from './types';
import { expectDatasetError as fails, image, removeTempDirs, round, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]);

async function twoClasses(): Promise<string> {
  const d = await tempDir();
  await image(join(d, 'a', '1.png'), 4, 4, 0);
  await mkdir(join(d, 'b'));
  return d;
}

describe('ImageFolder that loads', () => {
  it('classes with train/ and test/, PNG and JPEG; an odd size resized with a warning', async () => {
    const d = await tempDir();
    await image(join(d, 'train', 'cat', '1.png'), 4, 3, 0);
    await image(join(d, 'train', 'dog', '2.jpg'), 4, 3, 255, 'jpeg');
    await image(join(d, 'train', 'dog', '3.png'), 6, 5, 255);
    await image(join(d, 'test', 'cat', '4.png'), 4, 3, 0);
    const ds = await loadFolder(d);
    expect([ds.format, ds.classes, ds.shape]).toEqual(['image-folder', ['cat', 'dog'], [3, 4, 3]]);
    expect([ds.train.count, ds.test!.count]).toEqual([3, 1]);
    expect(Array.from(ds.train.y)).toEqual([0, 1, 1]);
    expect(ds.train.x.subarray(0, 36).every((v) => v === 0)).toBe(true);
    expect(ds.train.x.subarray(36).every((v) => v > 0.98)).toBe(true); // white JPEG and the resized white PNG
    expect(Array.from(ds.test!.y)).toEqual([0]);
    expect(ds.warnings).toEqual(['1 image was resized to 4×3, the most common size: train/dog/3.png (6×5)']);
  });

  it('keeps an all-greyscale folder as one channel', async () => {
    const d = await tempDir();
    await image(join(d, 'light', '1.png'), 2, 2, 204, 'grey');
    await image(join(d, 'dark', '2.png'), 2, 2, 51, 'grey');
    const ds = await loadFolder(d);
    expect([ds.shape, ds.classes, ds.warnings]).toEqual([[2, 2, 1], ['dark', 'light'], []]);
    expect(round(ds.train.x)).toEqual([0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8]); // dark/2.png first: sorted walk
  });

  it('expands greyscale images to RGB beside colour ones, and says so', async () => {
    const d = await tempDir();
    await image(join(d, 'grey', '1.png'), 2, 1, 51, 'grey');
    await image(join(d, 'colour', '2.png'), 2, 1, 255);
    await writeFile(join(d, 'colour', 'notes.txt'), 'taken on a Tuesday');
    const ds = await loadFolder(d);
    expect(ds.shape).toEqual([1, 2, 3]);
    expect(round(ds.train.x.subarray(6))).toEqual([0.2, 0.2, 0.2, 0.2, 0.2, 0.2]); // grey/1.png: R = G = B
    expect(ds.warnings).toEqual([
      '1 greyscale image was expanded to RGB (grey copied to R, G and B) because the folder also holds colour ' +
        'images: grey/1.png',
      '1 file is not PNG or JPEG and was skipped: colour/notes.txt',
    ]);
  });
});

describe('broken ImageFolders', () => {
  it('a corrupt PNG gets the same message every time, however many are decoded at once', async () => {
    const d = await twoClasses();
    const good = await import('sharp').then((s) =>
      s
        .default({ create: { width: 8, height: 8, channels: 3, background: '#123' } })
        .png()
        .toBuffer(),
    );
    await writeFile(join(d, 'b', 'cut.png'), good.subarray(0, good.length - 20));
    for (let i = 0; i < 6; i++) await image(join(d, 'b', `ok${i}.png`), 4, 4, 9);
    const messages = new Set<string>();
    for (let run = 0; run < 8; run++) {
      const e = await loadFolder(d).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(DatasetError);
      messages.add((e as Error).message);
    }
    expect([...messages]).toEqual(['b/cut.png: is not a readable PNG image (its pixel data is corrupt or truncated)']);
  });

  it('every broken image is counted, the first few named relative to the folder', async () => {
    const d = await twoClasses();
    for (let i = 0; i < 7; i++)
      await writeFile(join(d, 'b', `${i}.png`), Buffer.concat([PNG_SIGNATURE, Buffer.alloc(40, 3)]));
    await fails(
      loadFolder(d, 'pets'),
      'pets',
      '7 files cannot be used: b/0.png: is not a readable PNG image (its header is corrupt); b/1.png: is not',
    );
    await fails(
      loadFolder(d, 'pets'),
      'pets',
      'b/4.png: is not a readable PNG image (its header is corrupt) and 2 more',
    );
  });

  it('zero-byte images, images outside class folders, empty class folders: each kind listed', async () => {
    let d = await twoClasses();
    await writeFile(join(d, 'b', '2.png'), '');
    await writeFile(join(d, 'b', '3.jpg'), '');
    await fails(loadFolder(d, 'x'), 'x', '2 images are empty (0 bytes): b/2.png, b/3.jpg');
    d = await twoClasses();
    await image(join(d, 'b', '2.png'), 4, 4, 0);
    await image(join(d, 'stray.png'), 4, 4, 0);
    await image(join(d, 'train', 'top.png'), 4, 4, 0);
    await fails(
      loadFolder(d, 'x'),
      'x',
      '2 images lie outside any class folder (ImageFolder expects one sub-folder per class): stray.png, train/top.png',
    );
    d = await twoClasses();
    await image(join(d, 'c', '3.png'), 4, 4, 9);
    await mkdir(join(d, 'test', 'dog'), { recursive: true });
    await fails(loadFolder(d, 'x'), 'x', '2 class folders are empty (no PNG or JPEG): b, test/dog');
  });

  it('a single class, and an image too large to decode', async () => {
    const d = await tempDir();
    await image(join(d, 'only', '1.png'), 4, 4, 0);
    await fails(loadFolder(d, 'x'), 'x', 'has a single class folder ("only"); a labelled dataset needs at least 2');
    await image(join(d, 'two', 'wide.png'), 4097, 2, 0);
    await fails(loadFolder(d, 'x'), 'two/wide.png', 'size 4097×2 is outside 1–4096 pixels a side');
  });
});
