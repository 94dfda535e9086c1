import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLine, appendLines, reviveNumbers, stringifyJson, writeFileAtomic } from './atomic';
import { listTree, useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  it('writes and replaces a whole file, leaving no temp file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, new Uint8Array([104, 105]));
    expect(await readFile(file, 'utf8')).toBe('hi');
    expect(await listTree(dir)).toEqual(['a.json']);
  });

  it('removes its temp file when the rename fails, and keeps what was there', async () => {
    const dir = await tempDir();
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await listTree(dir)).toEqual(['taken/inside']);
  });
});

describe('appendLine / appendLines', () => {
  it('appends one JSON object per line', async () => {
    const file = join(await tempDir(), 'm.ndjson');
    await appendLine(file, { a: 1 });
    await appendLines(file, [{ a: 2 }, { a: 3 }]);
    await appendLines(file, []);
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n{"a":3}\n');
  });
});

describe('non-finite numbers', () => {
  it('survive a JSON round trip of a record of numbers', () => {
    const text = stringifyJson({ loss: NaN, up: Infinity, down: -Infinity, ok: 1.5 });
    expect(text).toBe('{"loss":"NaN","up":"Infinity","down":"-Infinity","ok":1.5}');
    expect(reviveNumbers(JSON.parse(text))).toEqual({ loss: NaN, up: Infinity, down: -Infinity, ok: 1.5 });
  });
});
