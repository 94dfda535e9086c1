/** Package versions behind a backend, for run.json: tfjs-core and the package that provides the backend. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../shared/options';

const PACKAGES: Record<BackendName, string[]> = {
  'tensorflow-gpu': ['@tensorflow/tfjs-node-gpu'],
  webgpu: ['@tensorflow/tfjs-backend-webgpu', 'webgpu'],
  tensorflow: ['@tensorflow/tfjs-node'],
  wasm: ['@tensorflow/tfjs-backend-wasm'],
  cpu: ['@tensorflow/tfjs-backend-cpu'],
};

/** The installed version of `pkg`, found by walking up from its entry (some packages hide package.json). */
export function packageVersion(pkg: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(pkg));
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      try {
        const j = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (j.name === pkg && j.version) return j.version;
      } catch {
        /* not at this level */
      }
    }
  } catch {
    /* not resolvable: absent or bundled */
  }
  return 'unknown';
}

export function backendVersions(name?: BackendName): Record<string, string> {
  const out: Record<string, string> = { '@tensorflow/tfjs-core': tf.version_core };
  for (const pkg of name ? PACKAGES[name] : []) out[pkg] = packageVersion(pkg);
  return out;
}
