/** A loaded dataset's shape as the memory estimate takes it (engine/admission). */
import type { DataShape } from '../../shared/admission/estimate';
import type { Dataset } from './types';

export const shapeOfData = (d: Dataset): DataShape => ({
  trainRows: d.train.count,
  testRows: d.test?.count ?? 0,
  sample: d.shape,
  classes: d.classes.length || undefined,
  ...(d.train.rows ? { streamed: true } : {}),
});
