import { describe, expect, it } from 'vitest';
import { pathsFromArgv } from './argv';

describe('folders on the command line', () => {
  it('takes the arguments after the executable when packaged', () => {
    expect(pathsFromArgv(['/opt/SOM Lab/somlab', 'proj', '/data/p2'], { packaged: true, cwd: '/home/me' })).toEqual([
      '/home/me/proj',
      '/data/p2',
    ]);
  });

  it('skips electron, the app path and switches from a checkout', () => {
    const argv = ['/x/electron', '--no-sandbox', '/repo', '--inspect=0', '../p'];
    expect(pathsFromArgv(argv, { packaged: false, cwd: '/home/me/work' })).toEqual(['/home/me/p']);
    expect(pathsFromArgv(['/x/electron', '/repo'], { packaged: false, cwd: '/' })).toEqual([]);
  });
});
