/**
 * Message-level fuzzing of the lab server's WebSocket Api (issue 9): seeded malformed messages in good
 * frames. Every one must get an error reply that says what was expected, is short (no echo of a huge
 * input) and carries the message's id when it had one; each is followed by a good call that is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { mulberry32 } from '../shared/random';
import { messageFuzzInputs, type FuzzMessage } from './fuzz-cases-messages.test-helper';
import { MAX_ERROR_CHARS } from './socket-api';
import { call, openSocket, sendRaw, tempChildLab, type ChildLab, type Reply } from './lab-child.test-helper';

const SEED = 7_0909;
const INPUTS = 1100;
const LANES = 6;
/** Words a clear error uses: what was expected, or why the call cannot be done now. */
const CLEAR = new RegExp(
  [
    'expected',
    'unknown call',
    'arguments of',
    'bad message',
    'no project is open',
    'not training',
    'experiment spec',
    'typed array',
    'folders are not enabled',
    'no \\w+ folders are allowed',
    'outside the allowed',
  ].join('|'),
);

let lab: ChildLab;
beforeAll(async () => {
  lab = await tempChildLab('fuzz-messages');
});
afterAll(() => lab?.stop());

/** Null when `r` is the clear error reply `m` calls for, else what was wrong. */
function judge(m: FuzzMessage, r: Reply): string | null {
  if (r.ok) return 'answered ok';
  if (!m.ids.includes(r.id)) return `reply id ${r.id}, expected ${m.ids.join(' or ')}`;
  if (r.error.length > MAX_ERROR_CHARS) return `an error of ${r.error.length} characters`;
  if (/(.)\1{300}/.test(r.error)) return 'the error echoes the input';
  return CLEAR.test(r.error) ? null : `unclear error: ${r.error.slice(0, 200)}`;
}

describe('message-level fuzzing', () => {
  it(`answers ${INPUTS} malformed messages with clear, short errors, and never dies`, async () => {
    const inputs = messageFuzzInputs(mulberry32(SEED), INPUTS);
    const wrong: string[] = [];
    let next = 0;
    let answered = 0;
    let closedTooBig = 0;
    let killer: string | null = null;
    const lane = async (): Promise<void> => {
      let ws: WebSocket = await openSocket(lab.port, lab.token);
      while (next < inputs.length && killer === null) {
        const m = inputs[next++]!;
        const r = await sendRaw(ws, m.data, m.ids).catch((e: Error) => e);
        if (m.tooBig) {
          if (r instanceof Error && /closed \(1009/.test(r.message)) closedTooBig++;
          else wrong.push(`${m.what}: expected close 1009, got ${r instanceof Error ? r.message : 'a reply'}`);
          ws = await openSocket(lab.port, lab.token).catch(() => ws);
        } else if (r instanceof Error) wrong.push(`${m.what}: ${r.message}`);
        else {
          const verdict = judge(m, r);
          if (verdict) wrong.push(`${m.what}: ${verdict}`);
        }
        const good = await call(ws, 1_000_000 + next, 'datasets:roots', []).catch(() => null);
        if (good?.ok) answered++;
        else killer ??= `${m.what} (input ${next})`;
      }
      ws.terminate();
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    console.log(
      `message fuzz: ${next} inputs (seed ${SEED}), ${INPUTS - wrong.length} clear error replies or 1009 closes ` +
        `(${closedTooBig} closes), ${wrong.length} wrong, ${answered} good calls answered, deaths: ${killer ? 1 : 0}`,
    );
    expect(killer, `the server stopped answering after ${killer}: ${lab.death()}`).toBeNull();
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(answered).toBe(INPUTS);
  });
});
