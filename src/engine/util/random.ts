// Seeded randomness lives in the contract so the engine and the renderer's demo share one generator.
export { mulberry32, subSeed, permutation } from '../../shared/random';
