/**
 * On a real adapter (lavapipe here): what the picker chooses in auto and by name, the adapter it records, the
 * device's binding limit, and whether a kernel binding more than that limit is caught as a device fault.
 * Prints one JSON line (or { skip } without an adapter).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { pickBackend } from '../pick';
import { bindingLimit, deviceFault } from '../webgpu-device';

async function main(): Promise<unknown> {
  const auto = await pickBackend('auto');
  let named;
  try {
    named = await pickBackend('webgpu');
  } catch (e) {
    return { skip: (e as Error).message };
  }
  const limit = bindingLimit();
  const before = deviceFault();
  // One float32 tensor a little over the binding limit, then a kernel that binds it whole.
  const n = Math.floor(limit / 4) + 1024;
  const big = tf.fill([n], 1);
  const sum = tf.sum(big);
  await sum.data();
  await new Promise((r) => setTimeout(r, 200));
  tf.dispose([big, sum]);
  return { value: { auto, named, limit, before, after: deviceFault() } };
}

main().then(
  (out) => {
    console.log(JSON.stringify(out));
    process.exit(0);
  },
  (e: unknown) => {
    console.error((e as Error).stack);
    process.exit(1);
  },
);
