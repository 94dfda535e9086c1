import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabHost } from '../host/lab-host';
import { API_CALL_NAMES } from '../shared/api';
import { PRESETS } from '../shared/presets';
import { apiChannel, SHELL_CHANNELS } from '../shared/ipc-channels';
import { registerIpc } from './ipc';
import { FakeIpc, senderEvent } from './electron-standins.test-helper';
import { UserFolders } from './user-folders';

let tmp: string;
let ipc: FakeIpc;
let channels: string[];
const dropped: string[] = [];
const folders = new UserFolders(null);
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'somlab-ipc-'));
  const host = new LabHost({ dataRoots: () => folders.roots('dataset'), projectRoots: () => folders.roots('project') });
  ipc = new FakeIpc();
  ({ channels } = registerIpc(ipc, host, { dropped: async (p) => dropped.push(p) }, (id) => id === 1));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const BAD_SENDERS = {
  'a frame that went away': senderEvent({ gone: true }),
  'a sub-frame of the app': senderEvent({ top: false }),
  'another page': senderEvent({ url: 'https://evil.example/' }),
  'a file:// page': senderEvent({ url: 'file:///tmp/x.html' }),
  'an app URL with credentials': senderEvent({ url: 'somlab://u:p@app/index.html' }),
  'another window': senderEvent({ contentsId: 2 }),
};

describe('IPC', () => {
  it('has one channel per Api call plus the shell channels, nothing else', () => {
    expect(channels.sort()).toEqual([...API_CALL_NAMES.map(apiChannel), SHELL_CHANNELS.dropped].sort());
    expect([...ipc.handlers.keys()].sort()).toEqual(channels);
  });

  it('refuses every channel from anything but the app window top frame', async () => {
    for (const channel of channels)
      for (const [what, e] of Object.entries(BAD_SENDERS))
        await expect(ipc.invoke(channel, e), `${channel} from ${what}`).rejects.toThrow(`refused ${channel}`);
    expect(dropped).toEqual([]);
  });

  it('validates the arguments of every channel, naming it', async () => {
    const junk = Array.from({ length: 6 }, () => ({ junk: true }));
    for (const channel of channels) {
      const call = channel.replace(/^somlab:/, '');
      await expect(ipc.invoke(channel, senderEvent(), ...junk), channel).rejects.toThrow(/arguments of /);
      await expect(ipc.invoke(channel, senderEvent(), ...junk)).rejects.toThrow(call);
    }
    await expect(ipc.invoke(SHELL_CHANNELS.dropped, senderEvent(), 'a\0b')).rejects.toThrow(/NUL/);
    expect(dropped).toEqual([]);
  });

  it('answers a good call from the app window', async () => {
    expect(await ipc.invoke(apiChannel('presets:list'), senderEvent())).toEqual(PRESETS);
    await ipc.invoke(SHELL_CHANNELS.dropped, senderEvent(), tmp);
    expect(dropped).toEqual([tmp]);
  });

  it('opens and creates projects only in folders the user gave', async () => {
    const dir = join(tmp, 'p');
    await expect(ipc.invoke(apiChannel('project:create'), senderEvent(), dir, 'P')).rejects.toThrow(
      /project folder .* no project folders are allowed here|outside the allowed folders/,
    );
    folders.grant('project', dir);
    expect(await ipc.invoke(apiChannel('project:create'), senderEvent(), dir, 'P')).toMatchObject({ name: 'P' });
    await expect(ipc.invoke(apiChannel('project:open'), senderEvent(), tmp)).rejects.toThrow(/outside the allowed/);
  });

  it('unregisters every channel on dispose', () => {
    const other = new FakeIpc();
    const r = registerIpc(other, { call: async () => null }, { dropped: async () => null }, () => true);
    r.dispose();
    expect(other.handlers.size).toBe(0);
  });
});
