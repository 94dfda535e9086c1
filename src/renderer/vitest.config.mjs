// Renderer tests with Vue single-file components compiled (the root vitest.config.ts has no Vue plugin):
//   npx vitest run --config src/renderer/vitest.config.mjs
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import base from '../../vitest.config';

export default mergeConfig(base, defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [vue()],
  test: { include: ['src/renderer/**/*.test.ts'] },
}));
