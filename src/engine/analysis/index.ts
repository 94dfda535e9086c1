export { purity, nmi, contingency } from './clustering';
export {
  firingRates,
  firingEntropy,
  firingSummary,
  meanSdrPerClass,
  classOverlaps,
  infoPlane,
  infoPlaneKMeans,
  infoFromBins,
  type FiringSummary,
} from './codes';
export { kmeans } from './kmeans';
