/**
 * Picks the tfjs backend: tensorflow-gpu → webgpu → tensorflow → wasm → cpu, unless the spec or
 * SOMLAB_BACKEND asks for one (the spec first). Reports which one runs and, in one sentence each, why every
 * earlier one was skipped; an explicit request that fails is an error naming the backend, never a silent
 * fallback. A software WebGPU adapter (lavapipe, SwiftShader) is tried only after wasm unless asked for by
 * name. Every backend registers on the single @tensorflow/tfjs-core the engine imports.
 */
import { BACKENDS, pickOption, type BackendName } from '../../shared/options';
import type { BackendReport } from '../../shared/run-types';
import { CANDIDATES, type Candidate, type Started } from './candidates';
import { RanksBelow } from './webgpu';

export { backendVersions } from './versions';
export type { Candidate } from './candidates';

export async function pickBackend(
  request: 'auto' | BackendName = 'auto',
  env: NodeJS.ProcessEnv = process.env,
  candidates: Candidate[] = CANDIDATES,
): Promise<BackendReport> {
  const fromEnv = env.SOMLAB_BACKEND?.trim();
  const wanted =
    request !== 'auto'
      ? pickOption('backend', BACKENDS, request)
      : fromEnv && fromEnv !== 'auto'
        ? pickOption('backend (SOMLAB_BACKEND)', BACKENDS, fromEnv)
        : 'auto';
  if (wanted !== 'auto')
    return explicit(wanted, request !== 'auto' ? 'the spec asked for it' : 'SOMLAB_BACKEND asked for it', candidates);
  const skipped: BackendReport['skipped'] = [];
  // A candidate may ask to be tried only after another (a software GPU adapter after wasm): it is moved there.
  const order = [...candidates];
  const movedDown = new Set<Candidate>();
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    try {
      const report = started(c.name, await c.init({ byName: movedDown.has(c) }), skipped);
      return { ...report, skipped: skipped.filter((s) => s.name !== c.name) };
    } catch (e) {
      skipped.push({ name: c.name, reason: (e as Error).message });
      const after = e instanceof RanksBelow ? order.findIndex((x) => x.name === e.below) : -1;
      if (after > i) {
        order.splice(after + 1, 0, c);
        movedDown.add(c);
      }
    }
  }
  throw new Error(`no tfjs backend could start: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}

function started(name: BackendName, r: Started, skipped: BackendReport['skipped']): BackendReport {
  return typeof r === 'string' ? { name, device: r, skipped } : { name, device: r.device, adapter: r.adapter, skipped };
}

async function explicit(wanted: BackendName, why: string, candidates: Candidate[]): Promise<BackendReport> {
  const c = candidates.find((x) => x.name === wanted);
  if (!c) throw new Error(`backend ${wanted} (${why}) is not available in this build`);
  try {
    return started(c.name, await c.init({ byName: true }), []);
  } catch (e) {
    throw new Error(`backend ${wanted} (${why}) cannot run: ${(e as Error).message}`);
  }
}
