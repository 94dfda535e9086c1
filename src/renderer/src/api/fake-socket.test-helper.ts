/** A WebSocket stand-in for the client's tests: records what is sent; the test opens it, answers and drops it. */
import { decodeWire, type WireRequest } from '../../../shared/wire';

export class FakeSocket {
  static all: FakeSocket[] = [];
  readyState: 0 | 1 | 2 | 3 = 0;
  sent: string[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(t: string): void {
    this.sent.push(t);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** A text frame, or the ArrayBuffer of a binary one. */
  receive(data: string | ArrayBuffer): void {
    this.onmessage?.({ data } as MessageEvent);
  }
  drop(reason = '', code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ reason, code } as CloseEvent);
  }
  requests(): WireRequest[] {
    return this.sent.map((t) => decodeWire<WireRequest>(t));
  }
}
