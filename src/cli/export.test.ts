/** `somlab export` and `somlab figure` write the same files as the engine's calls (the UI goes through those). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPanel, renderFigure } from '../engine/figures';
import { figureProject } from '../engine/figures/fixture-project.test-helper';
import { main } from './index';

let root: string, project: string, run: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'somlab-cli-export-'));
  ({ project, run } = await figureProject(join(root, 'project')));
});
afterAll(() => rm(root, { recursive: true, force: true }));
const read = (rel: string) => readFile(join(project, rel), 'utf8');

describe('somlab export / somlab figure', () => {
  it('export writes the same file as the engine call, and its provenance command reproduces it', async () => {
    const r = await exportPanel(project, { run, panel: 'qe', format: 'svg', step: 10 });
    const first = await read(r.files[0]!);
    expect(
      await main(['export', '--project', project, '--run', run, '--panel', 'qe', '--format', 'svg', '--step', '10']),
    ).toBe(0);
    expect(await read(r.files[0]!)).toBe(first);
    const argv = r.provenance.command.split(' ').slice(1);
    expect(await main(argv)).toBe(0);
    expect(await read(r.files[0]!)).toBe(first);
  });

  it('figure renders a saved figure spec again into the same SVG', async () => {
    const r = await renderFigure(project, {
      name: 'again',
      columns: 2,
      panels: [
        { run, panel: 'umatrix' },
        { run, panel: 'te' },
      ],
    });
    const svg = await read('figures/again.svg');
    expect(await main(['figure', '--project', project, join(project, 'figures/again.figure.json')])).toBe(0);
    expect(await read('figures/again.svg')).toBe(svg);
    expect(r.provenance.command).toBe(
      `somlab figure --project ${project} ${join(project, 'figures/again.figure.json')}`,
    );
  });

  it('says what is wrong with a bad request, and --help works', async () => {
    expect(await main(['export', '--project', project, '--run', run, '--panel', 'nope', '--format', 'svg'])).toBe(1);
    expect(await main(['export', '--project', project, '--run', run])).toBe(2);
    expect(await main(['--help'])).toBe(0);
  });
});
