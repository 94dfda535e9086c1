export { NeighbourhoodCache } from './neighbourhood-cache';
export { initCodebook } from './init';
export { Som, somFromConfig } from './som';
export { onlineUpdate } from './online';
