import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPanel } from './export';
import { ACCURACY, CODE_BY_CLASS, CODE_FIRING, EPS, healthProject } from './fixture-health.test-helper';

let root: string, project: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'somlab-health-'));
  project = join(root, 'project');
  await healthProject(project);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const read = (rel: string) => readFile(join(project, rel));
const csvRows = async (rel: string) => parse((await read(rel)).toString()) as string[][];
function svgOf(text: string) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  return { all, texts: all('text').map((t) => t.textContent ?? '') };
}
const near = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));

describe('lattice health panels', () => {
  it('firing: one cell per unit on the 2 × 3 code grid, the dead unit crossed, the always-on one ringed', async () => {
    const r = await exportPanel(project, { run: 'fig-kwta', panel: 'firing', format: 'svg' });
    expect(r.files).toEqual(['runs/fig-kwta/figures/firing-code.svg']);
    const svg = svgOf((await read(r.files[0]!)).toString());
    expect(svg.texts).toEqual(
      expect.arrayContaining([
        'kwta: Firing (code code, 2×3 by unit index, step 4)',
        '1 dead (×) · 1 always on (○) of 6 units',
        'fraction of samples fired for',
      ]),
    );
    const cells = svg.all('polygon').filter((p) => p.getAttribute('class') === null);
    expect(cells).toHaveLength(6);
    // Viridis from 0 (unit 0, #440154) to the busiest unit (unit 1, rate 1: #fde725).
    expect([cells[0]!.getAttribute('fill'), cells[1]!.getAttribute('fill')]).toEqual([
      'rgb(68,1,84)',
      'rgb(253,231,37)',
    ]);
    expect(svg.all('path').filter((p) => p.getAttribute('class') === 'dead')).toHaveLength(1);
    expect(svg.all('polygon').filter((p) => p.getAttribute('class') === 'always-on')).toHaveLength(1);
    expect(r.provenance.runs).toMatchObject([{ id: 'fig-kwta', steps: [4], layer: 'code' }]);
  });

  it('firing and class-firing CSVs are the recorded rates, unit by unit', async () => {
    const f = await csvRows(
      (await exportPanel(project, { run: 'fig-kwta', panel: 'firing', format: 'csv' })).files[0]!,
    );
    expect(f[0]).toEqual(['unit', 'firing']);
    expect(f.slice(1).map((r) => Number(r[0]))).toEqual([0, 1, 2, 3, 4, 5]);
    near(
      f.slice(1).map((r) => Number(r[1])),
      CODE_FIRING,
    );
    const out = await exportPanel(project, { run: 'fig-kwta', panel: 'class-firing', format: 'csv' });
    const c = await csvRows(out.files[0]!);
    expect(c[0]).toEqual(['unit', 'a', 'b', 'c']);
    near(
      c.slice(1).flatMap((r) => r.slice(1).map(Number)),
      CODE_BY_CLASS,
    );
  });

  it('class-firing SVG: each unit in its class colour, faded by selectivity, the dead unit grey', async () => {
    const r = await exportPanel(project, { run: 'fig-kwta', panel: 'class-firing', format: 'svg' });
    const svg = svgOf((await read(r.files[0]!)).toString());
    const cells = svg.all('polygon').filter((p) => p.getAttribute('fill-opacity') !== null);
    // Unit 0 never fires; unit 1 fires for all three classes alike (opacity floor 0.15); unit 2 at 1/2, 1/3, 0:
    // share 0.5 / (5/6) = 0.6, opacity (0.6 − 1/3) / (2/3) = 0.4; units 3–5 fire for one class only.
    expect(cells.map((p) => p.getAttribute('fill-opacity'))).toEqual([
      '1.000',
      '0.150',
      '0.400',
      '1.000',
      '1.000',
      '1.000',
    ]);
    expect(cells[0]!.getAttribute('fill')).toBe('#eceff3');
    expect(svg.texts).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });

  it('draws as PDF and PNG too, and names what is missing', async () => {
    const pdf = await exportPanel(project, { run: 'fig-kwta', panel: 'firing', format: 'pdf' });
    expect((await PDFDocument.load(await read(pdf.files[0]!))).getPageCount()).toBe(1);
    const png = await exportPanel(project, { run: 'fig-kwta', panel: 'class-firing', format: 'png', dpi: 72 });
    expect((await sharp(await read(png.files[0]!)).metadata()).width).toBe(252);
    await expect(exportPanel(project, { run: 'fig-a', panel: 'firing', format: 'svg' })).rejects.toThrow(
      /saved no SOM map|none of its layers/,
    );
  });
});

describe('robustness panel', () => {
  it('one line per attack; the CSV holds accuracy at each ε', async () => {
    const r = await exportPanel(project, { run: 'fig-a', panel: 'robustness', format: 'csv' });
    const rows = await csvRows(r.files[0]!);
    expect(rows[0]).toEqual(['ε', 'FGSM (8 samples)', 'PGD (8 samples)']);
    expect(rows.slice(1).map((x) => x.map(Number))).toEqual(
      EPS.map((e, i) => [e, ACCURACY['fig-a']!.fgsm[i], ACCURACY['fig-a']!.pgd[i]]),
    );
    const svg = svgOf(
      (
        await read((await exportPanel(project, { run: 'fig-a', panel: 'robustness', format: 'svg' })).files[0]!)
      ).toString(),
    );
    expect(svg.texts).toEqual(expect.arrayContaining(['baseline-mlp: accuracy under attack', 'ε', 'FGSM (8 samples)']));
  });

  it('several runs with --with: a column per run and attack, named by what differs (the seed)', async () => {
    const r = await exportPanel(project, { run: 'fig-a', panel: 'robustness', format: 'pgf', with: ['fig-b'] });
    expect(r.files).toEqual(['runs/fig-a/figures/robustness.tex', 'runs/fig-a/figures/robustness.csv']);
    const rows = await csvRows(r.files[1]!);
    expect(rows[0]).toEqual(['ε', 'seed=1 · FGSM', 'seed=1 · PGD', 'seed=2 · FGSM', 'seed=2 · PGD']);
    const b = ACCURACY['fig-b']!;
    expect(rows[3]!.map(Number)).toEqual([0.2, 0.25, 0.125, b.fgsm[2], b.pgd[2]]);
    expect((await read(r.files[0]!)).toString()).toContain('y expr=\\thisrowno{4}*100');
    expect(r.provenance.runs.map((x) => x.id)).toEqual(['fig-a', 'fig-b']);
  });

  it('a run without curves is named, with the command that makes them', async () => {
    await expect(exportPanel(project, { run: 'fig-kwta', panel: 'robustness', format: 'svg' })).rejects.toThrow(
      /fig-kwta has no robustness curve yet: .*somlab robustness --run fig-kwta/,
    );
  });
});
