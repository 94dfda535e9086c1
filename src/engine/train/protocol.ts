/** The host → trainer 'start' message, plus one field the shared contract lacks (kept here to not break it). */
import type { TrainerCommand } from '../../shared/events';

export type StartCommand = Extract<TrainerCommand, { type: 'start' }> & {
  /** Dataset folders anywhere are allowed (Electron, where the user picked the folder); dataRoots is ignored. */
  unrestricted?: boolean;
};

export type TrainerMessage = Exclude<TrainerCommand, { type: 'start' }> | StartCommand;

const TYPES = new Set(['start', 'pause', 'resume', 'stop', 'snapshot']);

export function isTrainerMessage(m: unknown): m is TrainerMessage {
  return m !== null && typeof m === 'object' && TYPES.has((m as { type?: unknown }).type as string);
}
