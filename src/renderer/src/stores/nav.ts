/**
 * Which view is shown, kept in the URL hash (#/runs, #/live/<run-id>, #/compare?runs=a,b, #/playground) so
 * reloads, links and Back work.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const VIEWS = ['runs', 'live', 'compare', 'sweeps', 'playground'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  runId: string | null;
  /** The runs of #/compare?runs=… (ids, in the order chosen). */
  runs: string[];
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const [, v, id] = path.split('/');
  const view = (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'runs';
  const runs = (new URLSearchParams(query).get('runs') ?? '').split(',').filter((s) => s.length > 0);
  return {
    view,
    runId: view === 'live' && id ? decodeURIComponent(id) : null,
    runs: view === 'compare' ? [...new Set(runs)] : [],
  };
}

export function compareHash(runs: readonly string[]): string {
  // Run ids are letters, digits, . _ - : no escaping needed, and the URL stays readable.
  return runs.length ? `#/compare?runs=${runs.map(encodeURIComponent).join(',')}` : '#/compare';
}

export const useNavStore = defineStore('nav', () => {
  const initial = parseHash(window.location.hash);
  const view = ref<View>(initial.view);
  const runId = ref<string | null>(initial.runId);
  /** The compare selection the URL carries (the compare store follows it). */
  const compareRuns = ref<string[]>(initial.runs);

  function go(v: View, id: string | null = v === 'live' ? runId.value : null): void {
    view.value = v;
    if (v === 'live') runId.value = id;
    const hash =
      v === 'live' && id
        ? `#/live/${encodeURIComponent(id)}`
        : v === 'compare'
          ? compareHash(compareRuns.value)
          : `#/${v}`;
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
  }

  /** The compare selection changed: the URL says so (replaced, not pushed: each tick is not a Back step). */
  function setCompareRuns(ids: readonly string[]): void {
    compareRuns.value = [...ids];
    const hash = compareHash(ids);
    if (view.value === 'compare' && window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }

  function attach(): () => void {
    const on = (): void => {
      const p = parseHash(window.location.hash);
      view.value = p.view;
      if (p.runId) runId.value = p.runId;
      if (p.view === 'compare') compareRuns.value = p.runs;
    };
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }

  return { view, runId, compareRuns, go, setCompareRuns, attach };
});
