/**
 * Which CSV column is the label. A column named label, class, target or y (in that order of preference, any
 * case) always wins, whatever its cells hold; without one, the single text column of the first rows is the
 * label. Every other column is a feature and must hold numbers (csv-scan.ts reports the cells that do not).
 */
import { DatasetError } from '../types';
import type { CsvRecord } from './csv-records';

export const LABEL_NAMES = ['label', 'class', 'target', 'y'] as const;

/** A cell counts as a number when it is not empty and parses to a finite value. */
export function cellNumber(cell: string): number {
  if (cell === '') return NaN;
  const v = Number(cell);
  return Number.isFinite(v) ? v : NaN;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/** The label column's index from the header and the first rows of the file. */
export function labelColumn(header: readonly string[], first: readonly CsvRecord[], file: string): number {
  const lower = header.map((h) => h.toLowerCase());
  for (const name of LABEL_NAMES) {
    const at = lower.indexOf(name);
    if (at >= 0) return at;
  }
  const text = header
    .map((_, c) => c)
    .filter((c) =>
      first.some((r) => r.cells[c] !== undefined && r.cells[c] !== '' && Number.isNaN(cellNumber(r.cells[c]!))),
    );
  if (text.length === 1) return text[0]!;
  const names = LABEL_NAMES.join('/');
  if (text.length === 0)
    throw new DatasetError(file, `has no label column: name one ${names} or make it the only non-numeric column`);
  throw new DatasetError(
    file,
    `has no column named ${names} and ${text.length} text columns (${quoted(text.map((c) => header[c]!))}): ` +
      'rename the label column to "label"',
  );
}
