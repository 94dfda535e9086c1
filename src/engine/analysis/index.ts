export { purity, nmi, contingency } from './clustering';
export { firingRates, firingEntropy, firingSummary, meanSdrPerClass, classOverlaps, infoPlane, type FiringSummary } from './codes';
