/**
 * Stand-ins for what the package test cannot download here: the Electron binary (a file carrying the fuse
 * sentinel and Electron's default fuse wire, so @electron/fuses can flip it) and fpm (a script that
 * records the arguments electron-builder gives it, which are the deb's metadata and file list).
 */
import { FuseState, FuseV1Options } from '@electron/fuses';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's own defaults (as shipped), in wire order. */
export const DEFAULT_WIRE: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** A folder electron-builder accepts as `electronDist`: one executable named `electron`. */
export async function standInElectronDist(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const wire = Object.values(DEFAULT_WIRE).map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n'),
    Buffer.alloc(64),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length, ...wire]),
    Buffer.alloc(64),
  ]);
  await writeFile(join(dir, 'electron'), body);
  await chmod(join(dir, 'electron'), 0o755);
  return dir;
}

/**
 * An fpm that writes `{ args, desktop }` as JSON to `record` (desktop: the .desktop entry it was given)
 * and an empty file where the package would go. Point CUSTOM_FPM_PATH at it.
 */
export async function standInFpm(dir: string, record: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const fpm = join(dir, 'fpm');
  await writeFile(
    fpm,
    `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
const desktop = args.find((a) => a.endsWith('.desktop') && a.includes('='));
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args,
  desktop: desktop ? fs.readFileSync(desktop.split('=')[0], 'utf8') : null,
}));
const out = args[args.indexOf('--package') + 1];
if (out) fs.writeFileSync(out, '');
`,
  );
  await chmod(fpm, 0o755);
  return fpm;
}
