import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPanel, renderFigure } from './export';
import { figureProject } from './fixture-project.test-helper';

let root: string, project: string, run: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'somlab-figures-'));
  ({ project, run } = await figureProject(join(root, 'project')));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const read = (rel: string) => readFile(join(project, rel));

function parseSvg(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => void (level !== 'warning' && errors.push(msg)),
  }).parseFromString(text, 'image/svg+xml');
  expect(errors).toEqual([]);
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  return { root: doc.documentElement!, texts: all('text').map((t) => t.textContent ?? ''), all };
}

describe('single-panel exports', () => {
  it('draws a curve as SVG with its title, axis labels, 0–100 % ticks and a data path', async () => {
    const r = await exportPanel(project, { run, panel: 'te', format: 'svg' });
    expect(r.files).toEqual([`runs/${run}/figures/te.svg`]);
    const svg = parseSvg((await read(r.files[0]!)).toString());
    expect(svg.root.getAttribute('width')).toBe('252pt'); // 3.5 in
    expect(svg.texts).toEqual(expect.arrayContaining(['colours 4x4: Topographic error (TE)', 'step', 'TE (%)']));
    expect(svg.texts).toEqual(expect.arrayContaining(['0 %', '50 %', '100 %']));
    const lines = svg.all('path').filter((p) => p.getAttribute('stroke') === '#0072b2');
    expect(lines.length).toBeGreaterThan(0);
    // 11 rows: the line's path has a move and 10 line segments.
    expect(lines[0]!.getAttribute('d')!.match(/[ML]/g)!.length).toBeGreaterThanOrEqual(11);
  });

  it('draws a class map with one cell per neuron, class names in the legend and a provenance sidecar', async () => {
    const r = await exportPanel(project, { run, panel: 'classes', format: 'svg', step: 7 });
    expect(r.files).toEqual([`runs/${run}/figures/classes-step5.svg`]);
    const svg = parseSvg((await read(r.files[0]!)).toString());
    expect(svg.all('polygon')).toHaveLength(16);
    expect(svg.texts).toEqual(expect.arrayContaining(['colours 4x4: Class map (step 5)', 'red', 'green', 'blue']));
    const prov = JSON.parse((await read(`${r.files[0]}.provenance.json`)).toString());
    expect(prov).toMatchObject({
      format: 'somlab-provenance',
      files: r.files,
      runs: [{ id: run, steps: [5], layer: 'som' }],
    });
    expect(prov.runs[0].specHash).toMatch(/^[0-9a-f]{16}$/);
    expect(prov.command).toBe(
      `somlab export --project ${project} --run ${run} --panel classes --format svg --width 3.5in --dpi 300 --step 7`,
    );
  });

  it('writes a one-page PDF the size of the figure and a PNG at the chosen DPI', async () => {
    const pdf = await exportPanel(project, { run, panel: 'umatrix', format: 'pdf', width: '7in' });
    const bytes = await read(pdf.files[0]!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getWidth()).toBeCloseTo(504, 1);
    const png = await exportPanel(project, { run, panel: 'hits', format: 'png', dpi: 144 });
    const meta = await sharp(await read(png.files[0]!)).metadata();
    expect([meta.format, meta.width]).toEqual(['png', 504]); // 3.5 in × 144 dpi
  });

  it('writes curves as CSV and as pgfplots that reads that CSV', async () => {
    const csv = await exportPanel(project, { run, panel: 'qe', format: 'csv' });
    const rows = parse((await read(csv.files[0]!)).toString()) as string[][];
    expect(rows[0]).toEqual(['step', 'qe']);
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(Array.from({ length: 11 }, (_, s) => 1 / (s + 1)));
    const pgf = await exportPanel(project, { run, panel: 'te', format: 'pgf' });
    expect(pgf.files).toEqual([`runs/${run}/figures/te.tex`, `runs/${run}/figures/te.csv`]);
    const tex = (await read(pgf.files[0]!)).toString();
    expect(tex).toContain('table[x index=0, y expr=\\thisrowno{1}*100, col sep=comma] {te.csv}');
    expect(tex).toContain('ymin=0');
  });

  it('exports the filmstrip as an animated GIF, one frame per chosen snapshot, step 0 first', async () => {
    const r = await exportPanel(project, { run, panel: 'filmstrip', format: 'gif', dpi: 72 });
    const meta = await sharp(await read(r.files[0]!), { animated: true }).metadata();
    expect(meta.pages).toBe(3);
    expect(r.provenance.runs[0]!.steps).toEqual([0, 5, 10]);
  });

  it('refuses what it cannot draw, naming the problem', async () => {
    await expect(exportPanel(project, { run, panel: 'codebook', format: 'csv' })).rejects.toThrow(/has no table/);
    await expect(exportPanel(project, { run, panel: 'sdr', format: 'svg' })).rejects.toThrow(/no model\/sdr\.json/);
    await expect(exportPanel(project, { run, panel: 'umatrix', format: 'svg', layer: 'conv9' })).rejects.toThrow(
      /no SOM layer "conv9": its layers are som/,
    );
    await expect(exportPanel(project, { run, panel: 'maps' as never, format: 'svg' })).rejects.toThrow(/panel/);
    await expect(exportPanel(project, { run, panel: 'qe', format: 'svg', width: '9ft' })).rejects.toThrow(/width/);
  });

  it('never writes through a figures/ link that leaves the project', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'somlab-outside-'));
    await mkdir(join(project, 'runs', run, 'figures'), { recursive: true });
    await rm(join(project, 'runs', run, 'figures'), { recursive: true });
    await symlink(outside, join(project, 'runs', run, 'figures'));
    try {
      await expect(exportPanel(project, { run, panel: 'qe', format: 'svg' })).rejects.toThrow(/outside the allowed/);
    } finally {
      await rm(join(project, 'runs', run, 'figures'));
      await rm(outside, { recursive: true });
    }
  });
});

