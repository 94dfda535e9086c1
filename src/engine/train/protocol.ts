/** The host → trainer 'start' message. */
import type { TrainerCommand } from '../../shared/events';

export type StartCommand = Extract<TrainerCommand, { type: 'start' }>;

export type RobustnessCommand = Extract<TrainerCommand, { type: 'robustness' }>;
export type TrainerMessage = TrainerCommand;

const TYPES = new Set(['start', 'robustness', 'pause', 'resume', 'stop', 'snapshot']);

export function isTrainerMessage(m: unknown): m is TrainerMessage {
  return m !== null && typeof m === 'object' && TYPES.has((m as { type?: unknown }).type as string);
}
