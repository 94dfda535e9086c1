export { NeighbourhoodCache } from './neighbourhood-cache';
export { initCodebook } from './init';
export { INIT_ROWS, Som, somFromConfig } from './som';
export { onlineUpdate } from './online';
