import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, initialBounds, trackWindowState, type Bounds, type TrackedWindow } from './window-state';

const screen: Bounds = { x: 0, y: 0, width: 1920, height: 1080 };
const right: Bounds = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('window state', () => {
  it('opens at the default size, centred, the first time (smaller on a small screen)', () => {
    expect(initialBounds(null, [screen])).toEqual(DEFAULT_SIZE);
    expect(initialBounds(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({ width: 1280, height: 720 });
  });

  it('comes back where it was when that is still on a display', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: false };
    expect(initialBounds(saved, [screen, right])).toEqual(saved.bounds);
  });

  it('does not open off screen when the display it was on is gone', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 800 }, maximized: false };
    expect(initialBounds(saved, [screen])).toEqual(DEFAULT_SIZE);
    // Only a sliver (100 px) still visible counts as gone too.
    const sliver = { bounds: { x: 1820, y: 0, width: 1000, height: 800 }, maximized: false };
    expect(initialBounds(sliver, [screen])).toEqual(DEFAULT_SIZE);
  });

  it('shrinks a saved size that no longer fits the display', () => {
    const saved = { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: true };
    expect(initialBounds(saved, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it('saves after moves and resizes settle, and at once on close', async () => {
    const listeners: Record<string, () => void> = {};
    let bounds: Bounds = { x: 10, y: 20, width: 900, height: 700 };
    const win: TrackedWindow = {
      on: (event, l) => (listeners[event] = l),
      getNormalBounds: () => bounds,
      isMaximized: () => false,
    };
    const saved: unknown[] = [];
    trackWindowState(win, (s) => saved.push(s), 20);
    listeners.move!();
    bounds = { ...bounds, width: 1000 };
    listeners.resize!();
    expect(saved).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(saved).toEqual([{ bounds, maximized: false }]);
    listeners.close!();
    expect(saved).toHaveLength(2);
  });
});
