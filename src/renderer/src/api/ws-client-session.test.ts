// @vitest-environment happy-dom
/** Issue 9, item 4: after a server restart with a new token, an open tab stops retrying and says what to do. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick } from 'vue';
import { SESSION_PATH } from '../../../shared/wire';
import ConnectionBanner from '../components/ConnectionBanner.vue';
import { FakeSocket } from './fake-socket.test-helper';
import { setApi } from './index';
import { sessionChecker, type SessionCheck } from './session';
import { createWsClient } from './ws-client';

afterEach(() => {
  FakeSocket.all = [];
  vi.useRealTimers();
  setApi(null);
});

const make = (check: () => Promise<SessionCheck>) =>
  createWsClient({
    url: 'ws://lab/ws?token=t',
    socket: (u) => new FakeSocket(u),
    backoff: () => 100,
    checkSession: check,
  });

describe('WebSocket client after a close', () => {
  it('stops retrying when the server no longer takes its token, rejecting calls with what to do', async () => {
    vi.useFakeTimers();
    const api = make(async () => 'token');
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.state()).toMatchObject({ status: 'refused', refusal: 'token', everOpened: true });
    expect(api.state().lastError).toBe(
      'The lab server restarted with a new access token: open the new URL it printed (…/?token=…).',
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1); // no more attempts
    await expect(api['runs:list']()).rejects.toThrow(/runs:list: The lab server restarted with a new access token/);
  });

  it('keeps retrying while the server is down, and says so', async () => {
    vi.useFakeTimers();
    const api = make(async () => 'down');
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.state()).toMatchObject({ status: 'reconnecting', serverDown: true, attempt: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.open();
    expect(api.state()).toMatchObject({ status: 'open', serverDown: false });
  });

  it('retries a close the server explains (a tab that fell behind), showing the reason', async () => {
    vi.useFakeTimers();
    const api = make(async () => 'ok');
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop('SOM Lab: this tab fell 4.0 MB behind; reconnect to re-read runs from disk', 4008);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.state()).toMatchObject({ status: 'reconnecting', serverDown: false, lastError: /fell 4\.0 MB behind/ });
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.all).toHaveLength(2);
  });
});

describe('sessionChecker', () => {
  const answer = (status: number) => vi.fn(async () => new Response(null, { status: status === 204 ? 204 : status }));
  it('POSTs the token to the session path and reads the status', async () => {
    const f = answer(204);
    expect(await sessionChecker('http://127.0.0.1:8765/#/live', 'abc', f)()).toBe('ok');
    expect(f).toHaveBeenCalledWith(
      `http://127.0.0.1:8765${SESSION_PATH}?token=abc`,
      expect.objectContaining({ method: 'POST' }),
    );
    expect(await sessionChecker('http://h/', 'abc', answer(401))()).toBe('token');
    expect(await sessionChecker('http://h/', 'abc', answer(403))()).toBe('origin');
    expect(await sessionChecker('http://h/', 'abc', answer(502))()).toBe('down');
    const refused = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await sessionChecker('http://h/', null, refused)()).toBe('down');
  });
});

describe('ConnectionBanner', () => {
  it('shows the refusal as an alert and the down server as a status', async () => {
    vi.useFakeTimers();
    let verdict: SessionCheck = 'down';
    const api = make(async () => verdict);
    setApi(api, api);
    const host = document.createElement('div');
    const app = createApp(ConnectionBanner);
    app.mount(host);
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    await nextTick();
    expect(host.querySelector('[role=status]')?.textContent).toMatch(
      /not answering \(is `npm run lab` still running\?\)/,
    );
    verdict = 'token';
    await vi.advanceTimersByTimeAsync(100);
    FakeSocket.all[1]!.drop();
    await vi.advanceTimersByTimeAsync(0);
    await nextTick();
    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'The lab server restarted with a new access token: open the new URL it printed (…/?token=…).',
    );
    app.unmount();
  });
});
