/** The project folder on disk (docs/ARCHITECTURE.md, "The project folder"): create/open projects, runs. */
export { writeFileAtomic, writeJsonAtomic, appendLine, appendLines } from './atomic';
export { createProject, openProject } from './project';
export { createRun, RunHandle, type CreateRunExtra } from './run-store';
export {
  listRuns,
  readRun,
  readRecord,
  readSnapshot,
  readWinners,
  listSnapshotSteps,
  listSnapshots,
  listWinnerSteps,
} from './read-runs';
export { markInterrupted } from './recover';
export { withLiveness, isPidAlive, isOtherHost, heartbeatAge, STALE_AFTER_MS, type LivenessOptions } from './liveness';
export { saveSweep, readSweep, readSweepFile, listSweepIds, runsByVariant, sweepDir, sweepFile } from './sweeps';
export { newRunId, assertRunId, PROJECT_FILE } from './paths';
export { updateRunMeta, trashRun, restoreRun, listTrash, readMeta } from './manage';
export { removeStaleTmp, tmpWriter } from './stale-tmp';
