import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabHost } from '../host/lab-host';
import type { ShellAction } from '../shared/ipc-channels';
import type { ShowOpenDialog } from './dialogs';
import { ProjectOpener } from './project-opener';
import { UserFolders } from './user-folders';
import { windowOptions } from './window';

let tmp: string;
beforeAll(async () => (tmp = await mkdtemp(join(tmpdir(), 'somlab-opener-'))));
afterAll(() => rm(tmp, { recursive: true, force: true }));

function setup(picked: string | null = null) {
  const folders = new UserFolders(null);
  const recentlyOpened: string[] = [];
  const host = new LabHost({
    dataRoots: () => folders.roots('dataset'),
    projectRoots: () => folders.roots('project'),
    recentProjects: { opened: (d) => (recentlyOpened.push(d), folders.opened(d)), list: () => folders.recent() },
    defaultProject: join(tmp, 'data', 'Default project'),
  });
  const sent: ShellAction[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  const show: ShowOpenDialog = async (o) => (
    dialogs.push(o.title),
    { canceled: !picked, filePaths: picked ? [picked] : [] }
  );
  const opener = new ProjectOpener({
    host,
    folders,
    showOpenDialog: show,
    send: (a) => sent.push(a),
    showError: (t, m) => errors.push(`${t}: ${m}`),
  });
  return { folders, host, opener, sent, errors, dialogs, recentlyOpened };
}

describe('projects main opens', () => {
  it('creates a project in the folder picked in the dialog, then tells the renderer', async () => {
    const dir = join(tmp, 'new-one');
    const s = setup(dir);
    expect(await s.opener.createWithDialog()).toMatchObject({ name: 'new-one', dir });
    expect(s.dialogs).toEqual(['Choose an empty folder for the new project']);
    expect(s.sent).toEqual(['project-changed']);
    expect(s.folders.recent()).toEqual([dir]);
  });

  it('opens a project named on the command line or dropped, and says why one does not open', async () => {
    const s = setup();
    expect(await s.opener.open(join(tmp, 'new-one'), 'command line')).toMatchObject({ name: 'new-one' });
    const notProject = join(tmp, 'plain');
    await mkdir(notProject);
    expect(await s.opener.open(notProject, 'drop')).toBeNull();
    expect(s.errors).toEqual([
      expect.stringMatching(/plain \(drop\): .*is not a SOM Lab project: somlab\.json not found/),
    ]);
  });

  it('drops a recent project that no longer opens from the list', async () => {
    const s = setup();
    s.folders.opened(join(tmp, 'gone'));
    expect(await s.opener.open(join(tmp, 'gone'), 'recent')).toBeNull();
    expect(s.folders.recent()).toEqual([]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const s = setup(null);
    expect(await s.opener.openWithDialog()).toBeNull();
    expect([s.sent, s.errors]).toEqual([[], []]);
  });

  it('opens the default project (created the first time) without a grant, and lists it as recent', async () => {
    const s = setup();
    const first = await s.host.call('project:openDefault', []);
    expect(first).toMatchObject({ name: 'Default project', dir: join(tmp, 'data', 'Default project') });
    expect(await setup().host.call('project:openDefault', [])).toMatchObject({
      created: (first as { created: string }).created,
    });
    expect(await s.host.call('projects:recent', [])).toEqual([join(tmp, 'data', 'Default project')]);
  });

  it('reveals files of the open project only, by project-relative path', async () => {
    const revealed: string[] = [];
    const folders = new UserFolders(null);
    const host = new LabHost({
      dataRoots: [],
      projectRoots: () => folders.roots('project'),
      reveal: (abs) => void revealed.push(abs),
    });
    const dir = join(tmp, 'reveal');
    folders.grant('project', dir);
    await host.call('project:create', [dir, 'R']);
    await mkdir(join(dir, 'runs', 'r1'), { recursive: true });
    await writeFile(join(tmp, 'outside.txt'), 'x');
    await symlink(join(tmp, 'outside.txt'), join(dir, 'runs', 'link.txt'));
    expect(await host.call('files:reveal', ['runs/r1'])).toBe(true);
    expect(revealed).toEqual([join(dir, 'runs', 'r1')]);
    for (const bad of ['../outside.txt', 'runs/link.txt', '/etc'])
      await expect(host.call('files:reveal', [bad]), bad).rejects.toThrow(/outside the allowed folders/);
    await expect(host.call('files:reveal', ['runs/none'])).rejects.toThrow(/does not exist/);
    expect(await new LabHost({ dataRoots: [], projectRoots: null }).calls['projects:recent']()).toEqual([]);
  });
});

describe('window options', () => {
  it('isolate and sandbox the page; developer tools only in development builds', () => {
    const o = windowOptions({ bounds: { width: 1, height: 1 }, preload: '/p.cjs', dev: false });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(
      windowOptions({ bounds: { width: 1, height: 1 }, preload: '/p.cjs', dev: true }).webPreferences.devTools,
    ).toBe(true);
  });
});
