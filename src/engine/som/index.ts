export { makeGrid, areNeighbours, neighbourLists, type Grid } from './grid';
export { neighbourhoodFn, neighbourhoodMatrix, NeighbourhoodCache } from './neighbourhood';
export { decayValue } from './schedule';
export { initCodebook } from './init';
export { Som, somFromConfig, onlineUpdate, majority, uMatrixOf } from './som';
