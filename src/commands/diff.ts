import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { comparePlans } from '../compare/compare.js';
import { InputError } from '../input/errors.js';
import { parsePlanInput, readPlanBytes } from '../input/file.js';
import type { IndicatorEntry, PlanComparison, TaskEntry } from '../model/comparison.js';
import { planSchema, SCHEMA_VERSION, type PlanDocument } from '../model/schema.js';
import type { CommonOptions, Io } from './extract.js';
import { expandInputs } from './inputs.js';
import { writeFileAtomic } from './output.js';
import { looseKey } from '../text/fold.js';

/** A directory argument of `diff` stands for its plans and for plan-extract's JSON outputs. */
export const DIFF_FILES = '**/*.{txt,md,markdown,pdf,json,jsonl}';

export interface DiffOptions extends Pick<CommonOptions, 'encoding' | 'maxSize'> {
  format: 'text' | 'csv' | 'json';
  output?: string;
  minSimilarity: number;
  only?: 'indicators' | 'tasks';
  bom?: boolean;
}

/** An input diff cannot use: its message names the file. */
export class DiffInputError extends Error {}

/** A plan-extract JSON document (an --out-dir output), checked against the schema. */
function readOutput(path: string, text: string): PlanDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DiffInputError(`${path}: not JSON`);
  }
  return checkOutput(path, json);
}

