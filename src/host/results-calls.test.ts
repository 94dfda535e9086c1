import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { parseSpec } from '../shared/validate';
import { figureProject } from '../engine/figures/fixture-project.test-helper';
import { LabHost } from './lab-host';
import { withHonestPreset } from './results-calls';

let root: string, project: string, run: string, host: LabHost;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'somlab-host-results-'));
  ({ project, run } = await figureProject(join(root, 'project')));
  host = new LabHost({ dataRoots: [], projectRoots: null });
  await host.call('project:open', [project]);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('results calls through LabHost', () => {
  it('renames and tags a run, deletes it into trash/ and restores it', async () => {
    const s = (await host.call('runs:update', [run, { name: 'best map', tags: ['paper'] }])) as { name: string };
    expect(s).toMatchObject({ id: run, name: 'best map', tags: ['paper'] });
    await host.call('runs:trash', [run]);
    expect(await host.call('runs:list', [])).toEqual([]);
    expect(await host.call('runs:trashed', [])).toEqual([run]);
    await host.call('runs:restore', [run]);
    expect(((await host.call('runs:list', [])) as { id: string }[]).map((r) => r.id)).toEqual([run]);
  });

  it('exports a figure into the project with its sidecar, as somlab export does', async () => {
    const r = (await host.call('figures:export', [{ run, panel: 'qe', format: 'pdf' }])) as { files: string[] };
    expect(r.files).toEqual([`runs/${run}/figures/qe.pdf`]);
    expect((await readFile(join(project, r.files[0]!))).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await stat(join(project, `${r.files[0]}.provenance.json`))).isFile()).toBe(true);
  });

  it('refuses bad arguments with the field named', async () => {
    await expect(host.call('runs:update', [run, { tags: 'x' }])).rejects.toThrow(/arguments of runs:update/);
    await expect(host.call('figures:export', [{ run, panel: 'qe', format: 'doc' }])).rejects.toThrow(/format/);
  });
});

describe('withHonestPreset', () => {
  it('keeps a preset spec as it is and drops the preset from an edited one', () => {
    const spec = parseSpec({ ...findPreset('seed004-colors').spec, preset: 'seed004-colors' });
    expect(withHonestPreset(spec).preset).toBe('seed004-colors');
    expect(withHonestPreset({ ...spec, epochs: spec.epochs + 1 }).preset).toBeUndefined();
    expect(withHonestPreset({ ...spec, name: 'renamed' }).preset).toBe('seed004-colors');
  });
});
