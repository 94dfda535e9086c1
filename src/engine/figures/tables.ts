/**
 * A curve panel's data as CSV (csv-stringify; "nan" where a series has no value, which pandas and pgfplots
 * both read) and as a pgfplots figure that plots that CSV: \input it in a paper, the numbers stay beside it.
 */
import { stringify } from 'csv-stringify/sync';
import { OKABE_ITO } from '../../shared/charts/colours';
import type { PanelTable } from './panel';

export function tableCsv(t: PanelTable): string {
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : 'nan');
  return stringify([[t.xLabel, ...t.columns], ...t.rows.map((r) => r.map(cell))]);
}

/** TeX-safe text for titles, labels and legend entries. */
export function texText(s: string): string {
  return s.replace(/[\\{}$&#^_%~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\^{}' : `\\${c}`,
  );
}

export interface PgfOptions {
  title: string;
  csvFile: string;
  widthIn: number;
  log?: boolean;
}

export function tablePgf(t: PanelTable, o: PgfOptions): string {
  const colours = OKABE_ITO.map((c, k) => `\\definecolor{somlab${k}}{HTML}{${c.slice(1).toUpperCase()}}`);
  const y = t.percent ? (k: number) => `y expr=\\thisrowno{${k}}*100` : (k: number) => `y index=${k}`;
  const plots = t.columns.map(
    (name, k) =>
      `\\addplot[no markers, thick, color=somlab${k % OKABE_ITO.length}] ` +
      `table[x index=0, ${y(k + 1)}, col sep=comma] {${o.csvFile}};\n\\addlegendentry{${texText(name)}}`,
  );
  const axisOpts = [
    `width=${o.widthIn}in`,
    `height=${(o.widthIn * 0.68).toFixed(2)}in`,
    `title={${texText(o.title)}}`,
    `xlabel={${texText(t.xLabel)}}`,
    `ylabel={${texText(t.percent ? `${t.yLabel} (%)` : t.yLabel)}}`,
    ...(t.percent ? ['ymin=0', 'ymax=100'] : []),
    ...(o.log ? ['ymode=log'] : []),
    'unbounded coords=jump',
    'legend pos=outer north east',
    'legend style={font=\\footnotesize}',
    'tick label style={font=\\footnotesize}',
    'label style={font=\\small}',
    'title style={font=\\small}',
  ];
  return [
    `% Written by SOM Lab; data in ${o.csvFile}. Needs \\usepackage{pgfplots} (and \\pgfplotsset{compat=1.16}).`,
    ...colours,
    '\\begin{tikzpicture}',
    `\\begin{axis}[\n  ${axisOpts.join(',\n  ')}\n]`,
    ...plots,
    '\\end{axis}',
    '\\end{tikzpicture}',
    '',
  ].join('\n');
}
