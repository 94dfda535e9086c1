/**
 * tfjs layers for the SOM-in-network experiments (docs/SCIENCE.md §4–§6). Importing this module registers
 * every class with tf.serialization, so saved models load back with their layers. The SOM-mask family
 * (SomMaskDense, SomMaskConv, Csom) lives in ./mask and is re-exported here.
 */
export * from './mask';
export { Kwta, kwtaK, kwtaHard, kwtaThreshold, type KwtaArgs } from './kwta';
export { SynapticScaling, applySynapticScaling, firingEntropy, type SynapticScalingArgs } from './kwta-scaling';
export { SoftSom, softSomMap, softSomWeights, gridCoords, type SoftSomArgs } from './soft-som';
export { constantOf } from './detach';
export { FreshDropout, type FreshDropoutArgs } from './fresh-dropout';
