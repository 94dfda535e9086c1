/** The bench table as aligned text columns. */
import type { Row } from './backend-child';

const fmt = (v: number | undefined, digits: number) => (v === undefined ? '-' : v.toFixed(digits));

/** Rows per case; a backend that did not start is one line under the table (case '*'). */
export function table(all: Row[], ref?: Record<string, number>): string {
  const rows = all.filter((r) => r.case !== '*');
  const notStarted = all.filter((r) => r.case === '*').map((r) => `${r.backend}: ${r.note}`);
  const head = [
    'case',
    'backend',
    'workers',
    'samples/s',
    'ms/step',
    'cpu ms/step',
    'GFLOP/s',
    'kernels',
    'reads (bytes)',
    ...(ref ? ['× ref'] : []),
    'device / note',
  ];
  const body = rows.map((r) => [
    r.case,
    r.backend,
    r.workers === undefined ? '-' : String(r.workers),
    fmt(r.samplesPerSec, 0),
    fmt(r.msPerStep, 1),
    fmt(r.cpuMsPerStep, 1),
    fmt(r.gflops, 2),
    r.counts ? `${r.counts.kernels}${r.counts.gpuPrograms === undefined ? '' : ` (${r.counts.gpuPrograms} GPU)`}` : '-',
    r.counts ? `${r.counts.reads} (${r.counts.bytesRead})` : '-',
    ...(ref ? [r.vsRef === undefined ? '-' : r.vsRef.toFixed(2)] : []),
    r.samplesPerSec ? (r.device ?? '') : (r.note ?? ''),
  ]);
  const cells = [head, ...body];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const lines = cells.map((c) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  if (notStarted.length) lines.push('', 'backends that did not start:', ...notStarted.map((l) => `  ${l}`));
  if (ref) lines.push('', `reference (samples/s): ${JSON.stringify(ref)}`);
  return lines.join('\n');
}
