/** Is a folder on a network filesystem, where inotify never hears of writes made by other machines? */
import { statfs } from 'node:fs/promises';

/** statfs magic numbers of filesystems whose changes by other machines inotify cannot see. */
const NETWORK_FS = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, …)
  0x0bd00bd0, // Lustre
  0x47504653, // GPFS
  0x00c36400, // Ceph
  0x19830326, // BeeGFS
  0x5346414f, // AFS
]);

export async function isNetworkFs(dir: string): Promise<boolean> {
  return statfs(dir).then(
    (s) => NETWORK_FS.has(s.type),
    () => false,
  );
}
