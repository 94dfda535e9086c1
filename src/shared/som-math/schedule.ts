/** Decays for σ(t) and α(t) from `start` at t = 0 to `end` at t = T (closed table). */
import type { Decay } from '../options';
import type { Schedule } from '../spec';

const DECAY_FNS: Record<Decay, (start: number, end: number, f: number) => number> = {
  exponential: (s, e, f) => s * Math.pow(e / s, f),
  linear: (s, e, f) => s + (e - s) * f,
  // s / (1 + k·f) with k chosen so the value reaches `end` at f = 1.
  'inverse-time': (s, e, f) => s / (1 + (s / e - 1) * f),
};

export function decayValue(schedule: Pick<Schedule, 'start' | 'end' | 'decay'>, t: number, T: number): number {
  const f = T <= 0 ? 1 : Math.min(1, Math.max(0, t / T));
  return DECAY_FNS[schedule.decay](schedule.start, schedule.end, f);
}
