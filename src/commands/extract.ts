import type { ChalkInstance } from 'chalk';
import { parsePlanInput, readPlanBytes, type ParseFileOptions } from '../input/file.js';
import { InputError } from '../input/errors.js';
import type { PlanDocument } from '../model/schema.js';
import { writeFileAtomic } from './output.js';

/** Options that one input and a batch share. */
export interface CommonOptions {
  compact?: boolean;
  strict?: boolean;
  quiet?: boolean;
  encoding?: ParseFileOptions['encoding'];
  maxSize?: number;
}

export interface ExtractOptions extends CommonOptions {
  output?: string;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  /** A summary goes to stderr only when it is a terminal. */
  stderrIsTTY: boolean;
  color: ChalkInstance;
}

/** Inputs the parser could not use at all: nothing worth printing. */
const UNUSABLE = new Set(['empty-input', 'input-too-large']);

export function summary(doc: PlanDocument, label: string, c: ChalkInstance): string {
  const warnings = doc.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = doc.diagnostics.filter((d) => d.severity === 'error').length;
  const parts = [
    `${doc.indicators.length} indicators`,
    `${doc.tasks.length} tasks`,
    `${doc.assignments.length} assignments`,
    `${doc.sections.length} top-level sections`,
  ];
  const issues = [errors ? c.red(`${errors} error${errors > 1 ? 's' : ''}`) : '', warnings ? c.yellow(`${warnings} warning${warnings > 1 ? 's' : ''}`) : ''].filter(Boolean);
  const head = errors ? c.red('✖') : warnings ? c.yellow('!') : c.green('✔');
  const lines = [`${head} ${c.bold(label)}: ${parts.join(', ')}${issues.length ? ` · ${issues.join(', ')}` : ''}`];
  for (const d of doc.diagnostics.filter((x) => x.severity !== 'info').slice(0, 10)) {
    lines.push(`  ${d.severity === 'error' ? c.red('error') : c.yellow('warning')} line ${d.position.start.line}: ${d.message} ${c.dim(`(${d.code})`)}`);
  }
  return lines.join('\n') + '\n';
}

/** plan-extract FILE: parse one plan and print (or write) its JSON. Returns the exit status. */
export async function extractOne(file: string, opts: ExtractOptions, io: Io): Promise<number> {
  const label = file === '-' ? 'stdin' : file;
  let doc: PlanDocument;
  try {
    const maxBytes = opts.maxSize !== undefined ? Math.round(opts.maxSize * 1024 * 1024) : undefined;
    const bytes = file === '-' ? await io.readStdin() : await readPlanBytes(file, maxBytes);
    if (file === '-' && maxBytes !== undefined && bytes.length > maxBytes) throw new InputError('too-large', `stdin is over the ${opts.maxSize} MB limit`);
    doc = await parsePlanInput(bytes, file === '-' ? null : file, { encoding: opts.encoding ?? 'auto', ...(maxBytes !== undefined ? { maxLength: maxBytes } : {}) });
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`plan-extract: ${label}: ${err.message}\n`);
      return 3;
    }
    throw err;
  }
  const fatal = doc.diagnostics.find((d) => UNUSABLE.has(d.code));
  if (fatal) {
    io.stderr(`plan-extract: ${label}: ${fatal.code === 'empty-input' ? 'there is no text in it' : fatal.message}\n`);
    return 3;
  }
  const json = (opts.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2)) + '\n';
  if (opts.output) await writeFileAtomic(opts.output, json);
  else io.stdout(json);
  if (io.stderrIsTTY && !opts.quiet) io.stderr(summary(doc, label, io.color));
  const flagged = doc.diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error');
  return opts.strict && flagged ? 1 : 0;
}
