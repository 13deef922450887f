import { z } from 'zod';
import { comparisonSchema } from './comparison.js';
import { planSchema } from './schema.js';

/** JSON Schema (draft 2020-12) for a plan document, generated from the zod schema. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: 'https://plan-extract.dev/schemas/plan.schema.json', ...schema };
}

/** JSON Schema (draft 2020-12) for the output of `plan-extract diff --format json` (comparePlans). */
export function comparisonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(comparisonSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: 'https://plan-extract.dev/schemas/comparison.schema.json', ...schema };
}
