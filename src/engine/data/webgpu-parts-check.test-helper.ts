/**
 * webgpu check (child process, see webgpu-parts.test.ts): full MNIST (188 MB, over lavapipe's 128 MiB binding
 * limit) goes up in parts under the device's real limit; batches gathered from the parts, across a part's end
 * and from a part exactly at the limit, are the host's rows; an MLP trains and evaluates on it with no device
 * error.
 */
import { childMain } from '../backend/webgpu-checks/child-main.test-helper';
import { bindingLimit, deviceFault } from '../backend/webgpu-device';
import { parseSpec } from '../../shared/validate';
import { checkBindings } from '../train/check-bindings';
import { buildFromRegistry } from '../train/trainer-deps';
import { DeviceSplit } from './batches';
import { loadDataset } from '.';

/** The largest |gathered − host row| over the batch `idx` of `split` (0 when the gather copied them exactly). */
async function gatherError(d: DeviceSplit, host: Float32Array, idx: Int32Array): Promise<number> {
  const x = d.batchX(idx);
  const got = (await x.data()) as Float32Array;
  x.dispose();
  let worst = 0;
  idx.forEach((r, k) => {
    for (let j = 0; j < d.rowSize; j++)
      worst = Math.max(worst, Math.abs(got[k * d.rowSize + j]! - host[r * d.rowSize + j]!));
  });
  return worst;
}

await childMain(async () => {
  await import('../models');
  const limit = bindingLimit();
  const spec = parseSpec({
    kind: 'baseline-mlp',
    backend: 'webgpu',
    dataset: { source: 'builtin', name: 'mnist' },
    batchSize: 128,
    hidden: [32],
  });
  const data = await loadDataset(spec.dataset, { seed: 0 });
  checkBindings(data, spec);
  const split = new DeviceSplit(data.train, [28, 28, 1], 0);
  const per = split.x.perPart;
  const across = Int32Array.from({ length: 64 }, (_, k) => per - 32 + k * 3);
  const errors = [
    await gatherError(split, data.train.x, split.batchIndices(0, 0, 128)),
    await gatherError(split, data.train.x, across),
  ];
  const parts = split.x.parts.map((p) => p.size * 4);
  split.dispose();
  // Rows of 1,024 floats (4 KiB): the first part is exactly the limit's bytes when it is a multiple of 4 KiB.
  const wide = 1024,
    rows = Math.floor(limit / (wide * 4)) + 8;
  const host = Float32Array.from({ length: rows * wide }, (_, i) => (i % 9973) / 9973);
  const exact = new DeviceSplit({ x: host, y: new Int32Array(rows), count: rows }, [wide], 0);
  errors.push(await gatherError(exact, host, Int32Array.from([rows - 1, 0, exact.x.perPart - 1, exact.x.perPart])));
  const exactPart = exact.x.parts[0]!.size * 4;
  exact.dispose();
  const exp = await buildFromRegistry(spec, data);
  for (let s = 0; s < 3; s++) await exp.step(s, 0);
  const rowsRead = (await exp.late?.settle()) ?? [];
  const evaluation = (await exp.evaluate?.(0)) ?? {};
  exp.dispose();
  await new Promise((r) => setTimeout(r, 200)); // uncaptured errors arrive as events
  return { limit, parts, exactPart, errors, loss: rowsRead[0]?.values.loss, evaluation, fault: deviceFault() };
});
