export { parsePlan, safeParsePlan } from './parse-plan';
export type { Plan } from './plan';
export { planSchema, type PlanInput, MIN_LEVELS, MAX_LEVELS, MAX_RATE_DECIMALS, MAX_SCALE } from './schema';
export { ORDER_KINDS, type OrderKind } from './order-kind';
export { planJsonSchema, type PlanJsonSchema } from './json-schema';
