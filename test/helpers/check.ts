import { expect } from 'vitest';
import { planSchema, type PlanDocument, type Position } from '../../src/model/schema.js';
import { LineIndex } from '../../src/text/positions.js';

/** Every position in the document, wherever it is. */
export function* positions(doc: PlanDocument): Generator<Position> {
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['start'] && o['end'] && typeof (o['start'] as { offset?: unknown }).offset === 'number') yield o as unknown as Position;
      else stack.push(...Object.values(o));
    }
  }
}

/** The document is schema-valid, and every position points into `input` consistently. */
export function expectWellFormed(doc: PlanDocument, input: string): void {
  const parsed = planSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  const index = new LineIndex(input);
  const bad: string[] = [];
  for (const p of positions(doc)) {
    for (const pt of [p.start, p.end]) {
      const ok = pt.offset >= 0 && pt.offset <= input.length && pt.line <= index.lineCount && index.starts[pt.line - 1]! + pt.column - 1 === pt.offset;
      if (!ok) bad.push(JSON.stringify(pt));
    }
    if (p.end.offset < p.start.offset) bad.push(`end before start: ${JSON.stringify(p)}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
  const internal = doc.diagnostics.filter((d) => d.code === 'internal-error');
  expect(internal, JSON.stringify(internal)).toEqual([]);
}
