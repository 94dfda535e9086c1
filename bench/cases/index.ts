/** Every bench case, in table order. A new case is one file exporting a BenchCase, added here. */
import { cnnLayers } from './cnn-layers';
import { cnnRaw } from './cnn-raw';
import { mlpLayers } from './mlp-layers';
import { mlpRaw } from './mlp-raw';
import { somClass } from './som-class';
import { somMaskCnn } from './som-mask-cnn';
import { somMaskMlp } from './som-mask-mlp';
import { somRaw } from './som-raw';
import type { BenchCase } from './types';

export const CASES: BenchCase[] = [somRaw, somClass, mlpRaw, mlpLayers, cnnRaw, cnnLayers, somMaskMlp, somMaskCnn];
