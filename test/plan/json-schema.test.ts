import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LEVELS, planJsonSchema } from '../../src';

describe('the plan JSON Schema', () => {
  const schema = planJsonSchema();
  it('describes every plan field, with the limits checked in code', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['allowRateSumAboveOne', 'binary', 'breakaway', 'caps', 'commissionable', 'compression', 'directSale', 'fastStart', 'leaverBalance', 'levels', 'matching', 'minPersonalVolume', 'payoutThreshold', 'pools', 'ranks', 'refundWindow', 'retailProfit', 'rounding', 'scale', 'version'].sort(),
    );
    expect(schema.properties.levels).toMatchObject({ type: 'array', minItems: 2, maxItems: MAX_LEVELS });
    expect(schema.required).toEqual(['levels']);
    expect(schema.additionalProperties).toBe(false);
    const rank = (schema.properties.ranks as { items: { properties: Record<string, unknown>; required: string[] } }).items;
    expect(rank.required).toEqual(['name']);
    expect(Object.keys(rank.properties)).toContain('maxLegShare');
  });
  it('is the file the package ships (run `npm run schema` after changing the plan)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../plan.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
