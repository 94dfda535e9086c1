/**
 * Figure and data export. In the browser a file is a download named with its provenance (run id, panel,
 * step); a host may install a sink (the server-side export with a provenance sidecar, Electron's save
 * dialog) through `setExportSink`, and every export goes there instead.
 */
import type { Point } from '../chart/decimate';

export interface Provenance {
  runId: string;
  panel: string;
  step?: number;
  extra?: Record<string, string | number>;
}
export interface ExportFile {
  name: string;
  mime: string;
  data: Blob | string;
  provenance: Provenance;
}
export type ExportSink = (f: ExportFile) => Promise<void> | void;

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';

export function exportName(p: Provenance, ext: string): string {
  const step = p.step !== undefined ? `-step${p.step}` : '';
  return `somlab-${safe(p.runId)}-${safe(p.panel)}${step}.${ext}`;
}

/** Rows of (x, series…) on the union of x values; a series without a value at x leaves the cell empty. */
export function seriesCsv(xName: string, series: { name: string; points: readonly Point[] }[]): string {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const cols = series.map((s) => new Map(s.points.map((p) => [p[0], p[1]])));
  const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[xName, ...series.map((s) => s.name)].map(esc).join(',')];
  for (const x of xs)
    lines.push([x, ...cols.map((c) => c.get(x))].map((v) => (v === undefined ? '' : String(v))).join(','));
  return lines.join('\n') + '\n';
}

function browserDownload(f: ExportFile): void {
  const blob =
    typeof f.data === 'string' && f.data.startsWith('data:')
      ? null
      : f.data instanceof Blob
        ? f.data
        : new Blob([f.data], { type: f.mime });
  const href = blob ? URL.createObjectURL(blob) : (f.data as string);
  const a = document.createElement('a');
  a.href = href;
  a.download = f.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (blob) setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

let sink: ExportSink = browserDownload;

/** Installs a host-side sink (e.g. an api call that writes the file and its sidecar into the run's figures/). */
export function setExportSink(s: ExportSink | null): void {
  sink = s ?? browserDownload;
}

export async function exportFile(f: ExportFile): Promise<void> {
  await sink(f);
}
