#!/usr/bin/env node
/**
 * Builds the `somlab/layers` package entry (dist/layers.js): SOM Lab's tfjs layers (SomMaskDense, SomMaskConv,
 * Csom, Kwta, SoftSom, ...) as one ES module for a user's own TensorFlow.js code. Importing it registers
 * every class with tf.serialization, so `tf.loadLayersModel` reads a run's model/ folder. Packages stay
 * imports (never bundled), so the user's @tensorflow/tfjs-core is the one the classes register with.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/engine/layers/index.ts'],
  outfile: process.argv[2] ?? 'dist/layers.js',
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
