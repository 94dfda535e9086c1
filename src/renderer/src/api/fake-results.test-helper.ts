/**
 * The fake Api's results calls (a test double, like the rest of fake-api.ts): names, tags and notes on the
 * fake disk, a trash to delete into and restore from, sweep stops, and exports answered with the files the
 * engine would write (no drawing: the renderer only shows the paths it gets back).
 */
import type { Api, ResultCallName } from '../../../shared/api';
import type { RunId } from '../../../shared/run-types';
import type { ExportResult, PanelRefInput } from '../../../shared/figure-spec';
import type { FakeRun } from './fake-disk.test-helper';

export function fakeResultsCalls(
  runs: Map<RunId, FakeRun>,
  log: (call: string, args: unknown[]) => void,
  stop: (id: RunId) => Promise<void>,
  /** Takes a group's waiting variants off the queue. */
  cancelGroup: (group: string) => void = () => undefined,
): Pick<Api, ResultCallName> {
  const trash = new Map<RunId, FakeRun>();
  const get = (id: RunId): FakeRun => {
    const r = runs.get(id);
    if (!r) throw new Error(`run ${id} not found`);
    return r;
  };
  const result = (files: string[], panels: PanelRefInput[], command: string): ExportResult => ({
    files,
    provenance: {
      format: 'somlab-provenance',
      files,
      runs: [...new Set(panels.map((p) => p.run))].map((id) => ({ id, specHash: 'fake', steps: [] })),
      panels: panels as ExportResult['provenance']['panels'],
      somlab: 'fake',
      createdAt: new Date().toISOString(),
      command,
    },
  });
  return {
    async 'runs:update'(id, patch) {
      log('runs:update', [id, patch]);
      const r = get(id);
      r.summary = { ...r.summary, ...patch };
      return { ...r.summary };
    },
    async 'runs:trash'(id) {
      log('runs:trash', [id]);
      trash.set(id, get(id));
      runs.delete(id);
    },
    async 'runs:restore'(id) {
      log('runs:restore', [id]);
      const r = trash.get(id);
      if (!r) throw new Error(`run ${id} is not in the trash`);
      runs.set(id, r);
      trash.delete(id);
    },
    async 'runs:trashed'() {
      return [...trash.keys()].sort();
    },
    async 'runs:stopGroup'(group) {
      log('runs:stopGroup', [group]);
      cancelGroup(group);
      for (const r of runs.values())
        if (r.summary.group === group && r.summary.status === 'running') await stop(r.summary.id);
    },
    async 'figures:export'(req) {
      log('figures:export', [req]);
      get(req.run);
      const ext = req.format === 'pgf' ? 'tex' : req.format;
      return result(
        [`runs/${req.run}/figures/${req.panel}.${ext}`],
        [req],
        `somlab export --run ${req.run} --panel ${req.panel}`,
      );
    },
    async 'figures:compose'(spec) {
      log('figures:compose', [spec]);
      const files = (spec.formats ?? ['svg', 'pdf', 'png']).map((f) => `figures/${spec.name}.${f}`);
      return result(
        [...files, `figures/${spec.name}.figure.json`],
        spec.panels,
        `somlab figure figures/${spec.name}.figure.json`,
      );
    },
  };
}
