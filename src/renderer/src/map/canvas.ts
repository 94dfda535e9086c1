/** Drawing on a canvas at the device pixel ratio, and the same drawing as a PNG for figure export. */
/** Sizes the canvas for w×h CSS px at `ratio` and hands a context scaled to CSS px to `paint`. */
export function paintCanvas(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
  ratio: number,
  paint: (ctx: CanvasRenderingContext2D) => void,
): void {
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  paint(ctx);
}
