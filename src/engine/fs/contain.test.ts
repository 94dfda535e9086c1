import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containedPath, isInside, OutsideRootsError } from './contain';

let top: string, root: string, outside: string;
beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'somlab-contain-'));
  root = join(top, 'root');
  outside = join(top, 'outside');
  await mkdir(join(root, 'data'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.csv'), 'a,b\n1,2\n');
  await symlink(outside, join(root, 'link-out'));
  await symlink(join(root, 'data'), join(root, 'link-in'));
});

describe('isInside', () => {
  it('compares whole path segments', () => {
    expect(isInside('/a/b', '/a')).toBe(true);
    expect(isInside('/a', '/a')).toBe(true);
    expect(isInside('/ab', '/a')).toBe(false);
    expect(isInside('/x', '/')).toBe(true);
  });
});

describe('containedPath', () => {
  const o = () => ({ roots: [root], what: 'dataset folder' });

  it('resolves a relative path against the first root, not the working directory', async () => {
    await expect(containedPath('data', o())).resolves.toEqual({ real: join(root, 'data'), exists: true });
  });

  it('accepts a symlink that stays inside and reports its real target', async () => {
    expect((await containedPath(join(root, 'link-in'), o())).real).toBe(join(root, 'data'));
  });

  it('refuses a symlink that leads outside, and paths through it', async () => {
    await expect(containedPath(join(root, 'link-out'), o())).rejects.toThrow(OutsideRootsError);
    await expect(containedPath(join(root, 'link-out', 'secret.csv'), o())).rejects.toThrow(/outside the allowed/);
  });

  it('refuses .. escapes, relative or absolute', async () => {
    await expect(containedPath('../outside', o())).rejects.toThrow(/outside the allowed/);
    await expect(containedPath(join(root, '..', 'outside'), o())).rejects.toThrow(/outside the allowed/);
  });

  it('answers the same for a missing and an existing path outside the roots (no probing)', async () => {
    const a = await containedPath(join(outside, 'secret.csv'), o()).catch((e: Error) => e.message);
    const b = await containedPath(join(outside, 'nothing.csv'), o()).catch((e: Error) => e.message);
    expect(String(a).replace('secret', 'X')).toBe(String(b).replace('nothing', 'X'));
  });

  it('checks a path that does not exist yet by its nearest existing ancestor', async () => {
    await expect(containedPath(join(root, 'new', 'deeper'), o())).resolves.toEqual({
      real: join(root, 'new', 'deeper'),
      exists: false,
    });
    await expect(containedPath(join(root, 'link-out', 'new'), o())).rejects.toThrow(OutsideRootsError);
  });

  it('refuses everything when no roots are allowed, naming the kind of folder', async () => {
    await expect(containedPath(root, { roots: [], what: 'project folder' })).rejects.toThrow(
      /no project folders are allowed here/,
    );
  });
});

describe('containedPath on hostile input', () => {
  it('refuses a NUL byte, quoting the path escaped and clipped', async () => {
    const o = { roots: [root], what: 'project folder' };
    await expect(containedPath(join(root, 'a\0b'), o)).rejects.toThrow(
      /project folder ".*a\\u0000b": a path cannot hold/,
    );
    const long = `${'x'.repeat(10_000)}\0`;
    const message = await containedPath(long, o).catch((e: Error) => e.message);
    expect(String(message).length).toBeLessThan(300);
  });

  it('clips a huge path in the refusal', async () => {
    const message = await containedPath(`/${'y'.repeat(100_000)}`, { roots: [root], what: 'dataset folder' }).catch(
      (e: Error) => e.message,
    );
    expect(String(message)).toMatch(/^dataset folder \/y+… \(100001 characters\) is outside the allowed folders/);
    expect(String(message).length).toBeLessThan(300 + root.length);
  });
});
