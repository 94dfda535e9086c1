/**
 * tfjs-node and tfjs-node-gpu (libtensorflow). Their install step downloads libtensorflow and builds the
 * binding; where that was blocked the package is present without `lib/napi-v*\/tfjs_binding.node`, and
 * importing it would first register its kernels and import all of @tensorflow/tfjs, then throw. So the
 * binding is looked for on disk first, and the import is tried only when it is there.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../shared/options';
import { activate, firstLine } from './activate';
import type { Candidate } from './candidates';

/** Why the package cannot load, judged from disk alone; null when its binding is there. */
export function nativeBindingMissing(
  pkg: string,
  resolve: (id: string) => string = createRequire(import.meta.url).resolve,
): string | null {
  let dir: string;
  try {
    dir = dirname(resolve(`${pkg}/package.json`));
  } catch {
    return `${pkg} is not installed`;
  }
  const lib = join(dir, 'lib');
  const found =
    existsSync(lib) &&
    readdirSync(lib).some((d) => d.startsWith('napi-v') && existsSync(join(lib, d, 'tfjs_binding.node')));
  return found
    ? null
    : `${pkg} is installed without its libtensorflow binding (its install step could not download libtensorflow)`;
}

/** Both native packages: the same check and import, different package, device words and install hint. */
export function nativeCandidate(name: BackendName, pkg: string, device: string, hint: string): Candidate {
  return {
    name,
    async init() {
      const missing = nativeBindingMissing(pkg);
      if (missing) throw new Error(missing);
      try {
        await import(pkg);
      } catch (e) {
        throw new Error(`the libtensorflow binding of ${pkg} failed to load: ${firstLine(e)} — ${hint}`);
      }
      // The package registers its backend on the tfjs-core that @tensorflow/tfjs resolves to. With a
      // second copy installed (npm ls @tensorflow/tfjs-core shows more than one), ours never sees it.
      if (!tf.findBackendFactory('tensorflow')) {
        throw new Error(
          `${pkg} loaded but registered its backend on another copy of @tensorflow/tfjs-core (run npm dedupe)`,
        );
      }
      await activate('tensorflow');
      return device;
    },
  };
}

export const tensorflowGpu = nativeCandidate(
  'tensorflow-gpu',
  '@tensorflow/tfjs-node-gpu',
  'libtensorflow with CUDA',
  'install the NVIDIA driver with CUDA 11.2 and cuDNN 8.1 on LD_LIBRARY_PATH (CUDA 12 does not work)',
);
export const tensorflowCpu = nativeCandidate(
  'tensorflow',
  '@tensorflow/tfjs-node',
  'libtensorflow on the CPU',
  'reinstall @tensorflow/tfjs-node where its libtensorflow download can be reached',
);
