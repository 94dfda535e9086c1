import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { postFailure, rootReducer, signalsFor } from './collective';

// Rank 0's side in one thread: the members' parts are posted beforehand, as a member thread would.
describe('the collective sum', () => {
  it('adds every member part to rank 0 in rank order and sends each member the total', () => {
    const [a, b] = [new MessageChannel(), new MessageChannel()];
    const sig = signalsFor(3);
    a.port2.postMessage({ part: Float32Array.from([1, 2, 3]) });
    b.port2.postMessage({ part: Float32Array.from([10, 20, 30]) });
    const total = rootReducer([a.port1, b.port1], sig).sum(Float32Array.from([100, 200, 300]));
    expect(Array.from(total)).toEqual([111, 222, 333]);
    for (const m of [a, b])
      expect(Array.from((receiveMessageOnPort(m.port2)!.message as { part: Float32Array }).part)).toEqual([
        111, 222, 333,
      ]);
    expect(Array.from(sig.subarray(4, 6))).toEqual([1, 1]); // a total posted to member 1 and to member 2
    [a, b].forEach((m) => (m.port1.close(), m.port2.close()));
  });

  it('gathers parts of any lengths end to end in rank order and sends each member the whole', () => {
    const [a, b] = [new MessageChannel(), new MessageChannel()];
    a.port2.postMessage({ part: Float32Array.from([4, 5]) });
    b.port2.postMessage({ part: Float32Array.from([6]) });
    const all = rootReducer([a.port1, b.port1], signalsFor(3)).gather(Float32Array.from([1, 2, 3]));
    expect(Array.from(all)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const m of [a, b])
      expect(Array.from((receiveMessageOnPort(m.port2)!.message as { part: Float32Array }).part)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    [a, b].forEach((m) => (m.port1.close(), m.port2.close()));
  });

  it("ends rank 0's wait with the member's error, or a part of the wrong length", () => {
    const c = new MessageChannel();
    postFailure(c.port2, signalsFor(2), 1, 'out of memory in SomLabBatchSums');
    expect(() => rootReducer([c.port1], signalsFor(2)).sum(new Float32Array(2))).toThrow(
      'worker 1 failed: out of memory in SomLabBatchSums',
    );
    c.port2.postMessage({ part: new Float32Array(3) });
    expect(() => rootReducer([c.port1], signalsFor(2)).sum(new Float32Array(2))).toThrow(
      'worker 1 sent 3 values to sum; rank 0 has 2',
    );
    c.port1.close();
    c.port2.close();
  });
});
