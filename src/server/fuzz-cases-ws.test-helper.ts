/**
 * Broken WebSocket frames after a good handshake. The clear error for each is a close frame with its
 * RFC 6455 code: 1002 protocol error, 1007 invalid UTF-8, 1009 too big (over MAX_MESSAGE_BYTES).
 */
import { MAX_MESSAGE_BYTES } from './lab-server';
import { bytes, int, pick, text, type FuzzInput, type Rand } from './fuzz-common.test-helper';
import { frame, upgradeRequest } from './frames.test-helper';

const INVALID_UTF8 = [
  [0xc3, 0x28],
  [0xa0, 0xa1],
  [0xe2, 0x28, 0xa1],
  [0xf0, 0x28, 0x8c, 0xbc],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xff],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];
const BAD_CLOSE_CODES = [0, 1, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535];
const UNKNOWN_OPCODES = [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf];

const ws = (token: string, what: string, f: Buffer, codes: number[]): FuzzInput => ({
  what,
  chunks: [upgradeRequest(token), f],
  expect: { close: codes },
});

function badUtf8(r: Rand): Buffer {
  return Buffer.concat([text(r, int(r, 0, 40)), Buffer.from(pick(r, INVALID_UTF8)), text(r, int(r, 0, 40))]);
}

/** Cases after a good handshake. */
export const FRAME_CASES: Record<string, (r: Rand, t: string) => FuzzInput> = {
  oversized: (r, t) =>
    ws(
      t,
      'oversized',
      frame({ opcode: pick(r, [1, 2]), payload: bytes(r, 8), declared: int(r, MAX_MESSAGE_BYTES + 1, 2 ** 40) }),
      [1009],
    ),
  'invalid UTF-8': (r, t) => ws(t, 'invalid UTF-8', frame({ opcode: 1, payload: badUtf8(r) }), [1007]),
  'invalid UTF-8 close reason': (r, t) =>
    ws(
      t,
      'invalid UTF-8 close reason',
      frame({ opcode: 8, payload: Buffer.concat([Buffer.from([0x03, 0xe8]), badUtf8(r)]) }),
      [1007],
    ),
  unmasked: (r, t) =>
    ws(t, 'unmasked', frame({ opcode: pick(r, [1, 2, 9]), payload: text(r, int(r, 0, 60)), mask: false }), [1002]),
  'unknown opcode': (r, t) =>
    ws(t, 'unknown opcode', frame({ opcode: pick(r, UNKNOWN_OPCODES), payload: bytes(r, int(r, 0, 60)) }), [1002]),
  'RSV bits': (r, t) =>
    ws(t, 'RSV bits', frame({ opcode: pick(r, [1, 2, 9]), rsv: int(r, 1, 7), payload: text(r, 10) }), [1002]),
  'fragmented control': (r, t) =>
    ws(
      t,
      'fragmented control',
      frame({ opcode: pick(r, [8, 9, 10]), fin: false, payload: text(r, int(r, 0, 20)) }),
      [1002],
    ),
  'bad close code': (r, t) => {
    const p = Buffer.alloc(2);
    p.writeUInt16BE(pick(r, BAD_CLOSE_CODES));
    return ws(t, 'bad close code', frame({ opcode: 8, payload: p }), [1002]);
  },
  'one-byte close': (r, t) => ws(t, 'one-byte close', frame({ opcode: 8, payload: bytes(r, 1) }), [1002]),
  'control over 125 bytes': (r, t) =>
    ws(t, 'control over 125 bytes', frame({ opcode: pick(r, [9, 10]), payload: text(r, int(r, 126, 2000)) }), [1002]),
  'continuation first': (r, t) =>
    ws(t, 'continuation first', frame({ opcode: 0, payload: text(r, int(r, 1, 50)) }), [1002]),
  'data inside a fragmented message': (r, t) =>
    ws(
      t,
      'data inside a fragmented message',
      Buffer.concat([
        frame({ opcode: 1, fin: false, payload: text(r, 5) }),
        frame({ opcode: pick(r, [1, 2]), payload: text(r, 5) }),
      ]),
      [1002],
    ),
  'truncated frame then hang-up': (r, t) => {
    const whole = frame({ opcode: 1, payload: text(r, int(r, 10, 300)) });
    return {
      what: 'truncated frame',
      chunks: [upgradeRequest(t), whole.subarray(0, int(r, 1, whole.length - 1))],
      end: true,
      expect: { hangup: true },
    };
  },
};
