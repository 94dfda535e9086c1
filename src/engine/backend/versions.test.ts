import * as tf from '@tensorflow/tfjs-core';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { backendVersions, packageVersion } from './versions';

describe('backend versions for run.json', () => {
  it('tfjs-core and the package that provides the backend, as the packages report themselves', () => {
    expect(backendVersions('wasm')).toEqual({
      '@tensorflow/tfjs-core': tf.version_core,
      '@tensorflow/tfjs-backend-wasm': version_wasm,
    });
    expect(backendVersions('cpu')).toEqual({
      '@tensorflow/tfjs-core': tf.version_core,
      '@tensorflow/tfjs-backend-cpu': version_cpu,
    });
    expect(Object.keys(backendVersions('webgpu'))).toEqual([
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-webgpu',
      'webgpu',
    ]);
    expect(backendVersions()).toEqual({ '@tensorflow/tfjs-core': tf.version_core });
  });

  it('an absent package is "unknown", not an error', () => {
    expect(packageVersion('@somlab/no-such-package')).toBe('unknown');
  });
});
