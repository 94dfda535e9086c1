/**
 * The frame of a webgpu check script (run by run-child.test-helper.ts): starts the webgpu backend, runs the
 * checks, prints one JSON line. No adapter is not a failure here: it prints { skip: reason } and the test skips.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // the gradients (tfjs-core alone registers none in Node)
import { pickBackend } from '../pick';

export async function childMain<T>(checks: () => Promise<T>): Promise<void> {
  let device: string;
  try {
    device = (await pickBackend('webgpu')).device;
  } catch (e) {
    console.log(JSON.stringify({ skip: (e as Error).message }));
    process.exit(0);
  }
  try {
    console.log(JSON.stringify({ value: { device, ...(await checks()) } }));
    process.exit(0);
  } catch (e) {
    console.error((e as Error).stack);
    process.exit(1);
  }
}
