/** Keyboard shortcuts must not fire while the user types or presses a focused control. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || tag === 'button' || el.isContentEditable === true;
}

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Pause / resume the live run' },
  { keys: '1 · 2 · 3', what: 'Runs · Live · Compare' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Esc', what: 'Close a dialog' },
  { keys: 'Tab / Shift+Tab', what: 'Move between controls; Enter or Space presses a button' },
];
