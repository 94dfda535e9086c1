/** Canvas helpers: the container's width (ResizeObserver) and drawing at the device pixel ratio. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useWidth(el: Ref<HTMLElement | null>, fallback = 360): Ref<number> {
  const width = ref(fallback);
  let ro: ResizeObserver | null = null;
  onMounted(() => {
    if (!el.value) return;
    width.value = el.value.clientWidth || fallback;
    if (typeof ResizeObserver === 'undefined') return;
    ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== width.value) width.value = w;
    });
    ro.observe(el.value);
  });
  onBeforeUnmount(() => ro?.disconnect());
  return width;
}

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

/** The same painting at 2× into a fresh canvas, as a PNG data URL (figure export). */
export function renderPng(w: number, h: number, paint: (ctx: CanvasRenderingContext2D) => void, ratio = 2): string {
  const c = document.createElement('canvas');
  paintCanvas(c, w, h, ratio, paint);
  return c.toDataURL('image/png');
}
