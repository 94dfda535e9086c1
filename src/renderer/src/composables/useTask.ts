/**
 * One call to the host that may fail (an export, a preview, a start): `busy` while it runs, its message in
 * `error` after a failure (cleared when the next call begins), the call's answer or undefined.
 */
import { ref, type Ref } from 'vue';

export interface Task {
  busy: Ref<boolean>;
  error: Ref<string | null>;
  run: <T>(job: () => Promise<T>) => Promise<T | undefined>;
}

export function useTask(): Task {
  const busy = ref(false);
  const error = ref<string | null>(null);
  async function run<T>(job: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await job();
    } catch (e) {
      error.value = (e as Error).message;
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
