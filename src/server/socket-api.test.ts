import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire } from '../shared/wire';
import { createFanout } from './fanout';
import { MAX_IN_FLIGHT, parseRequest, serveSocket, type CallHost } from './socket-api';
import { openSocket, sendRaw } from './lab-child.test-helper';

describe('parseRequest', () => {
  const parse = (text: string) => parseRequest(Buffer.from(text), false);
  it('takes {id, call, args}', () => {
    expect(parse('{"id":3,"call":"runs:list","args":[]}')).toEqual({ ok: true, id: 3, call: 'runs:list', args: [] });
  });
  it('names what is wrong and keeps the id when there is one', () => {
    expect(parse('{"id":3,"call":7,"args":[]}')).toMatchObject({ ok: false, id: 3, error: /call is number/ });
    expect(parse('{"id":3,"call":"x","args":{}}')).toMatchObject({ ok: false, id: 3, error: /args is an object/ });
    expect(parse('{"id":"3","call":"x","args":[]}')).toMatchObject({ ok: false, id: -1, error: /id is string/ });
    expect(parse('[1]')).toMatchObject({ ok: false, id: -1, error: /received an array; expected a JSON text/ });
    expect(parse('{"id":')).toMatchObject({ ok: false, id: -1, error: /^bad message: not valid JSON/ });
    expect(parseRequest(Buffer.from('{}'), true)).toMatchObject({ ok: false, error: /a binary frame/ });
  });
  it('says "nested too deeply" rather than overflowing the stack', () => {
    const deep = `{"id":1,"call":"x","args":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parse(deep)).toMatchObject({ ok: false, id: -1, error: /nested too deeply/ });
  });
});

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(host: CallHost): Promise<number> {
  const wss = new WebSocketServer({ noServer: true });
  const fanout = createFanout({ onRunEvent: () => () => {} });
  server = createServer();
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, host, fanout)),
  );
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('serveSocket', () => {
  it(`answers calls beyond ${MAX_IN_FLIGHT} in flight with an error at once, and serves again after`, async () => {
    const waiting: (() => void)[] = [];
    let hold = true;
    const port = await serve({
      call: () => (hold ? new Promise((r) => waiting.push(() => r('held'))) : Promise.resolve('done')),
    });
    const ws: WebSocket = await openSocket(port, '');
    for (let id = 1; id <= MAX_IN_FLIGHT; id++) ws.send(encodeWire({ id, call: 'runs:list', args: [] }));
    const refused = await sendRaw(ws, encodeWire({ id: 99, call: 'runs:list', args: [] }), 99);
    expect(refused).toMatchObject({ ok: false, error: /too many calls in flight \(32\)/ });
    hold = false;
    waiting.forEach((go) => go());
    const after = await sendRaw(ws, encodeWire({ id: 100, call: 'runs:list', args: [] }), 100);
    expect(after).toEqual({ id: 100, ok: true, result: 'done' });
    ws.terminate();
  });

  it('clips an error that would quote a huge input', async () => {
    const port = await serve({ call: (name) => Promise.reject(new Error(`no such thing: ${name}`)) });
    const ws = await openSocket(port, '');
    const r = await sendRaw(ws, encodeWire({ id: 1, call: 'x'.repeat(500_000) as 'runs:list', args: [] }), 1);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error.length).toBeLessThan(2100);
    ws.terminate();
  });
});
