import * as tf from '@tensorflow/tfjs-core';

/** Makes a registered backend the active one, or throws saying it could not. */
export async function activate(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not initialise its ${name} backend`);
  await tf.ready();
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim().slice(0, 200);
}
