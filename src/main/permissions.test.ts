import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from './permissions';
import { FakeSession } from './electron-standins.test-helper';

describe('permissions', () => {
  it('denies every permission request, check and device request', () => {
    const s = new FakeSession();
    denyAllPermissions(s);
    const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'midiSysex', 'openExternal', 'hid'];
    for (const p of PERMISSIONS) {
      let granted: boolean | undefined;
      s.request!({}, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(s.check!({}, p), p).toBe(false);
    }
    expect(s.device!({ deviceType: 'usb' })).toBe(false);
  });
});
