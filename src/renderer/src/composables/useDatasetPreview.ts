/** A Preview (datasets:preview) of what the host finds for a dataset reference, with its error and busy flag. */
import { shallowRef, type Ref, type ShallowRef } from 'vue';
import type { DatasetPreview } from '../../../shared/api';
import { getApi } from '../api';
import { useTask } from './useTask';

export interface DatasetPreviewState {
  preview: ShallowRef<DatasetPreview | null>;
  previewError: Ref<string | null>;
  busy: Ref<boolean>;
  runPreview: () => Promise<void>;
}

export function useDatasetPreview(dataset: () => unknown): DatasetPreviewState {
  const preview = shallowRef<DatasetPreview | null>(null);
  const { busy, error: previewError, run } = useTask();
  async function runPreview(): Promise<void> {
    // A plain copy: the draft is reactive, and the Api may send it over IPC or a WebSocket.
    preview.value = (await run(() => getApi()['datasets:preview'](JSON.parse(JSON.stringify(dataset()))))) ?? null;
  }
  return { preview, previewError, busy, runPreview };
}
