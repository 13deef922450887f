import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanBytes } from '../src/input/file.js';
import type { PlanDocument } from '../src/model/schema.js';

/**
 * The golden files in fixtures/ were transcribed from the seeds by hand (see
 * fixtures/README.md). Every record and field is compared; a missing golden
 * file fails instead of being written.
 */
// The five seeds, and hold-out plans in layouts the seeds do not have (fixtures/holdout/).
const SEEDS = readdirSync(new URL('../seeds/', import.meta.url)).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`);
const HOLDOUT = readdirSync(new URL('../fixtures/holdout/', import.meta.url)).filter((f) => /\.(?:txt|md)$/.test(f)).sort().map((f) => `fixtures/holdout/${f}`);
const goldenFileOf = (input: string) => input.replace(/^seeds\//, 'fixtures/').replace(/\.(?:txt|md)$/, '.expected.json');

interface Golden {
  seed: string;
  notes: string[];
  plan: Record<string, unknown> & { legalBases: { line: number; refs: unknown[] }[] };
  sections: { line: number; numbering: string | null; heading: string; kind: string }[];
  indicators: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  assignments: { line: number; unit: string | null; duties: number }[];
  diagnostics: { line: number; code: string }[];
}

/** The parser's output in the golden file's shape. */
export function asGolden(doc: PlanDocument): Omit<Golden, 'seed' | 'notes'> {
  const { legalBases, ...plan } = doc.plan;
  return {
    plan: { ...plan, legalBases: legalBases.map((b) => ({ line: b.position.start.line, refs: b.refs })) },
    sections: doc.sections.map((s) => ({ line: s.position.start.line, numbering: s.numbering, heading: s.heading, kind: s.kind })),
    indicators: doc.indicators.map(({ id: _id, position, ...r }) => ({ line: position.start.line, ...r })),
    tasks: doc.tasks.map(({ id: _id, position, ...r }) => ({ line: position.start.line, ...r })),
    assignments: doc.assignments.map((a) => ({ line: a.position.start.line, unit: a.unit, duties: a.duties.length })),
    diagnostics: doc.diagnostics
      .filter((d) => d.code === 'numbering-repeat' || d.code === 'numbering-gap')
      .map((d) => ({ line: d.position.start.line, code: d.code })),
  };
}

describe.each([...SEEDS, ...HOLDOUT])('%s', (input) => {
  const goldenPath = new URL(`../${goldenFileOf(input)}`, import.meta.url);
  it('has a golden file', () => {
    expect(existsSync(goldenPath), `missing ${goldenPath.pathname}: golden files are written by hand, never generated`).toBe(true);
  });
  if (!existsSync(goldenPath)) return;
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden;
  const doc = parsePlanBytes(readFileSync(new URL(`../${input}`, import.meta.url)), input);
  const actual = asGolden(doc);

  it('counts follow the document', () => {
    expect({
      indicators: actual.indicators.length,
      tasks: actual.tasks.length,
      bodyTasks: actual.tasks.filter((t) => t['source'] === 'body').length,
      assignments: actual.assignments.length,
    }).toEqual({
      indicators: golden.indicators.length,
      tasks: golden.tasks.length,
      bodyTasks: golden.tasks.filter((t) => t['source'] === 'body').length,
      assignments: golden.assignments.length,
    });
  });
  it('plan metadata', () => expect(actual.plan).toEqual(golden.plan));
  it('top-level sections', () => expect(actual.sections).toEqual(golden.sections));
  it('indicators, field by field', () => {
    const n = Math.max(actual.indicators.length, golden.indicators.length);
    for (let i = 0; i < n; i++) expect(actual.indicators[i], `indicator ${i + 1} of ${n}`).toEqual(golden.indicators[i]);
  });
  it('tasks, field by field', () => {
    const n = Math.max(actual.tasks.length, golden.tasks.length);
    for (let i = 0; i < n; i++) expect(actual.tasks[i], `task ${i + 1} of ${n}`).toEqual(golden.tasks[i]);
  });
  it('assignments', () => expect(actual.assignments).toEqual(golden.assignments));
  it('numbering problems are reported where the document has them', () => {
    const key = (d: { line: number; code: string }) => `${d.line}:${d.code}`;
    expect(actual.diagnostics.map(key).sort()).toEqual(golden.diagnostics.map(key).sort());
  });
});
