/**
 * Typed stand-ins for the Electron pieces the shell's modules take (the Electron binary cannot run in CI).
 * Each implements the module's own narrow interface, which the real Electron object also satisfies
 * (index.ts passes the real ones, so the type checker holds both to the same shape).
 */
import type { ContentsLike, ShellLike } from './navigation';
import type { InvokeEvent, IpcLike } from './ipc';
import type { PermissionSession } from './permissions';
import type { ProtocolLike } from './protocol';
import type { QuitApp } from './quit';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires `event` and returns whether some listener called preventDefault on it. */
  emitPreventable(event: string, ...rest: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url: rest[0] as string };
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(e, ...rest);
    return prevented;
  }
}

export class FakeApp extends Emitter implements QuitApp {
  quits = 0;
  exits: (number | undefined)[] = [];
  quit(): void {
    this.quits++;
    // Like Electron: quit() emits before-quit, and quits only if nobody prevented it.
    if (!this.emitPreventable('before-quit')) this.exits.push(0);
  }
  exit(code?: number): void {
    this.exits.push(code);
  }
}

export class FakeIpc implements IpcLike {
  readonly handlers = new Map<string, (e: InvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (e: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get back (Electron rejects with the handler's error). */
  async invoke(channel: string, e: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(e, ...args);
  }
}

/** An invoke event from a frame: the app's top frame by default. */
export function senderEvent(o: { url?: string; top?: boolean; contentsId?: number; gone?: boolean } = {}): InvokeEvent {
  const top = { url: o.url ?? 'somlab://app/index.html', parent: null };
  const frame = o.top === false ? { url: o.url ?? 'somlab://app/index.html', parent: top } : top;
  return { senderFrame: o.gone ? null : frame, sender: { id: o.contentsId ?? 1 } };
}

export class FakeProtocol implements ProtocolLike {
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string): Promise<Response> {
    const h = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!h) throw new Error(`no handler for ${url}`);
    return h({ url } as Request);
  }
}

export class FakeSession implements PermissionSession {
  request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] = null;
  check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
  device: Parameters<PermissionSession['setDevicePermissionHandler']>[0] = null;
  setPermissionRequestHandler(h: FakeSession['request']): void {
    this.request = h;
  }
  setPermissionCheckHandler(h: FakeSession['check']): void {
    this.check = h;
  }
  setDevicePermissionHandler(h: FakeSession['device']): void {
    this.device = h;
  }
}

export class FakeContents extends Emitter implements ContentsLike {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

export class FakeShell implements ShellLike {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}
