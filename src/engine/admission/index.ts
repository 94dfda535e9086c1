/** Admission control for specs: the memory estimate (pure) and the check every host runs before a trainer. */
import { totalmem } from 'node:os';
import { DEFAULT_BUDGET_FRACTION } from '../../shared/admission/admit';

export {
  admitSpec,
  AdmissionError,
  BUILTIN_SHAPES,
  DEFAULT_BUDGET_FRACTION,
  formatBytes,
  parseBudget,
  shapeOf,
  UNKNOWN_FOLDER_SHAPE,
} from '../../shared/admission/admit';
export {
  biggestField,
  estimateSpecMemory,
  type DataShape,
  type MemoryEstimate,
  type MemoryPart,
} from '../../shared/admission/estimate';

/** The budget when none is set: DEFAULT_BUDGET_FRACTION of this machine's RAM. */
export const defaultMemoryBudget = (): number => Math.floor(totalmem() * DEFAULT_BUDGET_FRACTION);
