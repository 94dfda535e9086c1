/**
 * Issue 9, item 1: requests that used to kill the lab server. Each runs against a server in a child
 * process, and each is followed by a good call that must be answered.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { closeCode, frame, upgradeRequest } from './frames.test-helper';
import { call, exchange, httpStatus, openSocket, startChildLab, type ChildLab } from './lab-child.test-helper';

let dir: string;
let renderer: string;
let lab: ChildLab;
let probe: WebSocket;
let probeId = 1;

/** A fresh server when the last test killed it, so each test stands alone. */
async function startLab(): Promise<void> {
  lab = await startChildLab({ rendererDir: renderer, dataRoots: [] });
  probe = await openSocket(lab.port, lab.token);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'somlab-survives-'));
  renderer = join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>SOM Lab</title>');
  // A link to a special file whose reads fail (EIO): serving it used to throw from an unhandled stream.
  await symlink('/proc/self/mem', join(renderer, 'mem.js'));
  await startLab();
});
beforeEach(async () => {
  if (lab.death()) await startLab();
});
afterAll(async () => {
  probe?.terminate();
  await lab?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function expectAlive(): Promise<void> {
  expect(lab.death()).toBeNull();
  const id = probeId++;
  expect(await call(probe, id, 'datasets:roots', [])).toEqual({ id, ok: true, result: [] });
}

const get = (path: string, headers: Record<string, string> = {}): Buffer =>
  Buffer.from(
    `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`,
    'latin1',
  );

describe('the lab server survives', () => {
  it('a cookie that is not valid percent-encoding, on HTTP and on the upgrade (401, not a crash)', async () => {
    for (const cookie of ['somlab_token=%', 'somlab_token=%E0%A4%A', 'a=%zz; somlab_token=%%']) {
      const http = await exchange(lab.port, [get('/', { cookie })]);
      expect(httpStatus(http.reply)).toBe(401);
      const ws = await exchange(lab.port, [upgradeRequest('x', { cookie })]);
      expect(httpStatus(ws.reply)).toBe(401);
      await expectAlive();
    }
  });

  it('a request target that is not a URL (400)', async () => {
    for (const target of ['http://[', '//[::1', 'http://a:99999/']) {
      const r = await exchange(lab.port, [get(target, { cookie: `somlab_token=${lab.token}` })]);
      expect([400, 404]).toContain(httpStatus(r.reply));
      await expectAlive();
    }
  });

  const protocolErrors: [string, number, Buffer][] = [
    ['an oversized frame', 1009, frame({ opcode: 1, payload: Buffer.alloc(16), declared: 2 ** 25 })],
    [
      'a frame over the 1 MiB message bound',
      1009,
      frame({ opcode: 1, payload: Buffer.alloc(16), declared: 2 ** 20 + 1 }),
    ],
    ['invalid UTF-8', 1007, frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) })],
    ['an unmasked frame', 1002, frame({ opcode: 1, payload: Buffer.from('{}'), mask: false })],
    ['an unknown opcode', 1002, frame({ opcode: 3, payload: Buffer.alloc(0) })],
    ['RSV bits', 1002, frame({ opcode: 1, rsv: 0b011, payload: Buffer.from('{}') })],
    ['a fragmented ping', 1002, frame({ opcode: 9, fin: false, payload: Buffer.alloc(0) })],
    ['close code 999', 1002, frame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) })],
  ];
  it.each(protocolErrors)('%s on the WebSocket (closed with code %i)', async (_what, code, bad) => {
    const r = await exchange(lab.port, [upgradeRequest(lab.token), bad]);
    expect(httpStatus(r.reply)).toBe(101);
    expect(closeCode(r.reply)).toBe(code);
    await expectAlive();
  });

  it('a read error while serving a file (a link out of the renderer folder is not followed either)', async () => {
    const r = await exchange(lab.port, [get('/mem.js', { cookie: `somlab_token=${lab.token}` })]);
    expect(httpStatus(r.reply)).toBe(200);
    expect(r.reply.toString()).toContain('<title>SOM Lab</title>'); // the app's page, not the link
    await expectAlive();
  });
});
