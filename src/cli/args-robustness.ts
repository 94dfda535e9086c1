/** The flags of `somlab robustness`: which runs, which attack, which ε (validated by RobustnessRequestSchema). */
import type { RobustnessRequestInput } from '../shared/robustness';

export const ROBUSTNESS_OPTIONS = {
  attack: { type: 'string' },
  eps: { type: 'string' },
  limit: { type: 'string' },
  steps: { type: 'string' },
} as const;

export interface RobustnessArgs {
  /** robustness: the runs to attack (--run A,B), each with the same request, printed side by side. */
  runs: string[];
  robustness: RobustnessRequestInput;
}

const numbers = (flag: string, raw: string): number[] =>
  raw.split(',').map((s) => {
    const n = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(n))
      throw new Error(`${flag}: expected numbers like 0,0.1,0.2, received "${raw}"`);
    return n;
  });

export function robustnessArgs(v: Record<string, string | boolean | string[] | undefined>): RobustnessArgs {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const req: Record<string, unknown> = {
    attack: str('attack'),
    eps: str('eps') === undefined ? undefined : numbers('--eps', str('eps')!),
    limit: str('limit') === undefined ? undefined : Number(str('limit')),
    steps: str('steps') === undefined ? undefined : Number(str('steps')),
  };
  return {
    runs: (str('run') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    robustness: Object.fromEntries(Object.entries(req).filter(([, x]) => x !== undefined)) as RobustnessRequestInput,
  };
}
