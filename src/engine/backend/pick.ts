/**
 * Picks the tfjs backend: tensorflow-gpu → webgpu → tensorflow → wasm → cpu, unless the spec or
 * SOMLAB_BACKEND asks for one (the spec first). Reports which one runs and, in one sentence each, why every
 * earlier one was skipped; an explicit request that fails is an error naming the backend, never a silent
 * fallback. Every backend registers on the single @tensorflow/tfjs-core the engine imports.
 */
import { BACKENDS, pickOption, type BackendName } from '../../shared/options';
import type { BackendReport } from '../../shared/run-types';
import { CANDIDATES, type Candidate } from './candidates';

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
  for (const c of candidates) {
    try {
      return { name: c.name, device: await c.init(), skipped };
    } catch (e) {
      skipped.push({ name: c.name, reason: (e as Error).message });
    }
  }
  throw new Error(`no tfjs backend could start: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}

async function explicit(wanted: BackendName, why: string, candidates: Candidate[]): Promise<BackendReport> {
  const c = candidates.find((x) => x.name === wanted);
  if (!c) throw new Error(`backend ${wanted} (${why}) is not available in this build`);
  try {
    return { name: c.name, device: await c.init(), skipped: [] };
  } catch (e) {
    throw new Error(`backend ${wanted} (${why}) cannot run: ${(e as Error).message}`);
  }
}
