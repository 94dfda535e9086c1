// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeWire } from '../../../shared/wire';
import { encodeFrame } from '../../../shared/wire-frame';
import type { RunEvent } from '../../../shared/events';
import type { SomSnapshot } from '../../../shared/run-types';
import { createWsClient, defaultBackoff } from './ws-client';
import { FakeSocket } from './fake-socket.test-helper';

const make = () =>
  createWsClient({ url: 'ws://lab/ws?token=t', socket: (u) => new FakeSocket(u), backoff: (n) => n * 100 });

/** A `winners` event of run r at step 3, as a trainer sends it. */
const winnersEvent = (winners: number[]): Extract<RunEvent, { type: 'winners' }> => ({
  type: 'winners',
  v: 1,
  runId: 'r',
  step: 3,
  layer: 'som',
  winners: new Int32Array(winners),
});

afterEach(() => {
  FakeSocket.all = [];
  vi.useRealTimers();
});

describe('WebSocket Api client', () => {
  it('queues calls until open, then sends {id, call, args} and resolves by id', async () => {
    const api = make();
    const sock = FakeSocket.all[0]!;
    expect(sock.url).toBe('ws://lab/ws?token=t');
    const a = api['runs:get']('r1');
    const b = api['project:open']('/p');
    expect(sock.sent).toEqual([]);
    sock.open();
    const [ra, rb] = sock.requests();
    expect(ra).toEqual({ id: ra!.id, call: 'runs:get', args: ['r1'] });
    expect(rb!.call).toBe('project:open');
    // Answers may come in any order.
    sock.receive(encodeWire({ id: rb!.id, ok: true, result: { dir: '/p' } }));
    sock.receive(encodeWire({ id: ra!.id, ok: false, error: 'run "r1" not found' }));
    await expect(b).resolves.toEqual({ dir: '/p' });
    await expect(a).rejects.toThrow('run "r1" not found');
  });

  it('keeps typed arrays through the wire (events and results)', async () => {
    const api = make();
    const sock = FakeSocket.all[0]!;
    sock.open();
    const events: RunEvent[] = [];
    const off = api.onRunEvent((e) => events.push(e));
    const winners = winnersEvent([4, -1, 7]);
    sock.receive(encodeWire({ event: winners }));
    expect(events).toHaveLength(1);
    const got = events[0] as Extract<RunEvent, { type: 'winners' }>;
    expect(got.winners).toBeInstanceOf(Int32Array);
    expect([...got.winners]).toEqual([4, -1, 7]);
    off();
    sock.receive(encodeWire({ event: winners }));
    expect(events).toHaveLength(1);

    const p = api['runs:snapshot']('r', 0);
    const snap: SomSnapshot = {
      step: 0,
      layer: 'som',
      rows: 1,
      cols: 2,
      topology: 'rect',
      shape: [3],
      codebook: new Float32Array([0.5, 0.25, 1, 0, 0, 0.125]),
      hits: new Float32Array([1, 2]),
      umatrix: new Float32Array([0.1, 0.2]),
    };
    sock.receive(encodeWire({ id: sock.requests()[0]!.id, ok: true, result: snap }));
    const s = await p;
    expect(s.codebook).toBeInstanceOf(Float32Array);
    expect([...s.codebook]).toEqual([0.5, 0.25, 1, 0, 0, 0.125]);
  });

  it('decodes binary frames (snapshots, winners) to typed arrays; a damaged one is dropped with a warning', () => {
    const api = make();
    const sock = FakeSocket.all[0]!;
    sock.open();
    const events: RunEvent[] = [];
    api.onRunEvent((e) => events.push(e));
    const winners = winnersEvent([4, -1]);
    sock.receive(encodeFrame({ event: winners })!.slice().buffer);
    expect(events).toEqual([winners]);
    expect((events[0] as typeof winners & { winners: Int32Array }).winners).toBeInstanceOf(Int32Array);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sock.receive(new Uint8Array([0x53, 0x4c, 0x42, 1, 99, 0, 0, 0]).buffer);
    expect(events).toHaveLength(1);
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/binary frame: header of 99 bytes overruns/);
    warn.mockRestore();
  });

  it('rejects calls in flight when the socket drops, reconnects with backoff and reports its state', async () => {
    vi.useFakeTimers();
    const api = make();
    const states: string[] = [];
    api.onState((s) => states.push(`${s.status}:${s.attempt}`));
    const first = FakeSocket.all[0]!;
    first.open();
    const inFlight = api['runs:list']();
    first.drop();
    await expect(inFlight).rejects.toThrow(/runs:list: the connection to the lab server was lost/);
    expect(api.state()).toMatchObject({ status: 'reconnecting', attempt: 1, retryInMs: 100, everOpened: true });
    vi.advanceTimersByTime(99);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.drop(); // second failure waits longer
    expect(api.state().retryInMs).toBe(200);
    vi.advanceTimersByTime(200);
    const third = FakeSocket.all[2]!;
    const later = api['presets:list']();
    third.open();
    expect(api.state()).toMatchObject({ status: 'open', attempt: 0 });
    third.receive(encodeWire({ id: third.requests()[0]!.id, ok: true, result: [] }));
    await expect(later).resolves.toEqual([]);
    expect(states).toContain('reconnecting:2');
    api.close();
    expect(api.state().status).toBe('closed');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(3); // no reconnect after close
  });

  it('backs off exponentially up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(defaultBackoff)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });
});
