export { type BinaryCodes, ACTIVE_THRESHOLD, isActive, entropyOfCounts } from './common';
export { type Contingency, contingency, purity, nmi } from './clustering';
export { type FiringEntropy, type DeadAlive, firingCounts, firingRates, binaryEntropy, firingEntropy, deadAndAlwaysOn } from './firing';
export { type ClassOverlap, sparsity, meanSdrPerClass, union, intersection, difference, overlap, topKRows, classOverlap } from './sdr';
export { type InfoPlanePoint, binRowKeys, infoFromKeys, infoPlane } from './info-plane';
