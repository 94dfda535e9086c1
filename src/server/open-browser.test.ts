import { describe, expect, it } from 'vitest';
import { openBrowser } from './open-browser';

describe('--open', () => {
  it('says why no browser opened: no opener installed, or the opener failed', async () => {
    expect(await openBrowser('http://127.0.0.1:1/', { command: ['somlab-no-such-opener'] })).toBe(
      'somlab-no-such-opener is not installed',
    );
    expect(await openBrowser('http://127.0.0.1:1/', { command: ['sh', '-c', 'exit 3', 'sh'] })).toBe(
      'sh exited with code 3',
    );
  });

  it('is quiet when the opener took the URL', async () => {
    expect(await openBrowser('http://127.0.0.1:1/', { command: ['true'] })).toBeNull();
  });
});
