/**
 * Argument schemas for every Api call: hosts validate what arrives (IPC, WebSocket) before acting.
 * `satisfies` keeps this table in step with ApiCalls: a call without a schema does not compile.
 */
import { z } from 'zod';
import type { ApiCallName, ApiCalls } from './api';
import { RunMetaSchema } from './project';
import { DatasetRefSchema } from './spec';
import { clip } from './clip';
import { RobustnessRequestSchema } from './robustness';
import { parseWith } from './validate';

const runId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,120}$/, 'a run id (letters, digits, . _ -)')
  .refine((s) => !s.includes('..'), 'a run id without ".."');
/** A file-system path argument (hosts check where it leads with containedPath). */
export const pathArg = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'a path without NUL bytes');

export const API_ARGS = {
  'project:open': z.tuple([pathArg]),
  'project:create': z.tuple([pathArg, z.string().min(1).max(200)]),
  'project:current': z.tuple([]),
  'project:openDefault': z.tuple([]),
  'projects:recent': z.tuple([]),
  'runs:list': z.tuple([]),
  'runs:get': z.tuple([runId]),
  'runs:snapshot': z.tuple([runId, z.number().int().min(0), z.string().max(120).optional()]),
  'runs:winners': z.tuple([runId, z.number().int().min(0), z.string().max(120).optional()]),
  // The spec itself is validated by parseSpec in the host, for field-level messages.
  'runs:start': z.tuple([z.unknown()]),
  'runs:startPreset': z.tuple([z.string().min(1).max(120)]),
  'runs:pause': z.tuple([runId]),
  'runs:resume': z.tuple([runId]),
  'runs:stop': z.tuple([runId]),
  'runs:update': z.tuple([runId, RunMetaSchema]),
  'runs:trash': z.tuple([runId]),
  'runs:restore': z.tuple([runId]),
  'runs:trashed': z.tuple([]),
  'runs:stopGroup': z.tuple([z.string().min(1).max(120)]),
  // Both are validated by their own schemas in the engine, for field-level messages.
  'figures:export': z.tuple([z.unknown()]),
  'figures:compose': z.tuple([z.unknown()]),
  'runs:robustness': z.tuple([runId, RobustnessRequestSchema]),
  'runs:robustnessCurves': z.tuple([runId]),
  'presets:list': z.tuple([]),
  'datasets:roots': z.tuple([]),
  'datasets:preview': z.tuple([DatasetRefSchema]),
  'dialogs:pickFolder': z.tuple([z.enum(['project', 'dataset'])]),
  'files:reveal': z.tuple([pathArg]),
} satisfies Record<ApiCallName, z.ZodType>;

export function isApiCall(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.hasOwn(API_ARGS, name);
}

/** Validates a call's name and arguments; throws a message naming the call and the bad argument. */
export function parseApiArgs<K extends ApiCallName>(call: K, args: unknown): Parameters<ApiCalls[K]> {
  if (!isApiCall(call))
    throw new Error(`unknown call "${clip(String(call))}": expected one of ${Object.keys(API_ARGS).join(', ')}`);
  return parseWith(API_ARGS[call], args, `arguments of ${call}`) as Parameters<ApiCalls[K]>;
}
