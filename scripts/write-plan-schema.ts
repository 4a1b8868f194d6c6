/**
 * `npm run schema`: writes plan.schema.json (shipped in the package) from `planJsonSchema()`; a test fails when
 * the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src';

writeFileSync(new URL('../plan.schema.json', import.meta.url), `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
