export { makeGrid, areNeighbours, neighbourLists, type Grid } from './grid';
export { neighbourhoodFn, neighbourhoodMatrix, NeighbourhoodCache } from './neighbourhood';
export { decayValue } from './schedule';
export { initCodebook } from './init';
export { Som, somFromConfig } from './som';
export { onlineUpdate } from './online';
export { majority, uMatrixOf } from './views';
