/** Files are recognised by their content, never by their names; broken ones are recognised as what they meant to be. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { kindOf } from './folder';
import { idx } from './fixtures.test-helper';

const b = (...x: number[]) => Uint8Array.from(x);

describe('kindOf', () => {
  it('classifies magic numbers and headers, not names', () => {
    expect(kindOf(b(0x89, 0x50, 0x4e, 0x47, 13, 10), 6)).toBe('png');
    expect(kindOf(b(0xff, 0xd8, 0xff, 0xe0), 4)).toBe('jpeg');
    expect(kindOf(idx([1], [0]), 9)).toBe('idx');
    expect(kindOf(gzipSync(idx([2, 2, 2], Buffer.alloc(8))), 40)).toBe('idx');
    expect(kindOf(gzipSync(Buffer.from('hello, world\n')), 40)).toBe('other');
    expect(kindOf(b(), 0)).toBe('other');
  });

  it('CSV by its records, parsed as the loader parses them (quoted commas and newlines included)', () => {
    expect(kindOf(Buffer.from('a,b,label\n1,2,x\n'), 16)).toBe('csv');
    expect(kindOf(Buffer.from('a,b,c\n1,2,3\n4,5'), 5000)).toBe('csv'); // the sniffed head ends mid-row
    expect(kindOf(Buffer.from('a,note,label\n1,"two\nlines, really",x\n'), 37)).toBe('csv');
    expect(kindOf(Buffer.from('a note, with a comma\nand a line without\n'), 40)).toBe('other');
  });

  it('an IDX file with a bad magic is "idx-bad" when its dimension words account for its size', () => {
    const swapped = idx([2, 1, 1], [0, 0]).reverse(); // not a real layout: only the size check must fail
    expect(kindOf(swapped, swapped.length)).toBe('other');
    const le = Buffer.alloc(12);
    le.writeUInt32LE(0x801, 0);
    le.writeUInt32LE(4, 4);
    expect(kindOf(le, 12)).toBe('idx-bad');
    const wrongType = idx([3], [0, 1, 2], 0x42);
    expect(kindOf(wrongType, wrongType.length)).toBe('idx-bad');
    expect(kindOf(wrongType, wrongType.length + 1)).toBe('other'); // sizes disagree: not an IDX file
  });

  it('CIFAR by its label bytes (0–9 at every record start), whatever its size', () => {
    const rec = (label: number) => Buffer.concat([b(label), Buffer.alloc(3072, 200)]);
    expect(kindOf(rec(3), 3073 * 2, [3, 4])).toBe('cifar');
    expect(kindOf(rec(3), 3073 * 2 + 17, [3, 4, 0])).toBe('cifar');
    expect(kindOf(rec(3), 3073 * 2, [3, 200])).toBe('other'); // the second record starts with 200: not CIFAR
    expect(kindOf(b(3, 0, 0), 3)).toBe('other'); // shorter than one record
    expect(kindOf(b(200, 1, 2), 3073)).toBe('other');
  });
});
