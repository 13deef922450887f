// Writes schemas/plan.schema.json and schemas/comparison.schema.json from the zod schemas (run `npm run schemas` after changing src/model).
import { writeFileSync, mkdirSync } from 'node:fs';
import { comparisonJsonSchema, planJsonSchema } from '../dist/index.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const [name, schema] of [['plan', planJsonSchema()], ['comparison', comparisonJsonSchema()]]) {
  const out = new URL(`../schemas/${name}.schema.json`, import.meta.url);
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${out.pathname}`);
}
