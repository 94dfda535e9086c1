/**
 * `npm run bench:slow-clients [-- --seconds 90]`: the lab server's memory with three tabs that never read
 * while a snapshot-heavy run streams (issue 9: it must stay below 150 MB over 90 s). Starts the real lab
 * server (src/server/main.ts) on a temp project, opens three WebSocket tabs that complete the handshake
 * and then never read, starts seed004-mnist-som with a 30×30×784 snapshot every step (~3.8 MB each on
 * the wire) from a fourth tab that reads, and samples the server process's RSS (not the trainer's) every
 * second. Then the stuck tabs leave and RSS is sampled again. Loopback only.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { findPreset } from '../src/shared/presets';
import { encodeWire } from '../src/shared/wire';
import { decodeMessage } from '../src/shared/wire-frame';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '90' }, stuck: { type: 'string', default: '3' } },
});
const SECONDS = Number(values.seconds);
const STUCK = Number(values.stuck);
const MB = 2 ** 20;

const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stuckTab(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () =>
      s.write(
        `GET /ws?token=${token} HTTP/1.1\r\nhost: 127.0.0.1\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
          'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n',
      ),
    );
    s.once('data', () => (s.pause(), resolve(s)));
    s.once('error', reject);
  });
}

const project = await mkdtemp(join(tmpdir(), 'somlab-slow-clients-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--project', project, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<URL>((resolve) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /running at (\S+)/.exec(out);
    if (m) resolve(new URL(m[1]!));
  });
});
const port = Number(url.port);
const token = url.searchParams.get('token')!;
const stuck = await Promise.all(Array.from({ length: STUCK }, () => stuckTab(port, token)));
const reader = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
await new Promise((r) => reader.once('open', r));
let snapshots = 0;
let bytes = 0;
reader.on('message', (raw: Buffer, isBinary: boolean) => {
  bytes += raw.length;
  const m = decodeMessage(raw, isBinary);
  if ('event' in m && m.event.type === 'som-snapshot') snapshots++;
  if ('id' in m && !m.ok) console.error(`bench: ${m.error}`);
  if ('event' in m && (m.event.type === 'failed' || m.event.type === 'log')) console.error(`bench: run says`, m.event);
  if ('event' in m && m.event.type === 'run-started') console.error(`bench: run started on ${m.event.backend.name}`);
});
const spec = { ...findPreset('seed004-mnist-som').spec, snapshotEvery: 1, batchSize: 64, epochs: 100 };
reader.send(encodeWire({ id: 1, call: 'runs:start', args: [spec] }));

const before = rssOf(server.pid!);
const samples: number[] = [];
for (let s = 0; s < SECONDS; s++) {
  await sleep(1000);
  samples.push(rssOf(server.pid!));
}
const streamed = bytes;
for (const s of stuck) s.destroy();
await sleep(5000);
const afterLeave = rssOf(server.pid!);
const f = (b: number): string => `${(b / MB).toFixed(0)} MB`;
console.log(
  `${STUCK} stuck tabs over ${SECONDS} s: server RSS ${f(before)} at start, max ${f(Math.max(...samples))}, ` +
    `last ${f(samples.at(-1)!)}, ${f(afterLeave)} 5 s after the stuck tabs left; ` +
    `the reading tab was sent ${snapshots} snapshots (${f(streamed)}), as much as each stuck tab would have been`,
);
console.log(`RSS per second (MB): ${samples.map((b) => (b / MB).toFixed(0)).join(' ')}`);
reader.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
