// Worker-thread entry: tsx's loader does not reach worker threads through the parent's --import, so each worker
// registers it itself before loading the TypeScript entry named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
