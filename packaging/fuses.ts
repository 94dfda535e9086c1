/**
 * Electron fuses, flipped in the packaged binary at package time (electron-builder's afterPack hook, so
 * before code signing). They switch off what SOM Lab never uses and an attacker would: running the
 * binary as plain Node, NODE_OPTIONS, --inspect, loading app code from outside app.asar.
 */
import {
  flipFuses,
  FuseState,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses';
import { join } from 'node:path';

export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Checked against the hash electron-builder writes beside app.asar (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages load from somlab://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;

/** The part of electron-builder's AfterPackContext this hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The packaged Electron binary (the .app bundle on macOS: @electron/fuses finds the framework inside). */
export function packedBinary(ctx: PackedApp): string {
  const { productFilename } = ctx.packager.appInfo;
  switch (ctx.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(ctx.appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(ctx.appOutDir, `${productFilename}.exe`);
    default:
      return join(ctx.appOutDir, ctx.packager.executableName ?? productFilename);
  }
}

export async function flipAppFuses(ctx: PackedApp): Promise<string> {
  const binary = packedBinary(ctx);
  // An ad-hoc signature on Apple Silicon breaks when bytes change; it is redone here (real signing follows).
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: ctx.electronPlatformName === 'darwin' });
  return binary;
}

const STATE_NAMES = {
  [FuseState.DISABLE]: false,
  [FuseState.ENABLE]: true,
  [FuseState.REMOVED]: 'removed',
  [FuseState.INHERIT]: 'inherit',
} as const;

/** Reads the fuse wire back by name, e.g. `{ RunAsNode: false, ... }` (for the package test). */
export async function readFuses(binary: string): Promise<Record<string, (typeof STATE_NAMES)[FuseState]>> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, FuseState>;
  const out: Record<string, (typeof STATE_NAMES)[FuseState]> = {};
  for (const [index, state] of Object.entries(wire))
    if (index !== 'version') out[FuseV1Options[Number(index)] ?? `fuse ${index}`] = STATE_NAMES[state];
  return out;
}
