/**
 * Presets for the SOM-in-network experiments (docs/SCIENCE.md §3–§8), sized to run on two CPU cores in
 * minutes: MNIST subsets and few epochs (each preset says so in its title). A bigger machine can raise
 * trainLimit/epochs in the form; the seed figure and its tolerance stay the same.
 */
import type { Preset } from './run-types';
import { FC_PRESETS } from './presets-science-fc';
import { MASK_PRESETS } from './presets-science-mask';
import { MODEL_PRESETS } from './presets-science-models';

// Concatenated in the order the presets were always listed in (lists and reports follow it).
export const SCIENCE_PRESETS: Preset[] = [...MASK_PRESETS, ...FC_PRESETS, ...MODEL_PRESETS];
