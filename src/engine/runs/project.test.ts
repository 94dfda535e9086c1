import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from './project';
import { listTree, useTempDirs } from './runs.test-helper';

const tempDir = useTempDirs();

describe('createProject / openProject', () => {
  it('creates a new folder and opens it back', async () => {
    const dir = join(await tempDir(), 'a', 'b');
    const made = await createProject(dir, 'My maps');
    expect(made).toMatchObject({ format: 'somlab-project', version: 1, name: 'My maps' });
    expect(Number.isNaN(Date.parse(made.created))).toBe(false);
    expect(await openProject(dir)).toEqual(made);
    expect(await listTree(dir)).toEqual(['somlab.json']);
  });

  it('accepts an existing folder holding only OS litter', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.DS_Store'), '');
    await expect(createProject(dir, 'p')).resolves.toMatchObject({ name: 'p' });
  });

  it('refuses a non-empty folder without listing what is in it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'thesis.pdf'), '');
    const refusal = createProject(dir, 'p');
    await expect(refusal).rejects.toThrow(/the folder is not empty and holds no somlab\.json; pick an empty/);
    await expect(refusal).rejects.not.toThrow(/thesis/);
    expect(await listTree(dir)).toEqual(['thesis.pdf']);
  });

  it('counts dotfiles other than OS litter: a folder of only dotfiles (a home folder) is not empty', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.bashrc'), '');
    await mkdir(join(dir, '.ssh'));
    await expect(createProject(dir, 'p')).rejects.toThrow(/not empty/);
    expect(await listTree(dir)).toEqual(['.bashrc']);
  });

  it('refuses a folder that is already a project, leaving it unchanged', async () => {
    const dir = await tempDir();
    await createProject(dir, 'first');
    const before = await readFile(join(dir, 'somlab.json'), 'utf8');
    await expect(createProject(dir, 'second')).rejects.toThrow(/already holds a SOM Lab project/);
    expect(await readFile(join(dir, 'somlab.json'), 'utf8')).toBe(before);
  });

  it('refuses a path that is a file', async () => {
    const file = join(await tempDir(), 'f');
    await writeFile(file, '');
    await expect(createProject(file, 'p')).rejects.toThrow(/is a file, not a folder/);
  });

  it('refuses a newer format version and never rewrites the file', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({
      format: 'somlab-project',
      version: 3,
      name: 'future',
      created: '2030-01-01',
      extra: 1,
    });
    await writeFile(join(dir, 'somlab.json'), text);
    await expect(openProject(dir)).rejects.toThrow(
      /written by a newer SOM Lab \(format version 3; this app reads up to 1\)/,
    );
    expect(await readFile(join(dir, 'somlab.json'), 'utf8')).toBe(text);
  });

  it('says clearly when somlab.json is missing, corrupt or wrong', async () => {
    const dir = await tempDir();
    await expect(openProject(dir)).rejects.toThrow(/is not a SOM Lab project: somlab\.json not found/);
    await writeFile(join(dir, 'somlab.json'), '{"format": "somlab-proj');
    await expect(openProject(dir)).rejects.toThrow(/somlab\.json is corrupt: not valid JSON/);
    await writeFile(join(dir, 'somlab.json'), JSON.stringify({ format: 'somlab-project', version: 1, created: 'x' }));
    await expect(openProject(dir)).rejects.toThrow(/somlab\.json: name: .*expected string, received undefined/);
    const sub = join(dir, 'sub');
    await mkdir(sub);
    await writeFile(join(sub, 'somlab.json'), JSON.stringify({ format: 'other', version: 1, name: 'n', created: 'x' }));
    await expect(openProject(sub)).rejects.toThrow(/format: /);
  });
});
