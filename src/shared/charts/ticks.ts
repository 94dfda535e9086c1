/**
 * Axis ticks that tell the truth: "nice" steps (1, 2, 5 × 10ⁿ) inside the data range, labels printed with
 * just enough decimals that no two read the same ("0 %, 0 %, 1 %" cannot happen), fractions on a fixed
 * 0–100 % axis, and decades on a log axis. Shared by the engine's figures and the renderer's charts.
 */

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
  labels: string[];
  log: boolean;
  /** Counts (steps, epochs): ticks only at whole numbers. */
  whole?: boolean;
}

/** A 1-2-5 step that puts about `target` ticks across `span`. */
export function niceStep(span: number, target = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

/**
 * Multiples of a nice step covering [lo, hi] (the axis is widened to the outer ticks); `minStep` keeps the
 * step at or above it (1 for counts, so a short run never shows a tick at step 0.5).
 */
export function niceTicks(lo: number, hi: number, target = 5, minStep = 0): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi <= lo) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.5, hi + Math.abs(hi) * 0.5];
  const step = Math.max(minStep, niceStep(hi - lo, target));
  const first = Math.floor(lo / step + 1e-9),
    last = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/**
 * Labels with the fewest decimals (0–6) that print every tick exactly (0.25 is "0.25", never "0.3"), which
 * also keeps them distinct; ticks that no decimal count prints exactly get the fewest that keep them distinct.
 */
export function tickLabels(values: readonly number[], percent = false): string[] {
  const scaled = values.map((v) => (percent ? v * 100 : v));
  const big = Math.max(...scaled.map(Math.abs));
  const exp = big >= 1e5 || (big > 0 && big < 1e-3);
  const print = (d: number) =>
    scaled.map((v) => (exp ? v.toExponential(d) : v.toFixed(d)).replace(/^-0(\.0*)?$/, '0$1'));
  const unit = (l: string) => (percent ? `${l} %` : l);
  for (let d = 0; d <= 6; d++) {
    const labels = print(d);
    if (labels.every((l, i) => Math.abs(Number(l) - scaled[i]!) <= 1e-9 * Math.max(1, Math.abs(scaled[i]!))))
      return labels.map(unit);
  }
  for (let d = 0; d <= 6; d++) {
    const labels = print(d);
    if (new Set(labels).size === labels.length) return labels.map(unit);
  }
  return scaled.map((v) => unit(String(v)));
}

/** Decades (and 2×, 5× between them when the range is short) from the one at or below lo to the one at or above hi. */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo)),
    b = Math.ceil(Math.log10(hi));
  const mult = b - a <= 2 ? [1, 2, 5] : [1];
  const all: number[] = [];
  for (let e = a; e <= b; e++) for (const m of mult) all.push(Number((m * 10 ** e).toPrecision(12)));
  const below = all.filter((v) => v <= lo).pop() ?? all[0]!;
  const above = all.find((v) => v >= hi) ?? all[all.length - 1]!;
  return all.filter((v) => v >= below && v <= above);
}

export interface AxisOptions {
  /** Values are fractions: a fixed 0–100 % axis, whatever the data. */
  fraction?: boolean;
  log?: boolean;
  target?: number;
  /** Counts (steps, epochs): a tick step of at least 1, never 0.5 (ignored for fractions and log axes). */
  whole?: boolean;
}

/** Finite extent of some values; null when none is finite (or, for a log axis, none is positive). */
export function finiteExtent(values: Iterable<number>, positiveOnly = false): [number, number] | null {
  let lo = Infinity,
    hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? null : [lo, hi];
}

/** The y (or x) axis for some values. */
export function axisFor(values: Iterable<number>, o: AxisOptions = {}): Axis {
  if (o.fraction) {
    const ticks = [0, 0.25, 0.5, 0.75, 1];
    return { min: 0, max: 1, ticks, labels: tickLabels(ticks, true), log: false };
  }
  if (o.log) {
    const ext = finiteExtent(values, true) ?? [1, 10];
    const ticks = logTicks(ext[0], ext[1] > ext[0] ? ext[1] : ext[0] * 10);
    // Log ticks are distinct by construction: each gets its own fewest decimals (0.01, 0.1, 1, 10).
    const labels = ticks.map((v) => tickLabels([v])[0]!);
    return { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks, labels, log: true };
  }
  const ext = finiteExtent(values) ?? [0, 1];
  const ticks = niceTicks(ext[0], ext[1], o.target, o.whole ? 1 : 0);
  const axis: Axis = { min: ticks[0]!, max: ticks[ticks.length - 1]!, ticks, labels: tickLabels(ticks), log: false };
  return o.whole ? { ...axis, whole: true } : axis;
}
