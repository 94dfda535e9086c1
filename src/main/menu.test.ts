import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuCommands } from './menu';

const log: string[] = [];
const cmd: MenuCommands = {
  send: (a) => log.push(`send ${a}`),
  newProject: () => log.push('new project'),
  openProject: () => log.push('open project'),
  openRecent: (d) => log.push(`recent ${d}`),
};

/** Every item of a template, depth first. */
function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}
const roles = (t: MenuItemConstructorOptions[]) => items(t).flatMap((i) => (i.role ? [i.role] : []));
const DEV_ROLES = ['reload', 'forceReload', 'toggleDevTools'];

describe('application menu', () => {
  it('offers the standard roles: Edit, Window, Help, zoom and full screen', () => {
    const r = roles(menuTemplate({ dev: false, mac: false, recent: [] }, cmd));
    expect(r).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help', 'quit', 'togglefullscreen', 'zoomIn']));
    expect(roles(menuTemplate({ dev: false, mac: true, recent: [] }, cmd))).toEqual(
      expect.arrayContaining(['appMenu', 'close']),
    );
  });

  it('offers reload and the developer tools only in development builds', () => {
    expect(roles(menuTemplate({ dev: false, mac: false, recent: [] }, cmd))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(DEV_ROLES.join('|')))]),
    );
    for (const r of roles(menuTemplate({ dev: false, mac: true, recent: [] }, cmd))) expect(DEV_ROLES).not.toContain(r);
    expect(roles(menuTemplate({ dev: true, mac: false, recent: [] }, cmd))).toEqual(expect.arrayContaining(DEV_ROLES));
  });

  it('lists recent projects under File › Open Recent, each opening its folder', () => {
    const t = menuTemplate({ dev: false, mac: false, recent: ['/home/me/colours', '/data/mnist-run'] }, cmd);
    const recent = items(t).find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['colours — /home/me/colours', 'mnist-run — /data/mnist-run']);
    (recent[1]!.click as () => void)();
    expect(log.at(-1)).toBe('recent /data/mnist-run');
    const none = menuTemplate({ dev: false, mac: false, recent: [] }, cmd);
    expect(items(none).find((i) => i.label === 'No recent projects')?.enabled).toBe(false);
  });

  it('wires File and View commands', () => {
    const t = items(menuTemplate({ dev: false, mac: false, recent: [] }, cmd));
    for (const label of ['New Project…', 'Open Project…', 'New Run…', 'Runs', 'Compare', 'Playground'])
      (t.find((i) => i.label === label)!.click as () => void)();
    expect(log.slice(-6)).toEqual([
      'new project',
      'open project',
      'send new-run',
      'send view-runs',
      'send view-compare',
      'send view-playground',
    ]);
  });
});
