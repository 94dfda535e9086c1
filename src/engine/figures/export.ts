/**
 * Exports written into the project, the same from the UI (through the Api) and from `somlab export` /
 * `somlab figure`: one panel of one run into runs/<id>/figures/, a composed figure into figures/ (with its
 * figure spec, so it can be rendered again), each with a provenance sidecar.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { stringifyJson } from '../runs/atomic';
import {
  ExportRequestSchema,
  FigureSpecSchema,
  lengthToPt,
  type ExportRequestInput,
  type ExportResult,
  type FigureSpecInput,
  type PanelRef,
  type Provenance,
} from '../../shared/figure-spec';
import { parseWith } from '../../shared/validate';
import { layerStem } from '../runs/paths';
import { somlabVersion } from '../version';
import { composeGrid } from './compose';
import { framesToGif, svgToPdf, svgToPng, svgToRgba } from './formats';
import type { PreparedPanel } from './panel';
import { preparePanel } from './panels';
import { projectSource, type FigureSource } from './source';
import { svgDocument, type Art } from './svg';
import { tableCsv, tablePgf } from './tables';
import { writeInProject } from './write';

async function provenance(
  src: FigureSource,
  panels: PreparedPanel[],
  refs: PanelRef[],
  files: string[],
  command: string,
): Promise<Provenance> {
  const runs = new Map<string, Provenance['runs'][number]>();
  for (const p of panels)
    for (const r of p.runs) {
      const d = await src.run(r.id);
      const prev = runs.get(r.id);
      const specHash = createHash('sha256').update(stringifyJson(d.spec)).digest('hex').slice(0, 16);
      runs.set(r.id, {
        id: r.id,
        specHash,
        steps: [...new Set([...(prev?.steps ?? []), ...r.steps])].sort((a, b) => a - b),
        ...((r.layer ?? prev?.layer) ? { layer: r.layer ?? prev?.layer } : {}),
      });
    }
  return {
    format: 'somlab-provenance',
    files,
    runs: [...runs.values()],
    panels: refs,
    somlab: somlabVersion() ?? 'unknown',
    createdAt: new Date().toISOString(),
    command,
  };
}

const quote = (s: string): string => (/^[\w./:=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function exportCommand(projectDir: string, r: ReturnType<typeof ExportRequestSchema.parse>): string {
  const args = [
    'somlab',
    'export',
    '--project',
    projectDir,
    '--run',
    r.run,
    '--panel',
    r.panel,
    '--format',
    r.format,
    '--width',
    r.width,
    '--dpi',
    String(r.dpi),
  ];
  if (r.step !== undefined) args.push('--step', String(r.step));
  if (r.layer) args.push('--layer', r.layer);
  if (r.x !== 'step') args.push('--x', r.x);
  if (r.log) args.push('--log');
  if (r.with.length) args.push('--with', r.with.join(','));
  if (r.panel === 'filmstrip') args.push('--frames', String(r.frames));
  return args.map(quote).join(' ');
}

async function vectorFiles(
  art: Art,
  title: string,
  format: 'svg' | 'pdf' | 'png',
  dpi: number,
): Promise<string | Buffer> {
  const svg = svgDocument(art, title);
  if (format === 'svg') return svg;
  return format === 'pdf' ? svgToPdf(svg, art, title) : svgToPng(svg, dpi);
}

/** One panel of one run in one format, into runs/<id>/figures/. */
export async function exportPanel(
  projectDir: string,
  input: ExportRequestInput,
  src = projectSource(projectDir),
): Promise<ExportResult> {
  const r = parseWith(ExportRequestSchema, input, 'export request');
  const panel = await preparePanel(src, r);
  const width = lengthToPt(r.width);
  const shown = panel.runs[0]!;
  const stem = [
    r.panel,
    shown.layer && shown.layer !== 'som' ? layerStem(shown.layer) : '',
    r.step !== undefined ? `step${shown.steps.at(-1)}` : '',
  ]
    .filter(Boolean)
    .join('-');
  const base = `runs/${r.run}/figures/${stem}`;
  const files: string[] = [];
  if (r.format === 'csv' || r.format === 'pgf') {
    if (!panel.table)
      throw new Error(
        `panel ${r.panel} has no table: --format ${r.format} needs a curve panel ` +
          '(loss, accuracy, qe, te, schedule, mask-sparsity, mask-strength, robustness) or firing, class-firing',
      );
    const t = panel.table();
    files.push(await writeInProject(projectDir, `${base}.csv`, tableCsv(t)));
    if (r.format === 'pgf')
      files.unshift(
        await writeInProject(
          projectDir,
          `${base}.tex`,
          tablePgf(t, { title: panel.title, csvFile: `${stem}.csv`, widthIn: width / 72, log: r.log }),
        ),
      );
  } else if (r.format === 'gif') {
    if (!panel.frames) throw new Error(`panel ${r.panel} has no frames: --format gif needs the filmstrip panel`);
    const frames = await Promise.all(
      (await panel.frames({ width })).map((a) => svgToRgba(svgDocument(a), Math.min(r.dpi, 150))),
    );
    files.push(await writeInProject(projectDir, `${base}.gif`, framesToGif(frames, 500)));
  } else {
    const art = await panel.render({ width });
    files.push(
      await writeInProject(projectDir, `${base}.${r.format}`, await vectorFiles(art, panel.title, r.format, r.dpi)),
    );
  }
  const prov = await provenance(src, [panel], [r], files, exportCommand(projectDir, r));
  await writeInProject(projectDir, `${files[0]}.provenance.json`, stringifyJson(prov, 2) + '\n');
  return { files, provenance: prov };
}

/** A composed figure: its spec saved as figures/<name>.figure.json and rendered to figures/<name>.{svg,pdf,png}. */
export async function renderFigure(
  projectDir: string,
  input: FigureSpecInput,
  src = projectSource(projectDir),
): Promise<ExportResult> {
  const spec = parseWith(FigureSpecSchema, input, 'figure spec');
  const panels = await Promise.all(spec.panels.map((p) => preparePanel(src, p)));
  const art = await composeGrid(panels, lengthToPt(spec.width), spec.columns, spec.title);
  const title = spec.title ?? spec.name;
  const specFile = await writeInProject(
    projectDir,
    `figures/${spec.name}.figure.json`,
    JSON.stringify(spec, null, 2) + '\n',
  );
  const files: string[] = [];
  for (const f of spec.formats)
    files.push(
      await writeInProject(projectDir, `figures/${spec.name}.${f}`, await vectorFiles(art, title, f, spec.dpi)),
    );
  const command = `somlab figure --project ${quote(resolve(projectDir))} ${quote(join(resolve(projectDir), specFile))}`;
  const prov = await provenance(src, panels, spec.panels, [...files, specFile], command);
  await writeInProject(projectDir, `figures/${spec.name}.provenance.json`, stringifyJson(prov, 2) + '\n');
  return { files: [...files, specFile], provenance: prov };
}
