/**
 * One long phase's `progress` reports, throttled so a pass of thousands of chunks sends a few events a second:
 * the start (done 0), then at most one report per `everyMs`, and always the end (done === total). `rows`
 * rides along where `done` counts something else (a CSV's bytes).
 */
import type { PhaseReport } from '../../shared/events';

export type Report = (p: PhaseReport) => void;

export function phaseReporter(
  report: Report | undefined,
  what: Omit<PhaseReport, 'done'>,
  everyMs = 250,
  now: () => number = Date.now,
): (done: number, rows?: number) => void {
  if (!report) return () => undefined;
  let told = -Infinity;
  let last = -1;
  const tell = (done: number, rows?: number): void => {
    if (done === last) return;
    if (done < what.total && now() - told < everyMs) return;
    told = now();
    last = done;
    report({ ...what, done, ...(rows !== undefined ? { rows } : {}) });
  };
  tell(0);
  return tell;
}
