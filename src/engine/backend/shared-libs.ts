/** Finding a shared library the way the dynamic loader would (Linux): its cache first, then usual folders. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// NVIDIA container runtimes mount the driver under /usr/local/nvidia; the rest are distribution defaults.
const FOLDERS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/usr/local/nvidia/lib64',
  '/usr/local/lib',
];

/** The library paths that `ldconfig -p` lists for `name` (empty when ldconfig is absent). */
export function parseLdconfig(output: string, name: string): string[] {
  return output
    .split('\n')
    .filter((l) => l.trim().startsWith(`${name} `))
    .map((l) => l.split('=>')[1]?.trim() ?? '')
    .filter(Boolean);
}

export function findSharedLib(name: string): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const out = execFileSync('ldconfig', ['-p'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const hit = parseLdconfig(out, name)[0];
    if (hit) return hit;
  } catch {
    /* no ldconfig on PATH (it is in /sbin on some systems): look in the folders */
  }
  for (const dir of [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...FOLDERS]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}
