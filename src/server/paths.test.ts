/**
 * Issue 9, item 2 (server side): nothing outside the renderer folder is served, and projects are opened
 * or created only under the project roots, whatever form the path takes (.., encodings, backslashes,
 * NUL bytes, symlinks). No file outside the roots is read or written.
 */
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startLabServer, type LabServer } from './lab-server';
import { call, exchange, httpStatus, openSocket } from './lab-child.test-helper';

const SECRET = 'not for the web';
let top: string, root: string, home: string, lab: LabServer, ws: WebSocket, port: number;
let nextId = 1;

/** Every file and folder under `dir` with its size and mtime: equal before and after means untouched. */
async function fingerprint(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return Promise.all(names.sort().map(async (n) => `${n} ${(await stat(join(dir, n))).mtimeMs}`));
}

beforeAll(async () => {
  top = await mkdtemp(join(tmpdir(), 'somlab-paths-'));
  const renderer = join(top, 'renderer');
  root = join(top, 'projects');
  home = join(top, 'home');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await mkdir(join(home, '.ssh'), { recursive: true });
  await mkdir(join(root, 'full'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>SOM Lab</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(top, 'secret.txt'), SECRET);
  await writeFile(join(home, '.bashrc'), SECRET);
  await writeFile(join(root, 'full', 'thesis.pdf'), SECRET);
  await symlink(join(top, 'secret.txt'), join(renderer, 'link-out.js'));
  await symlink(home, join(renderer, 'dir-out'));
  await symlink(home, join(root, 'link-out'));
  lab = await startLabServer({ rendererDir: renderer, dataRoots: [], projectRoots: [root] });
  port = Number(new URL(lab.url).port);
  ws = await openSocket(port, lab.token!);
});
afterAll(async () => {
  ws?.terminate();
  await lab?.close();
  await rm(top, { recursive: true, force: true });
});

describe('static files', () => {
  const escapes = [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/assets/../../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/link-out.js',
    '/dir-out/.bashrc',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/....//secret.txt',
    '/%00',
    '/index.html%00.js',
    '/%',
    '/%c0%ae%c0%ae/secret.txt',
  ];
  it.each(escapes)('%s is not served from outside the renderer folder', async (path) => {
    const r = await exchange(port, [
      Buffer.from(`GET ${path} HTTP/1.1\r\nhost: x\r\ncookie: somlab_token=${lab.token}\r\nconnection: close\r\n\r\n`),
    ]);
    const text = r.reply.toString();
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/root:.*:0:0:/);
    expect([200, 400, 404]).toContain(httpStatus(r.reply));
    if (httpStatus(r.reply) === 200) expect(text).toContain('<title>SOM Lab</title>'); // the app's page
    expect(await call(ws, nextId++, 'datasets:roots', [])).toMatchObject({ ok: true });
  });

  it('still serves files that are inside', async () => {
    const r = await fetch(`http://127.0.0.1:${port}/assets/app.js?token=${lab.token}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('console.log(1)');
  });
});

describe('project paths', () => {
  const refused = async (name: 'project:open' | 'project:create', dir: string): Promise<string> => {
    const r = await call(ws, nextId++, name, name === 'project:open' ? [dir] : [dir, 'p']);
    expect(r).toMatchObject({ ok: false });
    return (r as { error: string }).error;
  };

  it('refuses folders outside the roots in every form, writing nothing there', async () => {
    const before = await fingerprint(home);
    const forms = [home, join(root, '..', 'home'), '../home', join(root, 'link-out'), join(root, 'link-out', 'sub')];
    for (const dir of forms)
      for (const name of ['project:open', 'project:create'] as const)
        expect(await refused(name, dir)).toMatch(/^project folder .* is outside the allowed folders/);
    expect(await fingerprint(home)).toEqual(before);
  });

  it('creating over /etc leaks no entry names, the same as for a path that does not exist', async () => {
    const etc = await refused('project:create', '/etc');
    const none = await refused('project:create', '/no-such-folder-here');
    expect(etc.replace('/etc', 'X')).toBe(none.replace('/no-such-folder-here', 'X'));
    for (const entry of await readdir('/etc')) expect(etc).not.toContain(` ${entry}`);
  });

  it('refuses NUL bytes and clips a huge path', async () => {
    expect(await refused('project:create', `${root}/a\0b`)).toMatch(/a path without NUL bytes/);
    const huge = await refused('project:open', `/${'q'.repeat(4000)}`);
    expect(huge.length).toBeLessThan(500);
    expect(huge).toContain('(4001 characters)');
  });

  it('refuses a non-empty folder inside a root without listing it, and creates an empty one', async () => {
    const full = await refused('project:create', join(root, 'full'));
    expect(full).toMatch(/not empty and holds no somlab\.json/);
    expect(full).not.toContain('thesis');
    const made = await call(ws, nextId++, 'project:create', ['new-project', 'mine']);
    expect(made).toMatchObject({ ok: true, result: { name: 'mine', dir: join(root, 'new-project') } });
    expect(await readdir(join(root, 'new-project'))).toContain('somlab.json');
  });
});
