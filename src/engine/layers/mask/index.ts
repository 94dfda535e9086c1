export { SomMaskBase, type SomMaskArgs } from './som-mask-base';
export { SomMaskDense } from './som-mask-dense';
export { SomMaskConv, SomConvBase, type SomConvArgs } from './som-mask-conv';
export { Csom } from './csom';
export { SomGate, type GateStats } from './som-gate';
export { maskTable, activeLevel, type MaskOptions } from './mask-table';
