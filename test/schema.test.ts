import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonJsonSchema, planJsonSchema } from '../src/model/json-schema.js';

describe('schemas/plan.schema.json', () => {
  it('is generated from the zod schema and up to date (run `npm run schemas`)', () => {
    const onDisk = readFileSync(new URL('../schemas/plan.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(JSON.stringify(planJsonSchema(), null, 2) + '\n');
  });
});

describe('schemas/comparison.schema.json', () => {
  it('is generated from the zod schema and up to date (run `npm run schemas`)', () => {
    const onDisk = readFileSync(new URL('../schemas/comparison.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(JSON.stringify(comparisonJsonSchema(), null, 2) + '\n');
  });
});
