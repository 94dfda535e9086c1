import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFile } from './state-file';
import { FoldersSchema, NO_FOLDERS, UserFolders } from './user-folders';

let tmp: string;
beforeAll(async () => (tmp = await mkdtemp(join(tmpdir(), 'somlab-folders-'))));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const file = (name: string, warn?: (m: string) => void) => stateFile(join(tmp, name), FoldersSchema, NO_FOLDERS, warn);

describe('user folders', () => {
  it('grants what the user gave, newest first, without repeats; recent projects are granted too', () => {
    const f = new UserFolders(null);
    f.grant('project', '/a');
    f.grant('dataset', '/d');
    f.grant('project', '/b');
    f.grant('project', '/a/');
    expect(f.roots('project')).toEqual(['/a', '/b']);
    expect(f.roots('dataset')).toEqual(['/d']);
    f.opened('/c');
    expect(f.recent()).toEqual(['/c']);
    expect(f.roots('project')).toEqual(['/c', '/a', '/b']);
    f.forget('/c');
    expect(f.recent()).toEqual([]);
  });

  it('keeps at most 10 recent projects', () => {
    const f = new UserFolders(null);
    for (let i = 0; i < 14; i++) f.opened(`/p${i}`);
    expect(f.recent()).toHaveLength(10);
    expect(f.recent()[0]).toBe('/p13');
  });

  it('saves every change and reads it back after a restart', async () => {
    const a = new UserFolders(file('folders.json'));
    let changes = 0;
    a.onChange(() => changes++);
    a.grant('dataset', '/data/mnist');
    a.opened('/home/me/proj');
    expect(changes).toBe(2);
    await a.saved();
    expect(JSON.parse(await readFile(join(tmp, 'folders.json'), 'utf8'))).toEqual({
      project: ['/home/me/proj'],
      dataset: ['/data/mnist'],
      recent: ['/home/me/proj'],
    });
    const again = await new UserFolders(file('folders.json')).load();
    expect([again.recent(), again.roots('dataset')]).toEqual([['/home/me/proj'], ['/data/mnist']]);
  });

  it('sets a damaged or foreign file aside with a warning, granting nothing from it', async () => {
    const warnings: string[] = [];
    await writeFile(join(tmp, 'bad.json'), '{"project": "/", "dataset": [], "recent": []}');
    const f = await new UserFolders(file('bad.json', (m) => warnings.push(m))).load();
    expect(f.roots('project')).toEqual([]);
    await writeFile(join(tmp, 'torn.json'), '{"project": [');
    await new UserFolders(file('torn.json', (m) => warnings.push(m))).load();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/ignoring .*bad\.json: .*expected array/);
  });
});
