/** SOM Lab's own version, from package.json in the source tree (absent in a bundle, which records its own). */
import { createRequire } from 'node:module';

export function somlabVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
}
