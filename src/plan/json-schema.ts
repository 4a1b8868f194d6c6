import { z } from 'zod';
import { MAX_LEVELS, MIN_LEVELS, planSchema } from './schema';

/**
 * The plan's JSON Schema (draft 2020-12), for tools and languages other than TypeScript: editors, form
 * builders, validators in other stacks. Generated from the same zod schema `parsePlan` uses, with the limits
 * that zod checks in code (2 to 8 levels) written out. Cross-field rules (volumes at most `scale` decimals, a
 * rank's `legRank` naming a lower rank, rates adding up to at most 1) are only checked by `parsePlan`. The
 * package also ships it as `downline/plan.schema.json`.
 *
 * @example
 * ```ts
 * import { planJsonSchema } from 'downline';
 * const schema = planJsonSchema();
 * schema.properties.levels.maxItems; // 8
 * ```
 */
export function planJsonSchema(): PlanJsonSchema {
  const schema = z.toJSONSchema(planSchema, { io: 'input' }) as unknown as PlanJsonSchema;
  const levels = schema.properties.levels as Record<string, unknown>;
  levels.minItems = MIN_LEVELS;
  levels.maxItems = MAX_LEVELS;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'downline compensation plan',
    description: 'A multi-level compensation plan as parsePlan accepts it; amounts and rates are decimal strings.',
    ...rest,
  } as PlanJsonSchema;
}

/**
 * The shape of {@link planJsonSchema}'s result: a JSON Schema object whose `properties` are the plan's fields.
 *
 * @example
 * ```ts
 * const schema: PlanJsonSchema = planJsonSchema();
 * ```
 */
export interface PlanJsonSchema {
  readonly $schema: string;
  readonly type: 'object';
  readonly properties: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}
