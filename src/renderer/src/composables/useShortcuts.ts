/** Keyboard shortcuts: a window keydown listener for the component's lifetime, quiet while the user types. */
import { onBeforeUnmount, onMounted } from 'vue';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Pause / resume the live run' },
  { keys: '1 · 2 · 3 · 4 · 5', what: 'Runs · Live · Compare · Sweeps · Playground' },
  { keys: 'Arrows · Enter · Delete', what: 'Playground plane: move the cursor, place a point, remove the nearest' },
  { keys: '1 · 2 · 3 (plane focused)', what: 'Playground plane: the class to place' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Esc', what: 'Close a dialog' },
  { keys: 'Tab / Shift+Tab', what: 'Move between controls; Enter or Space presses a button' },
];

/** Shortcuts must not fire while the user types or presses a focused control. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || tag === 'button' || el.isContentEditable === true;
}

/**
 * Calls `handler` for each key pressed while the component is mounted, except with Ctrl, ⌘ or Alt held
 * (the browser's and the OS's shortcuts) and, unless `inControls`, while focus is in a field or on a button.
 */
export function useShortcuts(handler: (ev: KeyboardEvent) => void, o: { inControls?: boolean } = {}): void {
  const onKey = (ev: KeyboardEvent): void => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (!o.inControls && isTyping(ev.target))) return;
    handler(ev);
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
