/**
 * The host process stays light: LabHost loads no tfjs and no sharp (the trainers do), so the lab server's
 * memory is its own and a slow client cannot push it over its bound (src/server/slow-clients.test.ts).
 * Importing the robustness evaluation eagerly once cost the server 75 MB.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROBE = `
import(process.argv[1]).then(() => {
  const cache = Object.keys(require.cache);
  const pkgs = cache.map((k) => k.match(/node_modules\\/((@[^/]+\\/)?[^/]+)/)?.[1]).filter(Boolean);
  console.log(JSON.stringify([...new Set(pkgs)]));
});`;

describe('the host process', () => {
  it('imports LabHost without tfjs or sharp', () => {
    const host = fileURLToPath(new URL('./lab-host.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', PROBE, host], { encoding: 'utf8' });
    const loaded = JSON.parse(out.trim().split('\n').pop()!) as string[];
    expect(loaded.filter((p) => /^@tensorflow\/|^sharp$|^@img\//.test(p))).toEqual([]);
  });
});
