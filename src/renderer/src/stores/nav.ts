/** Which view is shown, kept in the URL hash (#/runs, #/live/<run-id>, #/compare) so reloads and Back work. */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const VIEWS = ['runs', 'live', 'compare'] as const;
export type View = (typeof VIEWS)[number];

export function parseHash(hash: string): { view: View; runId: string | null } {
  const [, v, id] = hash.replace(/^#/, '').split('/');
  const view = (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'runs';
  return { view, runId: view === 'live' && id ? decodeURIComponent(id) : null };
}

export const useNavStore = defineStore('nav', () => {
  const initial = parseHash(window.location.hash);
  const view = ref<View>(initial.view);
  const runId = ref<string | null>(initial.runId);

  function go(v: View, id: string | null = v === 'live' ? runId.value : null): void {
    view.value = v;
    if (v === 'live') runId.value = id;
    const hash = v === 'live' && id ? `#/live/${encodeURIComponent(id)}` : `#/${v}`;
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
  }

  function attach(): () => void {
    const on = (): void => {
      const p = parseHash(window.location.hash);
      view.value = p.view;
      if (p.runId) runId.value = p.runId;
    };
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }

  return { view, runId, go, attach };
});
