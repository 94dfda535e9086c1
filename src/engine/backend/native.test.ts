import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingMissing } from './native';

describe('native binding check (before any import)', () => {
  it('a package that does not resolve is "not installed"', () => {
    expect(
      nativeBindingMissing('@tensorflow/tfjs-node-gpu', () => {
        throw new Error('Cannot find module');
      }),
    ).toBe('@tensorflow/tfjs-node-gpu is not installed');
  });

  it('a resolvable package with no lib/napi-v*/tfjs_binding.node is reported as installed without its binding', () => {
    // This package's folder has no lib/ at all: the same situation as tfjs-node whose install was blocked.
    const fake = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-cpu/package.json');
    expect(nativeBindingMissing('@tensorflow/tfjs-node', () => fake)).toBe(
      '@tensorflow/tfjs-node is installed without its libtensorflow binding ' +
        '(its install step could not download libtensorflow)',
    );
  });

  it('agrees with the disk for the real tfjs-node here', () => {
    let dir: string | null = null;
    try {
      dir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-node/package.json'));
    } catch {
      /* absent */
    }
    const verdict = nativeBindingMissing('@tensorflow/tfjs-node');
    if (!dir) expect(verdict).toBe('@tensorflow/tfjs-node is not installed');
    else if (!existsSync(join(dir, 'lib'))) expect(verdict).toMatch(/without its libtensorflow binding/);
    else expect(verdict === null || /without its libtensorflow binding/.test(verdict)).toBe(true);
  });
});
