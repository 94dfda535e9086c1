/**
 * A run's long phase outside its steps (converting a table into the dataset cache, decoding images, the
 * full-data evaluation at the end), as its `progress` events tell it, and how the run list and the Live view
 * word it: "evaluating 45 %".
 */
import type { PhaseReport, ProgressPhase, RunEvent } from '../../../shared/events';
import { formatBytes } from '../../../shared/admission/admit';

const VERB: Record<ProgressPhase, string> = { convert: 'converting', decode: 'decoding', evaluate: 'evaluating' };

/**
 * The phase after event `e`: a progress event's own while it runs (done < total), none once it is done or
 * the run has ended; any other event leaves it as it was.
 */
export function foldPhase(current: PhaseReport | undefined, e: RunEvent): PhaseReport | undefined {
  if (e.type === 'finished' || e.type === 'failed') return undefined;
  if (e.type !== 'progress') return current;
  const { phase, unit, done, total, rows, label } = e;
  if (!(done < total)) return undefined;
  return { phase, unit, done, total, ...(rows !== undefined ? { rows } : {}), ...(label ? { label } : {}) };
}

/** Share done, 0 to 1. */
export const phaseShare = (p: PhaseReport): number => (p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0);

/** "evaluating 45 %". */
export const phaseText = (p: PhaseReport): string => `${VERB[p.phase]} ${Math.floor(100 * phaseShare(p))} %`;

/** "18,432 of 40,960 rows", "12.0 MiB of 27.0 MiB (123,456 rows)". */
export function phaseDetail(p: PhaseReport): string {
  const n = (v: number): string => v.toLocaleString('en');
  if (p.unit === 'bytes')
    return `${formatBytes(p.done)} of ${formatBytes(p.total)}${p.rows !== undefined ? ` (${n(p.rows)} rows)` : ''}`;
  return `${n(p.done)} of ${n(p.total)} ${p.unit}`;
}
