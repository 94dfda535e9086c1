/**
 * Picks the tfjs backend: tensorflow-gpu → webgpu → tensorflow → wasm → cpu, unless SOMLAB_BACKEND or the
 * spec asks for one. Reports which one runs and why each earlier one was skipped; an explicit request that
 * fails is an error, never a silent fallback.
 */
import { BACKENDS, pickOption, type BackendName } from '../../shared/options';
import type { BackendReport } from '../../shared/events';
import { CANDIDATES, type Candidate } from './candidates';

export async function pickBackend(request: 'auto' | BackendName = 'auto', env: NodeJS.ProcessEnv = process.env, candidates: Candidate[] = CANDIDATES): Promise<BackendReport> {
  const fromEnv = env.SOMLAB_BACKEND?.trim();
  const wanted = request !== 'auto' ? request : fromEnv ? pickOption('backend (SOMLAB_BACKEND)', BACKENDS, fromEnv) : 'auto';
  if (wanted !== 'auto') {
    const c = candidates.find((x) => x.name === wanted);
    if (!c) throw new Error(`backend "${wanted}" is not available in this build`);
    try {
      return { name: c.name, device: await c.init(), skipped: [] };
    } catch (e) {
      const why = request !== 'auto' ? 'the spec asked for it' : 'SOMLAB_BACKEND asked for it';
      throw new Error(`backend ${wanted} (${why}) cannot run: ${(e as Error).message}`);
    }
  }
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
