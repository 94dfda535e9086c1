/**
 * The SOM math the engine and the renderer share: lattices and grid distances, neighbourhood functions,
 * σ/α schedules, map views (hits, class map, U-matrix) and the topographic error, all on plain arrays
 * (no tensors, no Node), so a number means the same wherever it is computed.
 */
export { areNeighbours, makeGrid, neighbourLists, type Grid } from './grid';
export { neighbourhoodFn, neighbourhoodMatrix } from './neighbourhood';
export { decayValue } from './schedule';
export { classMapOf, hitsOf, majority, uMatrixOf } from './views';
export { topographicErrors } from './quality';
