/**
 * One ipcMain handler per channel. Each first checks the sender: the top frame of the app window, on the
 * app's own origin (somlab://app) — not a sub-frame, not another page, not a frame that went away. Then
 * the arguments are validated: Api calls by LabHost against the contract schemas, the shell's own
 * channels against theirs here, so a bad message gets an error naming the channel and the argument.
 */
import { z } from 'zod';
import { API_CALL_NAMES } from '../shared/api';
import { pathArg } from '../shared/api-schemas';
import { apiChannel, SHELL_CHANNELS } from '../shared/ipc-channels';
import { parseWith } from '../shared/validate';
import { isAppUrl } from './navigation';
import { APP_ORIGIN } from './protocol';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}
/** The part of IpcMainInvokeEvent checked here. */
export interface InvokeEvent {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number };
}
export interface IpcLike {
  handle(channel: string, listener: (e: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
export interface ApiHost {
  call(name: string, args: unknown): Promise<unknown>;
}

/** Why a message is refused, or null when it came from the app window's top frame. */
export function senderProblem(e: InvokeEvent, isAppWindow: (contentsId: number) => boolean): string | null {
  const f = e.senderFrame;
  if (!f) return 'its frame is gone';
  if (f.parent !== null) return 'it came from a sub-frame';
  if (!isAppUrl(f.url)) return `it came from ${f.url.slice(0, 100) || 'an unknown page'}, not ${APP_ORIGIN}`;
  if (!isAppWindow(e.sender.id)) return 'it came from another window';
  return null;
}

export interface ShellHandlers {
  /** A folder dropped on the window (already validated as a path). */
  dropped(path: string): Promise<unknown>;
}

const SHELL_ARGS = { [SHELL_CHANNELS.dropped]: z.tuple([pathArg]) };

/** Registers every channel; returns the disposer and the channel names (for tests and teardown). */
export function registerIpc(
  ipc: IpcLike,
  host: ApiHost,
  shell: ShellHandlers,
  isAppWindow: (contentsId: number) => boolean,
): { channels: string[]; dispose(): void } {
  const guarded =
    (channel: string, run: (args: unknown[]) => Promise<unknown>) =>
    async (e: InvokeEvent, ...args: unknown[]) => {
      const why = senderProblem(e, isAppWindow);
      if (why) throw new Error(`refused ${channel}: ${why}`);
      return run(args);
    };
  const channels: string[] = [];
  const on = (channel: string, run: (args: unknown[]) => Promise<unknown>): void => {
    ipc.handle(channel, guarded(channel, run));
    channels.push(channel);
  };
  for (const name of API_CALL_NAMES) on(apiChannel(name), (args) => host.call(name, args));
  on(SHELL_CHANNELS.dropped, async (args) => {
    const [p] = parseWith(SHELL_ARGS[SHELL_CHANNELS.dropped], args, `arguments of ${SHELL_CHANNELS.dropped}`);
    return shell.dropped(p);
  });
  return { channels, dispose: () => channels.forEach((c) => ipc.removeHandler(c)) };
}
