/** CSV folders through csv-parse: the label column by name, every bad cell and row counted with its line. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFolder } from '.';
import { expectDatasetError as fails, removeTempDirs, tempDir } from './fixtures.test-helper';

afterAll(removeTempDirs);

async function csv(text: string, name = 'data.csv'): Promise<string> {
  const d = await tempDir();
  await mkdir(join(d, name, '..'), { recursive: true });
  await writeFile(join(d, name), text);
  return d;
}

describe('CSV that loads', () => {
  it('maps string labels in sorted order, reads quoted fields and the test.csv beside train.csv', async () => {
    const d = await csv('x,z,species\n1,2,"virginica, tall"\n\n3.5,-4,setosa\n5,6,setosa\n', 'train.csv');
    await writeFile(join(d, 'test.csv'), 'x,z,species\n7,8,versicolor\n');
    const ds = await loadFolder(d);
    expect([ds.format, ds.shape, ds.classes]).toEqual(['csv', [2], ['setosa', 'versicolor', 'virginica, tall']]);
    expect(Array.from(ds.train.x)).toEqual([1, 2, 3.5, -4, 5, 6]);
    expect(Array.from(ds.train.y)).toEqual([2, 0, 0]);
    expect([Array.from(ds.test!.x), Array.from(ds.test!.y)]).toEqual([[7, 8], [1]]);
  });

  it('a quoted newline stays inside its field, and later lines keep their numbers', async () => {
    const d = await csv('a,b,label\n1,2,"two\nlines"\n3,4,x\n5,oops,x\n');
    await fails(loadFolder(d), 'data.csv', 'feature column "b" has 1 cell that is not a number: line 5: "oops"');
    await writeFile(join(d, 'data.csv'), 'a,b,label\n1,2,"two\nlines"\n3,4,x\n');
    const ds = await loadFolder(d);
    expect([ds.classes, Array.from(ds.train.x), Array.from(ds.train.y)]).toEqual([
      ['two\nlines', 'x'],
      [1, 2, 3, 4],
      [0, 1],
    ]);
  });

  it('numeric labels in a named column sort as numbers', async () => {
    const ds = await loadFolder(await csv('f,label\n0.5,10\n0.25,2\n1,2\n'));
    expect(ds.classes).toEqual(['2', '10']);
    expect(Array.from(ds.train.y)).toEqual([1, 0, 0]);
  });

  it('the label is the column named label, class, target or y (that order, any case), numeric or not', async () => {
    let ds = await loadFolder(await csv('Class,f,g\n1,0.5,9\n2,0.25,9\n'));
    expect([ds.classes, Array.from(ds.train.x)]).toEqual([
      ['1', '2'],
      [0.5, 9, 0.25, 9],
    ]);
    ds = await loadFolder(await csv('y,TARGET,f\n5,0,1\n6,1,2\n'));
    expect([ds.classes, Array.from(ds.train.x)]).toEqual([
      ['0', '1'],
      [5, 1, 6, 2],
    ]);
  });

  it('without a named column, the single text column is the label', async () => {
    const ds = await loadFolder(await csv('a,b,kind\n1,2,cat\n3,4,dog\n'));
    expect([ds.classes, Array.from(ds.train.x)]).toEqual([
      ['cat', 'dog'],
      [1, 2, 3, 4],
    ]);
  });
});

describe('CSV that does not load', () => {
  it('a junk feature column beside a column named label is an error naming the column and the lines', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i / 10},${['abc', '1.2.3', '', '7'][i % 4]},${i % 2}`);
    const d = await csv(`f1,junk,label\n${rows.join('\n')}\n`);
    await fails(
      loadFolder(d),
      'data.csv',
      'feature column "junk" has 30 cells that are not numbers: line 2: "abc", line 3: "1.2.3", line 4: "" and 27 more',
    );
  });

  it('ragged rows, bad cells in several columns and empty labels: every kind counted in one error', async () => {
    const d = await csv('a,b,label\n1,2,x\n\n3,x\n4,5\nq,6,y\n7,8,\n');
    await fails(
      loadFolder(d),
      'data.csv',
      "2 rows have another number of fields than the header's 3: line 4 (2 fields), line 5 (2 fields); " +
        'feature column "a" has 1 cell that is not a number: line 6: "q"; ' +
        'the label column "label" is empty on 1 line: 7',
    );
  });

  it('no label column, or several text columns and none named', async () => {
    await fails(
      loadFolder(await csv('a,b\n1,2\n3,4\n')),
      'data.csv',
      'has no label column: name one label/class/target/y',
    );
    await fails(
      loadFolder(await csv('a,b,c\nx,y,1\n')),
      'data.csv',
      'has no column named label/class/target/y and 2 text columns ("a", "b"): rename the label column to "label"',
    );
  });

  it('a header and no rows; an unclosed quote', async () => {
    await fails(loadFolder(await csv('a,b,label\n')), 'data.csv', 'needs a header row and at least one data row');
    await fails(loadFolder(await csv('a,b,label\n1,2,"x\n3,4,y\n')), 'data.csv', 'is not valid CSV');
  });

  it('a test.csv whose columns differ from train.csv; files named relative to the chosen folder', async () => {
    const d = await csv('a,b,label\n1,2,x\n', 'tables/train.csv');
    await writeFile(join(d, 'tables', 'test.csv'), 'a,c,label\n1,2,x\n');
    await fails(loadFolder(d), 'tables/test.csv', 'has columns a,c,label but the training CSV has a,b,label');
  });
});
