/**
 * Which run the Live view shows: the one in the address (nav), else the one that is going (or the newest),
 * never an empty page while runs exist; Space pauses and resumes it.
 */
import { watch } from 'vue';
import { useLiveRunStore } from '../stores/live-run';
import { useNavStore } from '../stores/nav';
import { useRunsStore } from '../stores/runs';
import { useShortcuts } from './useShortcuts';

export function useLiveSelection(): void {
  const live = useLiveRunStore();
  const runs = useRunsStore();
  const nav = useNavStore();
  watch(
    () => nav.runId,
    (id) => {
      if (id && id !== live.selectedId) void live.select(id);
    },
    { immediate: true },
  );
  watch(
    () => runs.list,
    (list) => {
      if (nav.runId || live.selectedId || !list.length) return;
      const pick = list.find((r) => r.status === 'running') ?? list[0]!;
      nav.go('live', pick.id);
    },
    { immediate: true },
  );
  useShortcuts((ev) => {
    if (ev.key !== ' ') return;
    ev.preventDefault();
    void live.togglePause();
  });
}
