/** Runs fn at most once per `ms`, always finishing with a trailing call so the last update is drawn. */
export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = (): void => {
    timer = null;
    last = Date.now();
    fn();
  };
  const t = (): void => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  t.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return t;
}