function checkOutput(path: string, json: unknown): PlanDocument {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version !== SCHEMA_VERSION) throw new DiffInputError(`${path}: written with schema ${version}, this version reads ${SCHEMA_VERSION}; parse the plan again`);
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) throw new DiffInputError(`${path}: not a plan-extract document (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/**
 * A --jsonl output: a document per line. A line that holds a file's error (the batch could
 * not read that plan) is reported through `skip` and left out; any other bad line fails it.
 */
function readJsonl(path: string, text: string, skip: (message: string) => void): PlanDocument[] {
  const docs: PlanDocument[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path} line ${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new DiffInputError(`${where}: not JSON`);
    }
    const failed = json as { source?: { path?: unknown }; error?: { message?: unknown } } | null;
    if (failed && typeof failed === 'object' && failed.error && !('schemaVersion' in failed)) {
      skip(`${where}: left out, the batch could not read ${String(failed.source?.path ?? 'this plan')}: ${String(failed.error.message ?? 'failed')}`);
      return;
    }
    docs.push(checkOutput(where, json));
  });
  return docs;
}

async function loadPlans(path: string, opts: DiffOptions, skip: (message: string) => void): Promise<PlanDocument[]> {
  const maxBytes = opts.maxSize !== undefined ? Math.round(opts.maxSize * 1024 * 1024) : undefined;
  try {
    const ext = extname(path).toLowerCase();
    if (ext === '.json') return [readOutput(path, await readFile(path, 'utf8'))];
    if (ext === '.jsonl') return readJsonl(path, await readFile(path, 'utf8'), skip);
    const bytes = await readPlanBytes(path, maxBytes);
    const doc = await parsePlanInput(bytes, path, { encoding: opts.encoding ?? 'auto', ...(maxBytes !== undefined ? { maxLength: maxBytes } : {}) });
    if (doc.diagnostics.some((d) => d.code === 'empty-input')) throw new DiffInputError(`${path}: there is no text in it`);
    return [doc];
  } catch (err) {
    if (err instanceof InputError) throw new DiffInputError(`${path}: ${err.message}`);
    if (err instanceof DiffInputError) throw err;
    if (err instanceof Error && 'code' in err) throw new DiffInputError(`${path}: cannot be read (${String((err as NodeJS.ErrnoException).code)})`);
    throw err;
  }
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

function indicatorCell(e: IndicatorEntry | null): string {
  if (!e) return '—';
  let target = e.target ?? '(no target)';
  // "100" under a "%" column: the unit goes with the figure.
  if (e.target !== null && e.unit && !/\p{L}/u.test(e.target) && !looseKey(e.target).includes(looseKey(e.unit))) target = `${target}${e.unit === '%' ? '' : ' '}${e.unit}`;
  return e.targetYear !== null && !target.includes(String(e.targetYear)) ? `${target} (${e.targetYear})` : target;
}

function taskCell(e: TaskEntry | null): string {
  if (!e) return '—';
  const lead = e.lead.length > 0 ? e.lead.join(', ') : '(no lead)';
  return e.timeline ? `${lead}; ${e.timeline.raw}` : lead;
}

const MARK = { same: '=', differs: '≠', partial: '·' } as const;

/** The comparison as text tables: a line per row, a column per plan. */
export function renderText(c: PlanComparison, only?: 'indicators' | 'tasks'): string {
  const out: string[] = [];
  const letters = c.plans.map((_, i) => (i < 26 ? String.fromCharCode(65 + i) : `P${i + 1}`));
  out.push(`Comparing ${c.plans.length} plans (names matched at similarity ≥ ${c.minSimilarity}):`);
  c.plans.forEach((p, i) => {
    const facts = [p.number, p.issuedDate, `${p.indicators} indicators`, `${p.tasks} tasks`].filter(Boolean).join(', ');
    out.push(`  ${letters[i]}  ${p.label}  ${p.path ?? ''}  (${facts})`);
  });
  const section = <E>(title: string, rows: PlanComparison['indicators' | 'tasks'], cellOf: (e: E | null) => string, alike: string) => {
    const every = rows.filter((r) => r.agreement !== 'partial');
    const same = every.filter((r) => r.agreement === 'same').length;
    out.push('');
    const shared = rows.filter((r) => r.entries.filter((e) => e !== null).length >= 2).length;
    const some = c.plans.length > 2 ? `, ${shared - every.length} in two plans or more but not all` : '';
    out.push(`${title}: ${rows.length} rows; ${every.length} in every plan (${same} ${alike}, ${every.length - same} not)${some}, ${rows.length - shared} in one plan only`);
    if (rows.length === 0) return;
    const cellWidth = c.plans.length <= 2 ? 28 : c.plans.length <= 4 ? 20 : 14;
    const nameWidth = c.plans.length <= 2 ? 56 : 44;
    out.push(`     ${pad('name', nameWidth)}  ${letters.map((l) => pad(l, cellWidth)).join('  ')}`.trimEnd());
    rows.forEach((r) => {
      const cells = (r.entries as (E | null)[]).map((e) => pad(clip(cellOf(e), cellWidth), cellWidth));
      out.push(`  ${MARK[r.agreement]}  ${pad(clip(r.name, nameWidth), nameWidth)}  ${cells.join('  ')}`.trimEnd());
    });
  };
  if (only !== 'tasks') section<IndicatorEntry>('Indicators', c.indicators, indicatorCell, 'with the same target');
  if (only !== 'indicators') section<TaskEntry>('Tasks', c.tasks, taskCell, 'with the same lead');
  out.push('');
  out.push(`${MARK.same} alike in every plan   ${MARK.differs} in every plan, not alike   ${MARK.partial} missing from some   — none in that plan`);
  if (c.plans.length > 6) out.push(`${c.plans.length} plans are too many columns for a terminal: --format csv gives a spreadsheet.`);
  return out.join('\n') + '\n';
}

const csvField = (s: string | number | null) => {
  const t = s === null ? '' : String(s);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** The comparison as CSV: a line per row (indicators, then tasks), per plan its cell and source line. */
export function renderCsv(c: PlanComparison, only?: 'indicators' | 'tasks'): string {
  const head = ['kind', 'row', 'name', 'agreement', 'similarity', ...c.plans.flatMap((p) => [p.label, `${p.label} line`])];
  const lines = [head.map(csvField).join(',')];
  const add = <E extends { line: number }>(kind: string, rows: PlanComparison['indicators' | 'tasks'], cellOf: (e: E | null) => string) =>
    rows.forEach((r, i) => {
      const cells = (r.entries as (E | null)[]).flatMap((e) => [e ? cellOf(e) : '', e ? e.line : null]);
      lines.push([kind, i + 1, r.name, r.agreement, r.similarity, ...cells].map(csvField).join(','));
    });
  if (only !== 'tasks') add<IndicatorEntry>('indicator', c.indicators, indicatorCell);
  if (only !== 'indicators') add<TaskEntry>('task', c.tasks, taskCell);
  return lines.join('\r\n') + '\r\n';
}

/** plan-extract diff: compare two plans or more. Returns the exit status. */
export async function runDiff(args: readonly string[], opts: DiffOptions, io: Io): Promise<number> {
  const { files, unmatched } = await expandInputs(args, DIFF_FILES);
  for (const u of unmatched) {
    io.stderr(`plan-extract diff: ${u.arg}: ${u.reason}\n`);
    return 3;
  }
  const inputs = [];
  for (const f of files) {
    try {
      const docs = await loadPlans(f.path, opts, (message) => io.stderr(`plan-extract diff: ${message}\n`));
      // An output names the plan it was read from: that is the path to show.
      const output = /\.jsonl?$/i.test(f.path);
      for (const doc of docs) inputs.push({ doc, path: output ? (doc.source.path ?? f.path) : f.path });
    } catch (err) {
      if (err instanceof DiffInputError) {
        io.stderr(`plan-extract diff: ${err.message}\n`);
        return 3;
      }
      throw err;
    }
  }
  if (inputs.length < 2) {
    io.stderr(`plan-extract diff: needs two plans at least (got ${inputs.length})\n(run plan-extract diff --help for usage)\n`);
    return 2;
  }
  const comparison = comparePlans(inputs, { minSimilarity: opts.minSimilarity });
  const body =
    opts.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : opts.format === 'csv' ? (opts.bom ? '\ufeff' : '') + renderCsv(comparison, opts.only) : renderText(comparison, opts.only);
  if (opts.output) await writeFileAtomic(opts.output, body);
  else io.stdout(body);
  return 0;
}
