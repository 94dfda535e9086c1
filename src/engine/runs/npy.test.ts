import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SomSnapshot } from '../../shared/run-types';
import { decodeNpy, encodeNpy } from './npy';
import { readSnapshotFiles, readWinnerFiles, writeSnapshotFiles, writeWinnerFiles } from './snapshots';
import { useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

const SNAPSHOT: SomSnapshot = {
  step: 7,
  layer: 'som',
  rows: 2,
  cols: 3,
  topology: 'hex',
  shape: [3],
  codebook: Float32Array.from({ length: 18 }, (_, i) => i / 4),
  hits: Float32Array.from([1, 0, 2, 0, 5, 1]),
  umatrix: Float32Array.from([0.5, 0.75, 0.25, 1, 2, 0]),
  classMap: Int32Array.from([0, -1, 2, 2, 1, 0]),
};

/** Reads a .npy file straight from the format spec, independently of decodeNpy. */
function parseBySpec(bytes: Buffer): { header: string; data: Buffer } {
  expect([...bytes.subarray(0, 6)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY
  expect([bytes[6], bytes[7]]).toEqual([1, 0]);
  const len = bytes[8]! + 256 * bytes[9]!;
  expect((10 + len) % 64).toBe(0);
  const header = bytes.subarray(10, 10 + len).toString('latin1');
  expect(header.endsWith('\n')).toBe(true);
  return { header: header.trimEnd(), data: bytes.subarray(10 + len) };
}

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
if (!hasNumpy) console.warn('npy test: python3 with numpy is not installed here; the np.load check is skipped');

describe('.npy snapshot arrays', () => {
  it('writes each array as a .npy file with its grid shape, little endian, C order', async () => {
    const dir = await tempDir();
    await writeSnapshotFiles(dir, SNAPSHOT);
    const cb = parseBySpec(await readFile(join(dir, 'som-7.codebook.npy')));
    expect(cb.header).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 3), }");
    expect(cb.data.length).toBe(18 * 4);
    expect(cb.data.readFloatLE(5 * 4)).toBe(1.25);
    const cls = parseBySpec(await readFile(join(dir, 'som-7.classMap.npy')));
    expect(cls.header).toBe("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }");
    expect(cls.data.readInt32LE(4)).toBe(-1);
    const json = JSON.parse(await readFile(join(dir, 'som-7.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'somlab-arrays', version: 2, step: 7, rows: 2, cols: 3, shape: [3] });
    expect(json.arrays.hits).toEqual({ dtype: 'float32', shape: [2, 3], file: 'som-7.hits.npy' });
    expect(await readSnapshotFiles(dir, 'som', 7)).toEqual(SNAPSHOT);
  });

  it("a kWTA code's snapshot keeps its firing, per-class firing and code layout through the files", async () => {
    const dir = await tempDir();
    const code: SomSnapshot = {
      ...SNAPSHOT,
      layer: 'code',
      topology: 'rect',
      codeLayout: true,
      firing: Float32Array.from([0, 1, 0.5, 0.25, 0.25, 0]),
      firingByClass: Float32Array.from({ length: 12 }, (_, i) => i / 12),
    };
    await writeSnapshotFiles(dir, code);
    const fc = parseBySpec(await readFile(join(dir, 'code-7.firingByClass.npy')));
    expect(fc.header).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 2), }");
    expect(await readSnapshotFiles(dir, 'code', 7)).toEqual(code);
    // A SOM snapshot stays without the flag (files written before it read back unchanged).
    await writeSnapshotFiles(dir, SNAPSHOT);
    expect(JSON.parse(await readFile(join(dir, 'som-7.json'), 'utf8'))).not.toHaveProperty('codeLayout');
  });

  it.skipIf(!hasNumpy)('loads in NumPy with the same values and shapes', async () => {
    const dir = await tempDir();
    await writeSnapshotFiles(dir, SNAPSHOT);
    await writeWinnerFiles(dir, { step: 7, layer: 'som', winners: Int32Array.from([4, 0, 5]) });
    const script =
      'import json, sys, numpy as np\n' +
      'row = lambda a: [str(a.dtype), list(a.shape), a.ravel().tolist()]\n' +
      'names = ["codebook", "hits", "classMap", "winners"]\n' +
      'print(json.dumps({n: row(np.load(sys.argv[1] + "/som-7." + n + ".npy")) for n in names}))';
    const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));
    expect(out.codebook).toEqual(['float32', [2, 3, 3], [...SNAPSHOT.codebook]]);
    expect(out.hits).toEqual(['float32', [2, 3], [...SNAPSHOT.hits]]);
    expect(out.classMap).toEqual(['int32', [2, 3], [...SNAPSHOT.classMap!]]);
    expect(out.winners).toEqual(['int32', [3], [4, 0, 5]]);
  });

  it('still reads version 1 sets (one .bin with byte offsets)', async () => {
    const dir = await tempDir();
    const bin = Buffer.alloc(8);
    bin.writeInt32LE(3, 0);
    bin.writeInt32LE(-1, 4);
    await writeFile(join(dir, 'som-2.bin'), bin);
    const arrays = { winners: { dtype: 'int32', offset: 0, length: 2 } };
    await writeFile(
      join(dir, 'som-2.json'),
      JSON.stringify({ format: 'somlab-arrays', version: 1, step: 2, layer: 'som', arrays }),
    );
    expect(await readWinnerFiles(dir, 'som', 2)).toEqual({ step: 2, layer: 'som', winners: Int32Array.from([3, -1]) });
  });

  it('names the file of a truncated, foreign or mislabelled array', async () => {
    const dir = await tempDir();
    await writeSnapshotFiles(dir, SNAPSHOT);
    await truncate(join(dir, 'som-7.umatrix.npy'), 140); // 128-byte header + 24 bytes of data
    await expect(readSnapshotFiles(dir, 'som', 7)).rejects.toThrow(
      /som-7\.umatrix\.npy: truncated: shape \(2, 3\) needs 152 bytes, has 140/,
    );
    await writeFile(join(dir, 'som-7.umatrix.npy'), encodeNpy(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]));
    await expect(readSnapshotFiles(dir, 'som', 7)).rejects.toThrow(
      /umatrix\.npy: holds int32 \(2, 3\), .* says float32/,
    );
    expect(() => decodeNpy(Buffer.from('PK\x03\x04 not numpy'), 'x.npy')).toThrow(/x\.npy: not a \.npy file/);
  });
});

describe('encodeNpy / decodeNpy', () => {
  it('round-trips flat, empty and shaped arrays and refuses a shape that does not fit', () => {
    const flat = decodeNpy(encodeNpy(Float32Array.from([1.5, -2])), 'a');
    expect(flat).toEqual({ data: Float32Array.from([1.5, -2]), shape: [2] });
    expect(decodeNpy(encodeNpy(new Int32Array(0)), 'b').shape).toEqual([0]);
    expect(decodeNpy(encodeNpy(new Int32Array(6), [1, 2, 3]), 'c').shape).toEqual([1, 2, 3]);
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(/shape \(2, 3\) holds 6 values, got 5/);
  });
});
