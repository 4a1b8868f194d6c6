export { parsePlan, safeParsePlan } from './parse-plan';
export type { Plan, RankRule, StageName, MatchableStage, BreakawayRule, MatchingRule, PoolRule, BinaryRule, CapRules } from './plan';
export { planSchema, type PlanInput, MIN_LEVELS, MAX_LEVELS, MAX_RATE_DECIMALS, MAX_SCALE, MAX_RANKS, STAGE_NAMES, MATCHABLE_STAGES } from './schema';
export { ORDER_KINDS, type OrderKind } from './order-kind';
export { planJsonSchema, type PlanJsonSchema } from './json-schema';
export { planHash, canonicalPlanJson } from './plan-hash';
export { diffPlans, formatPlanDiff, type PlanChange } from './plan-diff';
