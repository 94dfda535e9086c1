/** The width of an element in CSS px, followed with a ResizeObserver while the component is mounted. */
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
