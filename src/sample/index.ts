export { sampleNetwork, type SampleNetwork, type SampleNetworkOptions } from './sample-network';
export { seededRandom } from './seeded-random';
export { complianceProfile, type ComplianceProfile, type ComplianceProfileName } from './compliance-profiles';
