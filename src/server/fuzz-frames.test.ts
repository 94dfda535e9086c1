/**
 * Frame- and request-level fuzzing of the lab server (issue 9): seeded malformed WebSocket frames and
 * HTTP/upgrade requests over raw loopback sockets. Each input must get its clear error (an HTTP status or
 * an RFC 6455 close code) and be followed by a good call that the server answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { mulberry32 } from '../shared/random';
import { FRAME_CASES } from './fuzz-cases-ws.test-helper';
import { REQUEST_CASES } from './fuzz-cases-http.test-helper';
import { fuzzInputs, type FuzzInput } from './fuzz-common.test-helper';
import { closeCode } from './frames.test-helper';
import {
  call,
  exchange,
  httpStatus,
  openSocket,
  tempChildLab,
  type ChildLab,
  type Exchange,
} from './lab-child.test-helper';

const SEED = 20_240_909;
const INPUTS = 1300;
const LANES = 8;

let lab: ChildLab;
let probe: WebSocket;

beforeAll(async () => {
  lab = await tempChildLab('fuzz-frames');
  probe = await openSocket(lab.port, lab.token);
});
afterAll(async () => {
  probe?.terminate();
  await lab?.stop();
});

/** Null when the reply is the clear error this input calls for, else what was wrong. */
function judge(input: FuzzInput, r: Exchange): string | null {
  const status = httpStatus(r.reply);
  const e = input.expect;
  if ('http' in e) return e.http.includes(status ?? -1) ? null : `expected HTTP ${e.http.join('/')}, got ${status}`;
  if (status !== 101) return `the handshake failed (HTTP ${status})`;
  if ('hangup' in e) return r.closed ? null : 'the server kept a connection the client had ended';
  const code = closeCode(r.reply);
  return e.close.includes(code ?? -1) ? null : `expected close ${e.close.join('/')}, got ${code}`;
}

describe('frame-level fuzzing', () => {
  it(`answers ${INPUTS} malformed frames and requests with a clear error, and never dies`, async () => {
    const cases = [...Object.values(FRAME_CASES), ...Object.values(REQUEST_CASES)];
    const inputs = fuzzInputs(cases, mulberry32(SEED), lab.token, INPUTS);
    const wrong: string[] = [];
    const byKind = new Map<string, number>();
    let next = 0;
    let answered = 0;
    let killer: string | null = null;
    const lane = async (): Promise<void> => {
      while (next < inputs.length && killer === null) {
        const input = inputs[next++]!;
        const verdict = judge(input, await exchange(lab.port, input.chunks, { end: input.end, waitMs: 3000 }));
        if (verdict) wrong.push(`${input.what}: ${verdict}`);
        byKind.set(input.what, (byKind.get(input.what) ?? 0) + 1);
        const good = await call(probe, 100_000 + next, 'datasets:roots', []).catch(() => null);
        if (good?.ok) answered++;
        else killer ??= `${input.what} (input ${next})`;
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    console.log(
      `frame fuzz: ${next} inputs (seed ${SEED}) in ${byKind.size} kinds, ${answered} good calls answered, ` +
        `${wrong.length} without their clear error, deaths: ${killer ? 1 : 0}`,
    );
    expect(killer, `the server stopped answering after ${killer}: ${lab.death()}`).toBeNull();
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(answered).toBe(INPUTS);
  });
});
