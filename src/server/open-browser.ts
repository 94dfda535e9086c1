/**
 * `--open`: hands the lab's URL to the system's opener (xdg-open, open, start) and reports whether that
 * worked, so the lab can say so next to the URL instead of failing silently (no xdg-open on a server, no
 * display, no browser registered).
 */
import { spawn } from 'node:child_process';

const OPENERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['xdg-open'],
  freebsd: ['xdg-open'],
  darwin: ['open'],
  win32: ['cmd', '/c', 'start', '""'],
};

/** Resolves null when the opener took the URL, else why not; gives up waiting after `waitMs` (then null). */
export function openBrowser(url: string, o: { command?: string[]; waitMs?: number } = {}): Promise<string | null> {
  const command = o.command ?? OPENERS[process.platform];
  if (!command) return Promise.resolve(`no browser opener is known for ${process.platform}`);
  const [cmd, ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(cmd!, [...args, url], { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => resolve(null), o.waitMs ?? 3000);
    const done = (why: string | null): void => {
      clearTimeout(timer);
      resolve(why);
    };
    child.on('error', (e: NodeJS.ErrnoException) =>
      done(e.code === 'ENOENT' ? `${cmd} is not installed` : `${cmd} failed: ${e.message}`),
    );
    child.on('exit', (code) => done(code === 0 ? null : `${cmd} exited with code ${code}`));
    child.unref();
  });
}
