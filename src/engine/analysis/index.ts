export { purity, nmi, contingency } from './clustering';
export { firingRates, meanSdrPerClass, classOverlaps, infoPlane } from './codes';
