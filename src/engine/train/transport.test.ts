import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/events';
import { utilityTransport, type ParentPort } from './transport';

describe('utilityTransport (Electron parentPort)', () => {
  it('unwraps message events and posts run events as they are', async () => {
    const posted: unknown[] = [];
    let listener: ((e: { data: unknown }) => void) | undefined;
    const port: ParentPort = {
      on: (_ev, fn) => {
        listener = fn;
      },
      postMessage: (m) => posted.push(m),
    };
    const t = utilityTransport(port);
    const got: unknown[] = [];
    t.onMessage((m) => got.push(m));
    listener!({ data: { type: 'pause' } });
    expect(got).toEqual([{ type: 'pause' }]);
    const e: RunEvent = { type: 'log', v: 1, runId: 'r', level: 'info', message: 'hi' };
    t.send(e);
    expect(posted).toEqual([e]);
    await t.flushed();
  });
});
