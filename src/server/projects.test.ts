/** Opening the lab server's --project, and the project roots a lab server enforces by default. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabHost } from '../host/lab-host';
import { startLabServer } from './lab-server';

let top: string;
let renderer: string;
beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'somlab-projects-'));
  renderer = join(top, 'renderer');
  await mkdir(renderer);
});
afterAll(() => rm(top, { recursive: true, force: true }));

const start = (project: string) => startLabServer({ rendererDir: renderer, project, dataRoots: [] });

describe('--project at start', () => {
  it('reports why a damaged project cannot be opened, and leaves it as it was', async () => {
    const dir = join(top, 'damaged');
    await mkdir(dir);
    await writeFile(join(dir, 'somlab.json'), '{"format": "somlab-proj');
    const refusal = start(dir);
    await expect(refusal).rejects.toThrow(/somlab\.json is corrupt: not valid JSON/);
    await expect(refusal).rejects.not.toThrow(/already holds/);
    expect(await readFile(join(dir, 'somlab.json'), 'utf8')).toBe('{"format": "somlab-proj');
  });

  it('reports a project from a newer SOM Lab as such', async () => {
    const dir = join(top, 'future');
    await mkdir(dir);
    await writeFile(join(dir, 'somlab.json'), JSON.stringify({ format: 'somlab-project', version: 9, name: 'f' }));
    await expect(start(dir)).rejects.toThrow(/written by a newer SOM Lab/);
  });

  it('creates the project when the folder holds none, then opens it on the next start', async () => {
    const dir = join(top, 'fresh');
    const first = await start(dir);
    expect(first.host.calls['project:current']()).toMatchObject({ dir, name: 'SOM Lab project' });
    await first.close();
    const again = await start(dir);
    expect(await again.host.calls['project:current']()).toMatchObject({ dir });
    await again.close();
  });

  it('by default lets clients use projects beside --project, and nothing outside its folder', async () => {
    const parent = join(top, 'lab');
    const lab = await start(join(parent, 'main'));
    await expect(lab.host.calls['project:create'](join(parent, 'second'), 's')).resolves.toMatchObject({ name: 's' });
    await expect(lab.host.calls['project:create'](join(top, 'elsewhere'), 'e')).rejects.toThrow(/outside the allowed/);
    await lab.close();
  });
});

describe('LabHost project roots', () => {
  it('null means anywhere (Electron: the user picked the folder in a dialog)', async () => {
    const host = new LabHost({ dataRoots: null, projectRoots: null });
    await expect(host.calls['project:create'](join(top, 'anywhere'), 'a')).resolves.toMatchObject({ name: 'a' });
  });

  it('an empty list allows no project at all', async () => {
    const host = new LabHost({ dataRoots: [], projectRoots: [] });
    await expect(host.calls['project:open'](join(top, 'fresh'))).rejects.toThrow(/no project folders are allowed/);
  });
});
