/**
 * The webgpu device's health and limits. Dawn reports a validation error (a binding over
 * maxStorageBufferBindingSize, say) only as an event and then keeps running invalid command buffers, and a
 * lost device only through a promise: nothing throws in the step that failed. So the first such report is
 * kept here, and the training loop's check (faultCheck, a TrainCallback) turns it into a failed run that says
 * why. tfjs-backend-webgpu already asks for the adapter's own limits (not WebGPU's defaults) when it creates
 * the device; bindingLimit() reads what the device got.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainCallback } from '../train/callback';

interface DeviceLike {
  limits: { maxStorageBufferBindingSize: number; maxBufferSize: number };
  lost: Promise<{ reason: string; message: string }>;
  addEventListener(type: 'uncapturederror', l: (e: { error: { message: string } }) => void): void;
}

let fault: string | null = null;
let watched: DeviceLike | null = null;

/** The active backend's GPU device, or null when the backend is not webgpu. */
function activeDevice(): DeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: DeviceLike }).device ?? null;
}

/** Starts listening to the active webgpu device (once per device). */
export function watchDevice(device: DeviceLike | null = activeDevice()): void {
  if (!device || device === watched) return;
  watched = device;
  device.addEventListener('uncapturederror', (e) => {
    fault ??= `the GPU device reported an error, so its results cannot be trusted: ${e.error.message.split('\n')[0]}`;
  });
  void device.lost.then((info) => {
    if (watched !== device) return;
    fault ??= `the GPU device was lost (${info.reason || 'unknown reason'}): ${info.message || 'no message'}`;
  });
}

/** The first error or loss the device reported, or null. */
export const deviceFault = (): string | null => fault;

/** For tests: forget the device and its fault. */
export function resetDeviceWatch(): void {
  fault = null;
  watched = null;
}

/** The largest storage buffer one kernel may bind on the active backend (Infinity off webgpu). */
export function bindingLimit(): number {
  const d = activeDevice();
  return d ? Math.min(d.limits.maxStorageBufferBindingSize, d.limits.maxBufferSize) : Infinity;
}

/** A loop callback that fails the run at the next step boundary once the device reported a fault. */
export function faultCheck(): TrainCallback {
  return {
    check() {
      if (fault) throw new Error(fault);
    },
  };
}