describe('composed figures', () => {
  it('lays panels on a grid with letters and one colour scale per row, and saves its spec', async () => {
    const spec = {
      name: 'fig-two',
      title: 'Two panels',
      width: '7in',
      columns: 2,
      panels: [
        { run, panel: 'umatrix' as const, step: 0 },
        { run, panel: 'umatrix' as const },
      ],
    };
    const r = await renderFigure(project, spec);
    expect(r.files).toEqual([
      'figures/fig-two.svg',
      'figures/fig-two.pdf',
      'figures/fig-two.png',
      'figures/fig-two.figure.json',
    ]);
    const svg = parseSvg((await read('figures/fig-two.svg')).toString());
    expect(svg.texts).toEqual(expect.arrayContaining(['(a)', '(b)', 'Two panels']));
    // Both U-matrices share one scale: it is drawn once, with the union of both ranges.
    expect(svg.texts.filter((t) => t === 'mean distance to neighbours')).toHaveLength(1);
    const pdf = await PDFDocument.load(await read('figures/fig-two.pdf'));
    expect([pdf.getPageCount(), Math.round(pdf.getPage(0).getWidth())]).toEqual([1, 504]);
    const saved = JSON.parse((await read('figures/fig-two.figure.json')).toString());
    expect(saved.panels).toHaveLength(2);
  });
});

const pdflatex = spawnSync('kpsewhich', ['pgfplots.sty'], { encoding: 'utf8' }).stdout?.trim();
if (!pdflatex)
  console.warn('figures test: pdflatex with pgfplots is not installed here; the .tex compile check is skipped');

describe.skipIf(!pdflatex)('pgfplots output', () => {
  it('compiles with pdflatex', async () => {
    const r = await exportPanel(project, { run, panel: 'qe', format: 'pgf' });
    const dir = join(project, 'runs', run, 'figures');
    const doc =
      '\\documentclass{article}\\usepackage{pgfplots}\\pgfplotsset{compat=1.16}' +
      '\\begin{document}\\input{qe.tex}\\end{document}';
    const out = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `\\def\\x{}${doc}`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out.status, out.stdout.slice(-800)).toBe(0);
    expect(r.files[0]).toMatch(/qe\.tex$/);
  }, 120_000);
});
