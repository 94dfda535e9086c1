import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/project';
import { DEFAULT_QUERY, displayName, facets, parseTags, queryRuns, shownStatus } from './run-table';

const run = (id: string, o: Partial<RunSummary> = {}): RunSummary => ({
  id,
  kind: 'som',
  status: 'finished',
  versions: {},
  startedAt: `2026-12-02T10:${id.padStart(2, '0')}:00Z`,
  finalMetrics: {},
  lastStep: 10,
  ...o,
});

const list = [
  run('1', { name: 'colours baseline', tags: ['paper'], finalMetrics: { qe: 0.3, te: 0.1 } }),
  run('2', { kind: 'som-mask-cnn', preset: 'seed-cnn', finalMetrics: { testAccuracy: 0.98 }, note: 'theta 0.5' }),
  run('3', { status: 'failed', tags: ['paper', 'bad'], finalMetrics: { qe: 0.1 } }),
  run('4', { status: 'running', lastStep: undefined }),
  run('5', { status: 'queued', lastStep: undefined, finalMetrics: { qe: NaN } }),
];
const ids = (rs: RunSummary[]) => rs.map((r) => r.id);

describe('run table query', () => {
  it('lists newest first by default', () => {
    expect(ids(queryRuns(list, DEFAULT_QUERY))).toEqual(['5', '4', '3', '2', '1']);
  });

  it('searches name, note, tags, preset and id, every word', () => {
    const q = (search: string) => ids(queryRuns(list, { ...DEFAULT_QUERY, search }));
    expect(q('baseline')).toEqual(['1']);
    expect(q('THETA')).toEqual(['2']);
    expect(q('paper')).toEqual(['3', '1']);
    expect(q('paper bad')).toEqual(['3']);
    expect(q('seed-cnn')).toEqual(['2']);
    expect(q('nothing-like-this')).toEqual([]);
  });

  it('filters by kind, tag and status (a running run with no row yet is "starting")', () => {
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, kind: 'som-mask-cnn' }))).toEqual(['2']);
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, tag: 'bad' }))).toEqual(['3']);
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, status: 'starting' }))).toEqual(['4']);
    expect(shownStatus(list[4]!)).toBe('queued');
    // Live events say more than the last read of the disk: steps trained, or the evaluation after them.
    expect(shownStatus(list[3]!, { step: 5 })).toBe('running');
    expect(shownStatus(list[3]!, { phase: { phase: 'evaluate' } })).toBe('running');
    expect(shownStatus(list[3]!, { phase: { phase: 'convert' } })).toBe('starting');
  });

  it('sorts by a final metric either way, runs without it last', () => {
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, sort: 'qe', descending: false }))).toEqual([
      '3',
      '1',
      '5',
      '4',
      '2',
    ]);
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, sort: 'qe', descending: true })).slice(0, 2)).toEqual(['1', '3']);
    expect(ids(queryRuns(list, { ...DEFAULT_QUERY, sort: 'name', descending: false })).slice(0, 2)).toEqual(['1', '2']);
  });

  it('offers the kinds, tags and statuses present; names runs by name, preset or kind', () => {
    expect(facets(list)).toEqual({
      kinds: ['som', 'som-mask-cnn'],
      tags: ['bad', 'paper'],
      statuses: ['failed', 'finished', 'queued', 'starting'],
    });
    expect([displayName(list[0]!), displayName(list[1]!), displayName(list[2]!)]).toEqual([
      'colours baseline',
      'seed-cnn',
      'som',
    ]);
    expect(parseTags(' a, b ,, a,c ')).toEqual(['a', 'b', 'c']);
  });
});
