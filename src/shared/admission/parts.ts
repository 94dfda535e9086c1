/** The terms the memory estimate is made of (estimate.ts has the formulas), shared by the SOM and net kinds. */

/** Rows per chunk of the SOM batch step (engine/som/batch.ts CHUNK). */
export const SOM_CHUNK = 4096;
export const F32 = 4;

/** One term of the estimate: the spec field that makes it grow, what it is, and its bytes. */
export interface MemoryPart {
  field: string;
  what: string;
  bytes: number;
}

export const fmt = (n: number): string => n.toLocaleString('en-US');

/** The parts of one SOM of `n` neurons on `dim`-wide inputs trained in batches of `batch`. */
export function somParts(field: string, n: number, dim: number, batch: number, online = false): MemoryPart[] {
  const m = Math.min(batch, SOM_CHUNK);
  const parts: MemoryPart[] = [
    {
      field,
      what: `${fmt(n)} neurons: grid distances and neighbourhood, 3 × ${fmt(n)}² floats`,
      bytes: 3 * n * n * F32,
    },
    { field, what: `codebook ${fmt(n)} × ${fmt(dim)}, 3 copies`, bytes: 3 * n * dim * F32 },
  ];
  if (!online)
    parts.push({
      field: 'batchSize',
      what: `batch step: 4 × ${fmt(m)} rows × ${fmt(n)} neurons`,
      bytes: 4 * m * n * F32,
    });
  return parts;
}
