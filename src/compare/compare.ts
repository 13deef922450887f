import { COMPARISON_VERSION, comparisonSchema, type ComparedPlan, type IndicatorEntry, type PlanComparison, type TaskEntry } from '../model/comparison.js';
import type { Indicator, PlanDocument, Task } from '../model/schema.js';
import { looseKey } from '../text/fold.js';
import { matchAcross, nameWords, type MatchRow } from './match.js';

export interface CompareInput {
  doc: PlanDocument;
  /** Where it came from, for the label when the plan names no locality. */
  path?: string | null;
}

export interface CompareOptions {
  /** How alike two names must be (0–1, Dice over content words) to count as one indicator or task. Default 0.5. */
  minSimilarity?: number;
}

export const DEFAULT_MIN_SIMILARITY = 0.5;

const norm = (s: string | null | undefined) => (s == null ? null : looseKey(s.normalize('NFC')).replace(/\s+/g, ' ').trim());

function placeOf(doc: PlanDocument): string | null {
  return doc.plan.locality?.name ?? null;
}

/** Column names: the locality with its level ("xã Tân Lập"), else the file's name; a name used twice gets " (2)". */
function labels(inputs: readonly CompareInput[]): string[] {
  const raw = inputs.map(({ doc, path }, i) => {
    const loc = doc.plan.locality;
    if (loc?.name) return loc.level && !looseKey(loc.name).startsWith(looseKey(loc.level)) ? `${loc.level} ${loc.name}` : loc.name;
    const p = path ?? doc.source.path;
    return p ? (p.split(/[\\/]/).pop() ?? p) : `plan ${i + 1}`;
  });
  const seen = new Map<string, number>();
  return raw.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n > 1 ? `${l} (${n})` : l;
  });
}

function indicatorEntry(x: Indicator): IndicatorEntry {
  return {
    id: x.id,
    name: x.name,
    unit: x.target?.unit ?? x.unit,
    target: x.target?.raw ?? null,
    comparator: x.target?.comparator ?? null,
    value: x.target?.value ?? null,
    valueMax: x.target?.valueMax ?? null,
    targetYear: x.targetYear,
    line: x.position.start.line,
    ...(x.position.page !== undefined ? { page: x.position.page } : {}),
  };
}

function taskEntry(t: Task): TaskEntry {
  return {
    id: t.id,
    name: t.name,
    lead: t.lead,
    timeline: t.timeline,
    line: t.position.start.line,
    ...(t.position.page !== undefined ? { page: t.position.page } : {}),
  };
}

/** Two indicators say the same when comparator, figures, unit and year agree (or, with no figure, the words). */
function sameTarget(a: IndicatorEntry, b: IndicatorEntry): boolean {
  if (a.value === null && b.value === null) return norm(a.target) === norm(b.target) && a.targetYear === b.targetYear;
  return a.comparator === b.comparator && a.value === b.value && a.valueMax === b.valueMax && norm(a.unit) === norm(b.unit) && a.targetYear === b.targetYear;
}

function sameLead(a: TaskEntry, b: TaskEntry): boolean {
  const key = (t: TaskEntry) => t.lead.map((u) => norm(u)).sort().join('|');
  return key(a) === key(b);
}

function agreement<T>(members: readonly (T | null)[], same: (a: T, b: T) => boolean): 'same' | 'differs' | 'partial' {
  if (members.some((m) => m === null)) return 'partial';
  const [first, ...rest] = members as T[];
  return rest.every((m) => same(first!, m)) ? 'same' : 'differs';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Compare plans side by side: each indicator and each task put in a row with
 * the alike ones of the other plans (match.ts), and whether their targets
 * (indicators) or lead units (tasks) agree. The result is validated against
 * comparisonSchema. Needs two plans at least.
 */
export function comparePlans(inputs: readonly CompareInput[], options: CompareOptions = {}): PlanComparison {
  if (inputs.length < 2) throw new RangeError('comparePlans needs two plans at least');
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  if (!(minSimilarity >= 0 && minSimilarity <= 1)) throw new RangeError('minSimilarity is between 0 and 1');
  const names = labels(inputs);
  const plans: ComparedPlan[] = inputs.map(({ doc, path }, i) => ({
    label: names[i]!,
    path: path ?? doc.source.path ?? null,
    locality: placeOf(doc),
    number: doc.plan.number,
    issuedDate: doc.plan.issuedDate,
    indicators: doc.indicators.length,
    tasks: doc.tasks.length,
  }));
  const indicatorRows: MatchRow<IndicatorEntry>[] = matchAcross(
    inputs.map(({ doc }) => doc.indicators.map(indicatorEntry)),
    (e, p) => ({ words: nameWords(e.name, placeOf(inputs[p]!.doc)), traits: [norm(e.unit), e.targetYear] }),
    minSimilarity,
  );
  const taskRows: MatchRow<TaskEntry>[] = matchAcross(
    inputs.map(({ doc }) => doc.tasks.map(taskEntry)),
    (e, p) => ({ words: nameWords(e.name, placeOf(inputs[p]!.doc)), traits: [] }),
    minSimilarity,
  );
  const nameOf = (members: readonly ({ name: string } | null)[]) => members.find((m) => m !== null)!.name;
  return comparisonSchema.parse({
    comparisonVersion: COMPARISON_VERSION,
    minSimilarity,
    plans,
    indicators: indicatorRows.map((r) => ({ name: nameOf(r.members), agreement: agreement(r.members, sameTarget), similarity: round(r.similarity), entries: r.members })),
    tasks: taskRows.map((r) => ({ name: nameOf(r.members), agreement: agreement(r.members, sameLead), similarity: round(r.similarity), entries: r.members })),
  });
}
