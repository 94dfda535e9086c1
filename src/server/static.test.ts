import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendFile } from './static';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(file: string): Promise<Response> {
  server = createServer((_req, res) => void sendFile(file, res, {}));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

describe('sendFile', () => {
  it.skipIf(process.platform !== 'linux')('answers a read error (EIO from /proc/self/mem) with a 500', async () => {
    const r = await serve('/proc/self/mem');
    expect(r.status).toBe(500);
    expect(await r.text()).toBe('SOM Lab: this file cannot be read (EIO)');
  });

  it('answers a file that vanished with a 500 naming the code', async () => {
    const r = await serve('/nonexistent/somlab/file.js');
    expect(r.status).toBe(500);
    expect(await r.text()).toContain('(ENOENT)');
  });
});
