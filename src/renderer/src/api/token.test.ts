// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TOKEN_KEY, socketUrl, takeToken } from './token';

function place(href: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[TOKEN_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    store,
    p: {
      href,
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      },
      replaceUrl: (u: string) => void replaced.push(u),
    },
  };
}

describe('lab server token', () => {
  it('takes the token from the URL, stores it and strips it from the visible URL', () => {
    const { p, store, replaced } = place('http://127.0.0.1:5173/?token=abc&x=1#/live/r1');
    expect(takeToken(p)).toBe('abc');
    expect(store.get(TOKEN_KEY)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/live/r1']);
  });

  it('falls back to the stored token on reload (and leaves the URL alone)', () => {
    const { p, replaced } = place('http://127.0.0.1:5173/#/runs', 'kept');
    expect(takeToken(p)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('builds ws:// or wss:// URLs for the same host', () => {
    expect(socketUrl('http://127.0.0.1:8080/x', 'a b')).toBe('ws://127.0.0.1:8080/ws?token=a%20b');
    expect(socketUrl('https://lab.example/', null)).toBe('wss://lab.example/ws');
  });
});
