import { afterEach, describe, expect, it } from 'vitest';
import { deviceFault, faultCheck, resetDeviceWatch, watchDevice } from './webgpu-device';

/** A GPUDevice stand-in: the test fires its uncaptured errors and resolves its loss. */
function fakeDevice() {
  const listeners: ((e: { error: { message: string } }) => void)[] = [];
  let lose!: (info: { reason: string; message: string }) => void;
  const device = {
    limits: { maxStorageBufferBindingSize: 134_217_728, maxBufferSize: 268_435_456 },
    lost: new Promise<{ reason: string; message: string }>((r) => (lose = r)),
    addEventListener: (_t: 'uncapturederror', l: (e: { error: { message: string } }) => void) => listeners.push(l),
  };
  const error = (message: string) => listeners.forEach((l) => l({ error: { message } }));
  return { device, error, lose };
}

afterEach(resetDeviceWatch);

describe('the webgpu device watch', () => {
  it('turns the first validation error into a failed step boundary that says why', () => {
    const { device, error } = fakeDevice();
    watchDevice(device);
    const cb = faultCheck();
    expect(() => cb.check!()).not.toThrow();
    error('Binding size (188160000) is larger than the maximum storage buffer binding size (134217728).\n - While …');
    error('a second error');
    expect(() => cb.check!()).toThrow(
      'the GPU device reported an error, so its results cannot be trusted: Binding size (188160000) is larger than ' +
        'the maximum storage buffer binding size (134217728).',
    );
  });

  it('turns a lost device into a failure naming the reason', async () => {
    const { device, lose } = fakeDevice();
    watchDevice(device);
    lose({ reason: 'unknown', message: 'Device was lost: VK_ERROR_DEVICE_LOST' });
    await new Promise((r) => setTimeout(r, 0));
    expect(deviceFault()).toBe('the GPU device was lost (unknown): Device was lost: VK_ERROR_DEVICE_LOST');
  });

  it('off webgpu there is no device and never a fault', () => {
    watchDevice(null);
    expect(() => faultCheck().check!()).not.toThrow();
  });
});
