/** The Slurm executor's pure parts: the script's text, --array specs, Slurm's output parsed, task outcomes. */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../shared/project';
import { slurmConfig } from './config';
import { arrayScript, arraySpec, shellQuote } from './script';
import { parseSacct, parseSbatch, parseScontrol, parseSqueue } from './slurm-cli';
import { outcomeOf, tally, variantTasks } from './tasks';

const run = (status: RunSummary['status']): RunSummary =>
  ({ id: `r-${status}`, kind: 'som', status, versions: {}, startedAt: '', finalMetrics: {} }) as RunSummary;

describe('the sbatch array script', () => {
  it('has one task per variant, %N, the resources asked for, and runs the variant by its index', async () => {
    const config = await slurmConfig({ partition: 'gpu', time: '1:30:00', mem: '4G', gpus: 'a100:1' }, 2);
    const text = arrayScript({
      sweepName: 'σ sweep',
      sweepId: 'sigma-1234abcd',
      sweepFile: "/shared/it's/sweeps/sigma-1234abcd/sweep.json",
      projectDir: "/shared/it's",
      slurmDir: "/shared/it's/sweeps/sigma-1234abcd/slurm",
      variantCount: 8,
      config: { ...config, setup: ['module load nodejs/20'], sbatch: ['--constraint=avx2'] },
      somlab: "'/usr/bin/node' '/opt/somlab/bin/somlab.js'",
    });
    const directives = text.split('\n').filter((l) => l.startsWith('#SBATCH'));
    expect(directives).toEqual([
      '#SBATCH --job-name=somlab-sigma-1234abcd',
      '#SBATCH --array=0-7%2',
      "#SBATCH --output=/shared/it's/sweeps/sigma-1234abcd/slurm/logs/%A_%a.out",
      '#SBATCH --cpus-per-task=1',
      '#SBATCH --partition=gpu',
      '#SBATCH --time=1:30:00',
      '#SBATCH --mem=4G',
      '#SBATCH --gpus=a100:1',
      '#SBATCH --constraint=avx2',
    ]);
    expect(text).toContain('module load nodejs/20\nexec ');
    expect(text).toContain(
      `--sweep '/shared/it'\\''s/sweeps/sigma-1234abcd/sweep.json' --index "$SLURM_ARRAY_TASK_ID"`,
    );
    expect(text.trimEnd().endsWith(`--project '/shared/it'\\''s'`)).toBe(true);
  });

  it('compresses indices into ranges', () => {
    expect(arraySpec([0, 1, 2, 3])).toBe('0-3');
    expect(arraySpec([7, 1, 3, 2, 9, 10], 4)).toBe('1-3,7,9-10%4');
    expect(arraySpec([5])).toBe('5');
  });

  it('quotes anything for sh', () => {
    expect(shellQuote(`a b'c$d`)).toBe(`'a b'\\''c$d'`);
  });

  it('refuses bad resources naming the field, flags overriding the file', async () => {
    await expect(slurmConfig({ time: 'an hour' })).rejects.toThrow(
      'Slurm flags: time: expected minutes, HH:MM:SS or D-HH:MM:SS (received "an hour")',
    );
    await expect(slurmConfig({ partition: 'gpu; rm -rf /' })).rejects.toThrow('partition: expected a Slurm partition');
    await expect(slurmConfig({ cpusPerTask: 'two' })).rejects.toThrow('cpusPerTask: Invalid input: expected number');
  });
});

describe("Slurm's output", () => {
  // Captured from slurm-wlm 22.05 (Debian 12) with scripts/slurm-up.sh: a 4-task array job, %2.
  it('sbatch --parsable', () => {
    expect(parseSbatch('12\n')).toBe('12');
    expect(parseSbatch('12;cluster\n')).toBe('12');
    expect(() => parseSbatch('sbatch: error: invalid partition')).toThrow('not a job id');
  });

  it('squeue -r: one line per task, pending ones included', () => {
    const t = parseSqueue('2|RUNNING|vm\n3|PENDING|(JobArrayTaskLimit)\n');
    expect([...t]).toEqual([
      [2, { state: 'RUNNING', reason: 'vm' }],
      [3, { state: 'PENDING', reason: '(JobArrayTaskLimit)' }],
    ]);
  });

  it('scontrol -o show job: ended tasks, the pending range left out', () => {
    const out = [
      'JobId=1 ArrayJobId=1 ArrayTaskId=3 JobName=arr.sh JobState=COMPLETED Reason=None ExitCode=0:0 StdOut=/x/1_3',
      'JobId=4 ArrayJobId=1 ArrayTaskId=2 JobName=arr.sh JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0',
      'JobId=1 ArrayJobId=1 ArrayTaskId=4-7%2 ArrayTaskThrottle=2 JobState=PENDING Reason=None ExitCode=0:0',
    ].join('\n');
    expect([...parseScontrol(out)]).toEqual([
      [3, { state: 'COMPLETED', exitCode: '0:0', reason: 'None' }],
      [2, { state: 'FAILED', exitCode: '1:0', reason: 'NonZeroExitCode' }],
    ]);
  });

  it('sacct -P: array tasks by index, "CANCELLED by 0" as CANCELLED', () => {
    const t = parseSacct('12_0|COMPLETED|0:0\n12_1|CANCELLED by 0|0:15\n12_[2-3]|PENDING|0:0\n');
    expect([...t]).toEqual([
      [0, { state: 'COMPLETED', exitCode: '0:0' }],
      [1, { state: 'CANCELLED', exitCode: '0:15' }],
    ]);
  });
});

describe('task outcomes', () => {
  it('the project decides results, Slurm decides tasks that wait, run or died', () => {
    expect(outcomeOf(run('finished'), { state: 'COMPLETED' })).toBe('finished');
    expect(outcomeOf(run('finished'), undefined)).toBe('finished');
    expect(outcomeOf(undefined, { state: 'PENDING' })).toBe('pending');
    expect(outcomeOf(run('running'), { state: 'RUNNING' })).toBe('running');
    expect(outcomeOf(run('running'), undefined)).toBe('running');
    expect(outcomeOf(run('failed'), { state: 'FAILED', exitCode: '1:0' })).toBe('failed');
    expect(outcomeOf(undefined, { state: 'TIMEOUT' })).toBe('failed');
    expect(outcomeOf(undefined, undefined)).toBe('failed');
  });

  it('each variant follows the last submission that ran it, with its log', () => {
    const tasks = variantTasks({
      labels: ['a', 'b', 'c'],
      submissions: [
        { jobId: '10', indices: [0, 1, 2], submittedAt: '' },
        { jobId: '11', indices: [1], submittedAt: '' },
      ],
      states: new Map([
        ['10', new Map([[1, { state: 'OUT_OF_MEMORY', exitCode: '0:125' }]])],
        ['11', new Map([[1, { state: 'PENDING' }]])],
      ]),
      runs: new Map([[0, run('finished')]]),
      slurmDir: '/p/sweeps/s/slurm',
    });
    expect(tasks.map((t) => [t.index, t.outcome, t.slurmState, t.jobId, t.log])).toEqual([
      [0, 'finished', 'gone from Slurm', '10', '/p/sweeps/s/slurm/logs/10_0.out'],
      [1, 'pending', 'PENDING', '11', '/p/sweeps/s/slurm/logs/11_1.out'],
      [2, 'failed', 'gone from Slurm', '10', '/p/sweeps/s/slurm/logs/10_2.out'],
    ]);
    expect(tally(tasks)).toEqual({ pending: 1, running: 0, finished: 1, failed: 1 });
  });
});
