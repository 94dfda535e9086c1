/** A Preview (datasets:preview) of what the host finds for a dataset reference, with its error and busy flag. */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { DatasetPreview } from '../../../shared/api';
import { getApi } from '../api';

export interface DatasetPreviewState {
  preview: ShallowRef<DatasetPreview | null>;
  previewError: Ref<string | null>;
  busy: Ref<boolean>;
  runPreview: () => Promise<void>;
}

export function useDatasetPreview(dataset: () => unknown): DatasetPreviewState {
  const preview = shallowRef<DatasetPreview | null>(null);
  const previewError = ref<string | null>(null);
  const busy = ref(false);
  async function runPreview(): Promise<void> {
    busy.value = true;
    previewError.value = null;
    try {
      // A plain copy: the draft is reactive, and the Api may send it over IPC or a WebSocket.
      preview.value = await getApi()['datasets:preview'](JSON.parse(JSON.stringify(dataset())));
    } catch (e) {
      preview.value = null;
      previewError.value = (e as Error).message;
    } finally {
      busy.value = false;
    }
  }
  return { preview, previewError, busy, runPreview };
}
