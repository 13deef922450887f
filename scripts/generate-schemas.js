// Writes schemas/plan.schema.json from the zod schemas (run `npm run schemas` after changing src/model).
import { writeFileSync, mkdirSync } from 'node:fs';
import { planJsonSchema } from '../dist/index.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
const out = new URL('../schemas/plan.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(planJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
