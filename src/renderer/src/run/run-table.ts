/**
 * The run table's search, filters and sort, as plain functions over run summaries (the table component only
 * holds the user's choices). Search matches the name, id, kind, preset, group, tags and note; each filter is
 * one exact value ('' for any); sorting by a metric puts runs without it last whatever the direction.
 */
import type { RunSummary } from '../../../shared/project';
import { pick } from '../util/format';

export const finalQe = (r: RunSummary): number | undefined => pick(r.finalMetrics, 'qe', 'somQe');
export const finalTe = (r: RunSummary): number | undefined => pick(r.finalMetrics, 'te', 'somTe');
export const finalAcc = (r: RunSummary): number | undefined =>
  pick(r.finalMetrics, 'testAccuracy', 'accuracy', 'trainAccuracy');

/**
 * What the table shows as a run's status: a run whose trainer has not written a row yet is "starting", unless
 * its live events (the runs store's progress) say it has trained steps or is evaluating them.
 */
export function shownStatus(r: RunSummary, live?: { step?: number; phase?: { phase: string } }): string {
  if (r.status !== 'running' || r.lastStep !== undefined) return r.status;
  return (live?.step ?? 0) > 0 || live?.phase?.phase === 'evaluate' ? 'running' : 'starting';
}

/** A run's name for people: the user's (or the spec's) name, else its preset or kind, never only an id. */
export const displayName = (r: Pick<RunSummary, 'name' | 'preset' | 'kind' | 'id'>): string =>
  r.name || r.preset || r.kind || r.id;

export const SORT_KEYS = ['started', 'name', 'kind', 'status', 'qe', 'te', 'accuracy'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableQuery {
  search: string;
  kind: string;
  tag: string;
  status: string;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_QUERY: TableQuery = {
  search: '',
  kind: '',
  tag: '',
  status: '',
  sort: 'started',
  descending: true,
};

const textOf = (r: RunSummary): string =>
  [r.name, r.id, r.kind, r.preset, r.group, r.note, ...(r.tags ?? [])].filter(Boolean).join(' ').toLowerCase();

/** Every word of the search must appear somewhere in the run's text. */
export function matches(r: RunSummary, q: TableQuery): boolean {
  if (q.kind && r.kind !== q.kind) return false;
  if (q.status && shownStatus(r) !== q.status) return false;
  if (q.tag && !(r.tags ?? []).includes(q.tag)) return false;
  const words = q.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = textOf(r);
  return words.every((w) => text.includes(w));
}

const KEY: Record<SortKey, (r: RunSummary) => string | number | undefined> = {
  started: (r) => r.startedAt,
  name: (r) => displayName(r).toLowerCase(),
  kind: (r) => r.kind,
  status: (r) => shownStatus(r),
  qe: finalQe,
  te: finalTe,
  accuracy: finalAcc,
};

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

const missing = (v: string | number | undefined): boolean => v === undefined || (typeof v === 'number' && isNaN(v));

/** The runs to show, in order. Ties keep the newest first. */
export function queryRuns(list: readonly RunSummary[], q: TableQuery): RunSummary[] {
  const key = KEY[q.sort];
  const sign = q.descending ? -1 : 1;
  return list
    .filter((r) => matches(r, q))
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => {
      const newest = b.r.startedAt.localeCompare(a.r.startedAt);
      if (missing(a.k) || missing(b.k)) return Number(missing(a.k)) - Number(missing(b.k)) || newest;
      return sign * compare(a.k, b.k) || newest;
    })
    .map(({ r }) => r);
}

/** The values the filters offer: kinds, tags and statuses present in the list, sorted. */
export function facets(list: readonly RunSummary[]): { kinds: string[]; tags: string[]; statuses: string[] } {
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    kinds: sorted(new Set(list.map((r) => r.kind))),
    tags: sorted(new Set(list.flatMap((r) => r.tags ?? []))),
    statuses: sorted(new Set(list.map((r) => shownStatus(r)))),
  };
}

/** "a, b , ,c" → ['a', 'b', 'c'] (the tag field's text), duplicates dropped. */
export const parseTags = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];
