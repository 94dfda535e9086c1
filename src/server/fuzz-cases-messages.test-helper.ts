/**
 * Malformed messages for the message-level fuzz test, sent in good frames over a good WebSocket: broken
 * JSON, wrong shapes and types, unknown or huge call names, huge strings, deep nesting, bad typed arrays,
 * wrong arguments to real calls, calls that need a project. Each must be answered with an error reply.
 */
import { API_CALL_NAMES } from '../shared/api';
import { int, pick, text, type Rand } from './fuzz-common.test-helper';
import { MAX_MESSAGE_BYTES } from './lab-server';

export interface FuzzMessage {
  what: string;
  data: string | Buffer;
  /** The ids the error reply may carry (-1 when the message has no usable id). */
  ids: number[];
  /** Over the message bound: the server closes the socket with 1009 instead of replying. */
  tooBig?: boolean;
}

const JUNK: unknown[] = [null, true, 0, -1, 1.5, '', 'x', [], {}, [null], { a: 1 }, 2 ** 60, '../..', '\u0000'];
const BAD_IDS = ['"7"', '1.5', 'null', '[]', '{}', '1e400', String(2 ** 60)];
const junk = (r: Rand): unknown => pick(r, JUNK);
const msg = (what: string, id: number, body: object, ids = [id]): FuzzMessage => ({
  what,
  data: JSON.stringify({ id, ...body }),
  ids,
});
/** A string of a length spread evenly on a log scale between lo and hi (most a few KB, some near 1 MB). */
const long = (r: Rand, lo: number, hi: number): string => 'n'.repeat(Math.round(lo * (hi / lo) ** r()));

const CASES: Record<string, (r: Rand, id: number) => FuzzMessage> = {
  'truncated JSON': (r, id) => {
    const whole = JSON.stringify({ id, call: 'runs:list', args: [] });
    return { what: 'truncated JSON', data: whole.slice(0, int(r, 0, whole.length - 1)), ids: [-1] };
  },
  'random text': (r) => ({ what: 'random text', data: `~${text(r, int(r, 0, 200)).toString()}`, ids: [-1] }),
  'not an object': (r) => ({
    what: 'not an object',
    data: JSON.stringify(pick(r, [null, 7, 'runs:list', [1, 2], true])),
    ids: [-1],
  }),
  'bad id': (r) => ({
    what: 'bad id',
    data: `{"id":${pick(r, BAD_IDS)},"call":"runs:list","args":[]}`,
    ids: [-1],
  }),
  'bad call type': (r, id) => msg('bad call type', id, { call: pick(r, [7, null, [], {}, true]), args: [] }),
  'bad args type': (r, id) => msg('bad args type', id, { call: 'runs:list', args: pick(r, [{}, 'x', 3, null]) }),
  'no args': (_r, id) => msg('no args', id, { call: 'runs:list' }),
  'unknown call': (r, id) =>
    msg('unknown call', id, {
      call: pick(r, [
        'runs:lis',
        'RUNS:LIST',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        text(r, int(r, 1, 300)).toString(),
      ]),
      args: [],
    }),
  'huge call name': (r, id) => msg('huge call name', id, { call: long(r, 10_000, 900_000), args: [] }),
  'huge path': (r, id) =>
    msg('huge path', id, {
      call: pick(r, ['project:open', 'project:create']),
      args: [`/${long(r, 5000, 900_000)}`, 'p'],
    }),
  'huge names': (r, id) =>
    msg('huge names', id, {
      call: pick(r, ['runs:startPreset', 'runs:get', 'runs:stop']),
      args: [long(r, 200, 900_000)],
    }),
  'deep nesting': (r, id) => {
    const depth = Math.round(100 * 4000 ** r()); // 100 to 400,000 levels
    return {
      what: 'deep nesting',
      data: `{"id":${id},"call":"runs:start","args":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      ids: [id, -1],
    };
  },
  'bad typed array': (r, id) =>
    msg(
      'bad typed array',
      id,
      {
        call: 'runs:start',
        args: [{ $typed: pick(r, ['f64', '__proto__', 'constructor', 3]), b64: pick(r, ['', '%%', 5]) }],
      },
      [-1],
    ),
  'binary frame': (_r, id) => ({
    what: 'binary frame',
    data: Buffer.from(JSON.stringify({ id, call: 'runs:list', args: [] })),
    ids: [-1],
  }),
  'too many arguments': (r, id) =>
    msg('too many arguments', id, {
      call: pick(r, API_CALL_NAMES),
      args: Array.from({ length: int(r, 4, 9) }, () => junk(r)),
    }),
  'wrong argument types': (r, id) =>
    msg('wrong argument types', id, {
      call: pick(r, ['runs:get', 'runs:snapshot', 'project:open', 'datasets:preview', 'dialogs:pickFolder']),
      args: [pick(r, [7, null, {}, [], true])],
    }),
  'run id tricks': (r, id) =>
    msg('run id tricks', id, {
      call: pick(r, ['runs:get', 'runs:pause', 'runs:winners']),
      args: [pick(r, ['../../etc/passwd', '..', 'a/b', '%2e%2e', 'a\\b', 'a\u0000b', '', '.'.repeat(3)]), 0],
    }),
  'junk spec': (r, id) =>
    msg('junk spec', id, {
      call: 'runs:start',
      args: [{ kind: pick(r, ['som', 'mlp', 'x', 3]), som: { rows: junk(r) }, epochs: junk(r) }],
    }),
  'junk dataset ref': (r, id) =>
    msg('junk dataset ref', id, {
      call: 'datasets:preview',
      args: [{ source: pick(r, ['folder', 'builtin', 'x', 1]), path: junk(r), name: junk(r) }],
    }),
  'needs a project': (r, id) =>
    msg('needs a project', id, {
      call: pick(r, ['runs:list', 'runs:get', 'runs:pause', 'runs:startPreset']),
      args: pick(r, [[], ['run-1'], ['seed004-colors']]),
    }),
  'over the message bound': (r, id) => ({
    what: 'over the message bound',
    data: JSON.stringify({ id, call: 'runs:list', args: [long(r, MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES + 65_536)] }),
    ids: [],
    tooBig: true,
  }),
};

/** `n` messages, the cases taken in turn, ids 1..n. */
export function messageFuzzInputs(rand: Rand, n: number): FuzzMessage[] {
  const cases = Object.values(CASES);
  return Array.from({ length: n }, (_, i) => cases[i % cases.length]!(rand, i + 1));
}
