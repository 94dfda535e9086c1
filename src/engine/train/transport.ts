/**
 * How a trainer child talks to its host: Node's fork IPC (lab server, CLI) or Electron's utilityProcess
 * parentPort (the desktop app). Both carry structured clones, so typed arrays arrive as typed arrays.
 * Electron is never imported: parentPort is found on `process` at run time.
 */
import type { RunEvent } from '../../shared/events';

export interface TrainerTransport {
  readonly kind: 'fork' | 'utility';
  send(e: RunEvent): void;
  onMessage(fn: (m: unknown) => void): void;
  /** The host went away. */
  onDisconnect(fn: () => void): void;
  /** Resolves once every message sent so far has left this process (as far as the transport can tell). */
  flushed(): Promise<void>;
}

function forkTransport(): TrainerTransport {
  let last: Promise<void> = Promise.resolve();
  return {
    kind: 'fork',
    send(e) {
      if (!process.connected) return;
      // The callback fires once the message is handed to the OS.
      last = new Promise((resolve) => process.send!(e, undefined, {}, () => resolve()));
    },
    onMessage: (fn) => void process.on('message', fn),
    onDisconnect: (fn) => void process.on('disconnect', fn),
    flushed: () => last,
  };
}

export interface ParentPort {
  on(event: 'message', fn: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** parentPort.postMessage has no delivery callback; a short grace lets the last message leave before exit. */
const UTILITY_FLUSH_MS = 200;

export function utilityTransport(port: ParentPort): TrainerTransport {
  return {
    kind: 'utility',
    send: (e) => port.postMessage(e),
    onMessage: (fn) => port.on('message', (e) => fn(e.data)),
    onDisconnect: () => undefined, // Electron ends utility processes with the app
    flushed: () => new Promise((r) => setTimeout(r, UTILITY_FLUSH_MS)),
  };
}

export function detectTransport(): TrainerTransport | undefined {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) return utilityTransport(port);
  if (process.send) return forkTransport();
  return undefined;
}
