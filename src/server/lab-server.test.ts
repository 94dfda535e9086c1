import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { encodeWire, type WireResponse } from '../shared/wire';
import { decodeMessage } from '../shared/wire-frame';
import { startLabServer, type LabServer } from './lab-server';

let dir: string;
let lab: LabServer;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'somlab-server-'));
  const renderer = join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>SOM Lab</title>');
  await writeFile(join(dir, 'secret.txt'), 'not for the web');
  lab = await startLabServer({ rendererDir: renderer, project: join(dir, 'project'), dataRoots: [] });
  base = lab.url.replace(/\?token=.*$/, '');
});
afterAll(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, name: string, args: unknown[]): Promise<WireResponse> {
  return new Promise((resolve) => {
    ws.on('message', function onMsg(raw, isBinary) {
      const m = decodeMessage(raw as Buffer, isBinary);
      if ('id' in m && m.id === id) {
        ws.off('message', onMsg);
        resolve(m);
      }
    });
    ws.send(encodeWire({ id, call: name as 'runs:list', args }));
  });
}

describe('lab server', () => {
  it('binds loopback and prints a URL with a token', () => {
    expect(lab.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses pages without the token and serves them with it (setting a cookie)', async () => {
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(401);
    const ok = await fetch(lab.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/somlab_token=.*HttpOnly; SameSite=Strict/);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(base, { headers: { cookie } })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const r = await fetch(`${base}..%2Fsecret.txt?token=${lab.token}`);
    const text = await r.text();
    expect(text).not.toContain('not for the web');
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    const ws = base.replace('http', 'ws') + 'ws';
    await expect(connect(ws)).rejects.toThrow('HTTP 401');
    await expect(connect(`${ws}?token=${lab.token}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('answers the session check: 204 when /ws would let the page in, else 401 or 403 with a reason', async () => {
    const check = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${base}api/session${query}`, { method: 'POST', headers });
    expect((await check(`?token=${lab.token}`, { origin: base.slice(0, -1) })).status).toBe(204);
    const stale = await check('?token=from-before-a-restart');
    expect(stale.status).toBe(401);
    expect(await stale.text()).toMatch(/needs the access token printed when the server started/);
    const foreign = await check(`?token=${lab.token}`, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toMatch(/pages from http:\/\/evil\.example may not connect/);
    expect((await fetch(`${base}api/session?token=${lab.token}`)).status).toBe(405);
  });

  it('answers typed calls and names bad arguments', async () => {
    const ws = await connect(`${base.replace('http', 'ws')}ws?token=${lab.token}`, base.slice(0, -1));
    const presets = await call(ws, 1, 'presets:list', []);
    expect(presets).toMatchObject({ id: 1, ok: true });
    expect((presets as { result: { name: string }[] }).result.map((p) => p.name)).toContain('seed004-colors');
    const current = await call(ws, 2, 'project:current', []);
    expect((current as { result: { dir: string } }).result.dir).toBe(join(dir, 'project'));
    const bad = await call(ws, 3, 'runs:get', ['../../etc']);
    expect(bad).toMatchObject({ id: 3, ok: false });
    expect((bad as { error: string }).error).toMatch(/arguments of runs:get: 0: /);
    const spec = await call(ws, 4, 'runs:start', [
      { kind: 'som', dataset: { source: 'builtin', name: 'colors' }, som: { rows: 'x' } },
    ]);
    expect((spec as { error: string }).error).toMatch(/som\.rows: .*expected number/);
    ws.close();
  });
});

describe('starting a sweep preset', () => {
  it('runs every variant, one after another, grouped', { timeout: 120_000 }, async () => {
    const id = await lab.host.calls['runs:startPreset']('seed000-dual-sigma');
    expect(typeof id).toBe('string');
    const { listRuns } = await import('../engine/runs');
    // Two variants; each is stopped as soon as it runs, so the next one starts.
    let runs: Awaited<ReturnType<typeof listRuns>> = [];
    for (let i = 0; i < 200 && runs.filter((r) => r.group === 'seed000-dual-sigma').length < 2; i++) {
      const current = (await listRuns(join(dir, 'project'))).filter((r) => r.group === 'seed000-dual-sigma');
      for (const r of current)
        if (r.status === 'running')
          await Promise.resolve()
            .then(() => lab.host.calls['runs:stop'](r.id))
            .catch(() => undefined);
      runs = current;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(runs.map((r) => r.name).sort()).toEqual([
      'seed000-dual-sigma / σ_org 1, σ_fwd 1',
      'seed000-dual-sigma / σ_org 1, σ_fwd 8',
    ]);
  });
});
