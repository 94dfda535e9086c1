/**
 * The window comes back where the user left it: size, position and maximised state are saved on move,
 * resize and close, and restored only where they still fit a display (a monitor that was unplugged must
 * not leave the window off screen).
 */
import { z } from 'zod';

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
});
export type Bounds = z.infer<typeof BoundsSchema>;
export const WindowStateSchema = z.object({ bounds: BoundsSchema, maximized: z.boolean() }).nullable();
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_SIZE = { width: 1400, height: 900 };
/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 200, height: 100 };

const overlap = (a: Bounds, b: Bounds): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** Where the window opens: the saved bounds when enough of them is on a display, else centred default size. */
export function initialBounds(
  saved: WindowState,
  workAreas: readonly Bounds[],
): Partial<Bounds> & { width: number; height: number } {
  if (saved) {
    const area = workAreas.find((w) => {
      const o = overlap(saved.bounds, w);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (area)
      return {
        ...saved.bounds,
        width: Math.min(saved.bounds.width, area.width),
        height: Math.min(saved.bounds.height, area.height),
      };
  }
  const area = workAreas[0];
  return area
    ? { width: Math.min(DEFAULT_SIZE.width, area.width), height: Math.min(DEFAULT_SIZE.height, area.height) }
    : { ...DEFAULT_SIZE };
}

/** The part of BrowserWindow read here. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Bounds;
  isMaximized(): boolean;
}

/** Saves the state after moves and resizes settle (half a second) and at once when the window closes. */
export function trackWindowState(win: TrackedWindow, save: (s: WindowState) => void, settleMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const now = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(now, settleMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', now);
}
