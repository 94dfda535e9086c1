import { describe, expect, it } from 'vitest';
import { allowedExternal, EXTERNAL_ORIGINS, hardenContents } from './navigation';
import { APP_INDEX } from './protocol';
import { FakeContents, FakeShell } from './electron-standins.test-helper';

function hardened() {
  const contents = new FakeContents();
  const shell = new FakeShell();
  const logged: string[] = [];
  hardenContents(contents, shell, (m) => logged.push(m));
  return { contents, shell, logged };
}

const AWAY = ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8765/', 'javascript:alert(1)', 'data:,x'];

describe('navigation and new windows', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from the app is refused', (event) => {
    const { contents, logged } = hardened();
    for (const url of AWAY) expect(contents.emitPreventable(event, url), url).toBe(true);
    expect(logged).toHaveLength(AWAY.length);
    expect(contents.emitPreventable(event, APP_INDEX)).toBe(false);
    expect(contents.emitPreventable(event, 'somlab://app/index.html#runs')).toBe(false);
    expect(contents.emitPreventable(event, 'somlab://other/index.html')).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    expect(hardened().contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('denies every new window; only an allow-listed https site opens, in the system browser', async () => {
    const { contents, shell } = hardened();
    const open = (url: string) => contents.openHandler!({ url });
    expect(open('https://doi.org/10.1007/BF00337288')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('somlab://app/index.html')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://doi.org/10.1007/BF00337288']);
  });

  it('allows exactly the listed https origins', () => {
    for (const o of EXTERNAL_ORIGINS) expect(allowedExternal(`${o}/abs/1234`)).toBe(true);
    for (const url of [
      'http://doi.org/10.1/x', // not https
      'https://doi.org.evil.example/', // a longer host
      'https://evil.example/?https://doi.org',
      'https://user:pw@doi.org/', // credentials
      'https://doi.org:8443/', // another port is another origin
      'file:///home',
      'not a url',
    ])
      expect(allowedExternal(url), url).toBe(false);
  });
});
