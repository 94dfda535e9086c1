/**
 * SOM snapshots and winner traces on disk, one array set per (layer, step): `snapshots/<layer>-<step>.json`
 * with `<layer>-<step>.{codebook,hits,umatrix,classMap}.npy`, and `winners/<layer>-<step>.json` with
 * `.{winners,labels}.npy`, so the UI's time scrubber loads any step it lists without reading the others and
 * NumPy opens each array with its grid shape (codebook: rows × cols × the sample's shape).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { z } from 'zod';
import type { SomSnapshot, WinnerTrace } from '../../shared/run-types';
import { TOPOLOGIES } from '../../shared/options';
import { parseWith } from '../../shared/validate';
import { readArrayFile, writeArrayFile, type StoredArray } from './array-file';
import { arrayFileStem, parseArrayFileStem } from './paths';

const SnapshotMetaSchema = z.object({
  step: z.number().int().min(0),
  layer: z.string(),
  rows: z.number().int().min(1),
  cols: z.number().int().min(1),
  topology: z.enum(TOPOLOGIES),
  shape: z.array(z.number().int().min(0)),
  codeLayout: z.boolean().optional(),
});
const WinnersMetaSchema = z.object({ step: z.number().int().min(0), layer: z.string() });

/** The per-neuron vector's shape, or its flat length when the recorded shape does not multiply out to it. */
function codebookShape(s: SomSnapshot): number[] {
  const per = s.codebook.length / (s.rows * s.cols);
  return s.shape.length > 0 && s.shape.reduce((a, b) => a * b, 1) === per ? s.shape : [per];
}

export async function writeSnapshotFiles(dir: string, s: SomSnapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { step, layer, rows, cols, topology, shape, codeLayout } = s;
  const meta = { step, layer, rows, cols, topology, shape, ...(codeLayout ? { codeLayout } : {}) };
  const grid = [s.rows, s.cols];
  await writeArrayFile(dir, arrayFileStem(s.layer, s.step), meta, {
    codebook: { data: s.codebook, shape: [...grid, ...codebookShape(s)] },
    hits: { data: s.hits, shape: grid },
    umatrix: { data: s.umatrix, shape: grid },
    classMap: s.classMap && { data: s.classMap, shape: grid },
    firing: s.firing && { data: s.firing, shape: grid },
    firingByClass: s.firingByClass && {
      data: s.firingByClass,
      shape: [...grid, s.firingByClass.length / (s.rows * s.cols)],
    },
  });
}

function need<T extends StoredArray>(
  arrays: Record<string, StoredArray>,
  name: string,
  Ctor: new (n: number) => T,
  where: string,
): T {
  const a = arrays[name];
  if (!(a instanceof Ctor)) throw new Error(`${where}: array "${name}" is missing or has the wrong dtype`);
  return a;
}

export async function readSnapshotFiles(dir: string, layer: string, step: number): Promise<SomSnapshot> {
  const stem = arrayFileStem(layer, step);
  const { header, arrays } = await readArrayFile(dir, stem);
  const where = `${dir}/${stem}.json`;
  const meta = parseWith(SnapshotMetaSchema, header, where);
  const snapshot: SomSnapshot = {
    ...meta,
    codebook: need(arrays, 'codebook', Float32Array, where),
    hits: need(arrays, 'hits', Float32Array, where),
    umatrix: need(arrays, 'umatrix', Float32Array, where),
  };
  if (arrays.classMap) snapshot.classMap = need(arrays, 'classMap', Int32Array, where);
  if (arrays.firing) snapshot.firing = need(arrays, 'firing', Float32Array, where);
  if (arrays.firingByClass) snapshot.firingByClass = need(arrays, 'firingByClass', Float32Array, where);
  return snapshot;
}

export async function writeWinnerFiles(dir: string, w: WinnerTrace): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeArrayFile(
    dir,
    arrayFileStem(w.layer, w.step),
    { step: w.step, layer: w.layer },
    { winners: w.winners, labels: w.labels },
  );
}

export async function readWinnerFiles(dir: string, layer: string, step: number): Promise<WinnerTrace> {
  const stem = arrayFileStem(layer, step);
  const { header, arrays } = await readArrayFile(dir, stem);
  const where = `${dir}/${stem}.json`;
  const meta = parseWith(WinnersMetaSchema, header, where);
  const out: WinnerTrace = { ...meta, winners: need(arrays, 'winners', Int32Array, where) };
  if (arrays.labels) out.labels = need(arrays, 'labels', Int32Array, where);
  return out;
}

/** (layer, step) of every complete pair in `dir`, sorted by step then layer; [] when the folder is absent. */
export async function listArrayFiles(dir: string): Promise<{ layer: string; step: number }[]> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  const found = names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .map((n) => parseArrayFileStem(n.slice(0, -'.json'.length)))
    .filter((x): x is { layer: string; step: number } => x !== null);
  return found.sort((a, b) => a.step - b.step || a.layer.localeCompare(b.layer));
}
