/** Broken HTTP requests and refused or broken upgrades; the clear error for each is an HTTP status. */
import { bytes, int, pick, text, type FuzzInput, type Rand } from './fuzz-common.test-helper';
import { upgradeRequest } from './frames.test-helper';

const req = (line: string, headers: string[], body = ''): Buffer =>
  Buffer.from(`${line}\r\n${headers.join('\r\n')}\r\n\r\n${body}`, 'latin1');

/** Broken HTTP requests and refused or broken upgrades. */
export const REQUEST_CASES: Record<string, (r: Rand, t: string) => FuzzInput> = {
  'random bytes': (r) => ({
    what: 'random bytes',
    chunks: [Buffer.concat([Buffer.from([int(r, 0, 31)]), bytes(r, int(r, 1, 400))])],
    end: true,
    expect: { http: [400] },
  }),
  'bad method': (r) => ({
    what: 'bad method',
    chunks: [req(`G${pick(r, ['@', '{', '"', ' '])}T / HTTP/1.1`, ['host: x'])],
    expect: { http: [400] },
  }),
  'bad target': (r, t) => ({
    what: 'bad target',
    chunks: [
      req(`GET ${pick(r, ['http://[', '//[::1', 'http://a:99999/', '/%', '/%zz', '/a%e0%a4'])} HTTP/1.1`, [
        'host: x',
        `cookie: somlab_token=${t}`,
        'connection: close',
      ]),
    ],
    expect: { http: [400, 404] },
  }),
  'bad cookie': (r) => ({
    what: 'bad cookie',
    chunks: [
      req('GET / HTTP/1.1', [
        'host: x',
        `cookie: somlab_token=${pick(r, ['%', '%%', '%E0%A4%A', '%zz'])}${text(r, 5).toString().replace(/[;\\]/g, '')}`,
        'connection: close',
      ]),
    ],
    expect: { http: [401] },
  }),
  'huge header': (r) => ({
    what: 'huge header',
    chunks: [req('GET / HTTP/1.1', ['host: x', `x-a: ${'a'.repeat(int(r, 17_000, 60_000))}`])],
    expect: { http: [431] },
  }),
  'NUL or lone CR in a header': (r) => ({
    what: 'NUL/CR header',
    chunks: [req('GET / HTTP/1.1', ['host: x', pick(r, ['x-a: a\0b', 'x-a: a\rb'])])],
    expect: { http: [400] },
  }),
  'conflicting lengths': () => ({
    what: 'conflicting lengths',
    chunks: [req('POST / HTTP/1.1', ['host: x', 'content-length: 1', 'content-length: 2'], 'ab')],
    expect: { http: [400] },
  }),
  'truncated headers': (r) => {
    const whole = req('GET / HTTP/1.1', ['host: x', 'cookie: a=b']);
    return {
      what: 'truncated headers',
      chunks: [whole.subarray(0, int(r, 1, whole.length - 3))],
      end: true,
      expect: { http: [400] },
    };
  },
  'bad upgrade key or version': (r, t) => ({
    what: 'bad key/version',
    chunks: [
      upgradeRequest(
        t,
        pick<Record<string, string>>(r, [
          { 'sec-websocket-key': text(r, int(r, 0, 30)).toString() },
          // ws speaks versions 8 and 13
          { 'sec-websocket-version': String(pick(r, [0, 1, 7, 9, 12, 14, 99])) },
          { upgrade: 'websockets' },
        ]),
      ),
    ],
    expect: { http: [400] },
  }),
  'upgrade by POST': (_r, t) => ({
    what: 'upgrade by POST',
    chunks: [Buffer.from(upgradeRequest(t).toString('latin1').replace(/^GET/, 'POST'), 'latin1')],
    expect: { http: [400, 405] },
  }),
  'upgrade elsewhere': (r, t) => ({
    what: 'upgrade elsewhere',
    chunks: [upgradeRequest(t, {}, pick(r, ['/', '/wss', '/ws/', '/api/session']))],
    expect: { http: [404] },
  }),
  'upgrade from another origin': (r, t) => ({
    what: 'foreign origin',
    chunks: [upgradeRequest(t, { origin: pick(r, ['http://evil.example', 'null', 'http://127.0.0.1:1']) })],
    expect: { http: [403] },
  }),
  'upgrade without the token': (r) => ({
    what: 'no token',
    chunks: [
      upgradeRequest(
        text(r, 48)
          .toString()
          .replace(/[;%\\]/g, ''),
      ),
    ],
    expect: { http: [401] },
  }),
};
