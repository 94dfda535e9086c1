/**
 * Runs a webgpu check script in a child process (a fresh tfjs and Dawn, and the Vulkan loader's environment set
 * before it starts: LD_LIBRARY_PATH cannot change inside a running process). The driver is the system's or,
 * where scripts/lavapipe.sh unpacked it for this user only, lavapipe from its cache folder. The script prints
 * one JSON line: its result, or { skip: reason } when no adapter was found.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function lavapipeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.VK_DRIVER_FILES || env.VK_ICD_FILENAMES) return { ...env };
  const dir = join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'somlab-lavapipe');
  const icd = join(dir, 'lvp_icd.json');
  if (!existsSync(icd)) return { ...env };
  const lib = join(dir, 'root/usr/lib/x86_64-linux-gnu');
  const ld = env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib;
  return { ...env, VK_DRIVER_FILES: icd, VK_ICD_FILENAMES: icd, LD_LIBRARY_PATH: ld };
}

export type ChildResult<T> = { ok: true; value: T } | { ok: false; skip: string };

/** Runs the check script at `script` with tsx; resolves its JSON line, rejects on a crash. */
export function runWebGpuChild<T>(script: URL, args: string[] = [], timeoutMs = 240_000): Promise<ChildResult<T>> {
  const file = fileURLToPath(script);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', file, ...args],
      { env: { ...lavapipeEnv(), SOMLAB_BACKEND: '' }, timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const line = stdout
          .trim()
          .split('\n')
          .reverse()
          .find((l) => l.startsWith('{'));
        if (!line)
          return reject(new Error(`${script} printed no result (${error?.message ?? ''}): ${stderr.slice(-800)}`));
        const out = JSON.parse(line) as { skip?: string; value?: T };
        resolve(out.skip !== undefined ? { ok: false, skip: out.skip } : { ok: true, value: out.value as T });
      },
    );
  });
}
