/**
 * Closed tables of named options (MiniSom style). Every name a user can type lives here, so an
 * unknown name can be answered with the list of valid ones.
 */
import { clip } from './clip';

export const TOPOLOGIES = ['rect', 'hex', 'chain', 'ring', 'torus'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

export const NEIGHBOURHOODS = ['gaussian', 'bubble', 'mexican-hat'] as const;
export type Neighbourhood = (typeof NEIGHBOURHOODS)[number];

export const DECAYS = ['exponential', 'linear', 'inverse-time'] as const;
export type Decay = (typeof DECAYS)[number];

export const INITS = ['random', 'samples', 'pca'] as const;
export type SomInit = (typeof INITS)[number];

export const SOM_MODES = ['batch', 'online'] as const;
export type SomMode = (typeof SOM_MODES)[number];

export const BACKENDS = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BUILTIN_DATASETS = ['mnist', 'colors', 'spirals', 'rotating-digit'] as const;
export type BuiltinDataset = (typeof BUILTIN_DATASETS)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const INITIALIZERS = ['glorot', 'he'] as const;
export type Initializer = (typeof INITIALIZERS)[number];

export const OPTIMIZERS = ['adam', 'sgd', 'momentum'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Looks a name up in a closed table; an unknown name gets an error that lists the valid ones. */
export function pickOption<T extends string>(what: string, table: readonly T[], name: string): T {
  if ((table as readonly string[]).includes(name)) return name as T;
  throw new Error(`unknown ${what} "${clip(name)}": expected one of ${table.map((t) => `"${t}"`).join(', ')}`);
}
