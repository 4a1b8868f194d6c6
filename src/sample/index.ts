export { sampleNetwork, type SampleNetwork, type SampleNetworkOptions } from './sample-network';
export { seededRandom } from './seeded-random';
