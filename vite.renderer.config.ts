// The renderer bundle, one config for both hosts: the lab server builds it alone (vite build --config this
// file) and electron-vite's renderer section extends it.
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    // Loaded from disk (somlab:// or the local lab server), not over a network: one chunk for the charts
    // library and one for the app keeps loading simple; the limit is set above the charts chunk.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: resolve(__dirname, 'src/renderer/index.html'),
      output: {
        manualChunks: (id) => (/node_modules\/(echarts|zrender|vue-echarts)\//.test(id) ? 'echarts' : undefined),
      },
      onwarn(warning, warn) {
        // zod's sources carry comments that rollup cannot place (#__PURE__ annotations); harmless, not ours.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
};

export default defineConfig(rendererConfig);
