import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parsePlanInput, readPlanBytesSync, type ParseFileOptions } from '../input/file.js';
import { InputError } from '../input/errors.js';
import { VERSION } from '../version.js';
import { OutputError, writeFileAtomicSync } from './output.js';

/** One input of a batch, as the main thread hands it to a worker (plain data: it is copied). */
export interface Job {
  index: number;
  path: string;
  /** --out-dir: where its JSON goes; null with --jsonl. */
  output: string | null;
  /** --incremental: skip the input if `output` already holds its document. */
  incremental: boolean;
  compact: boolean;
  encoding: ParseFileOptions['encoding'];
  maxBytes: number | undefined;
}

export interface JobResult {
  index: number;
  path: string;
  status: 'done' | 'failed' | 'skipped';
  indicators: number;
  tasks: number;
  /** Diagnostics that are warnings or errors. */
  warnings: number;
  /** --jsonl: the document (or the error) on one line. */
  line?: string;
  error?: { code: string; message: string };
}

/** Inputs the parser could not use at all (see extract.ts). */
const UNUSABLE = new Set(['empty-input', 'input-too-large']);

/** Does `output` already hold the document of these bytes, read by this version? */
function upToDate(output: string, sha256: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(output, 'utf8')) as { source?: { sha256?: string; parser?: string } };
    return doc.source?.sha256 === sha256 && doc.source?.parser === VERSION;
  } catch {
    return false;
  }
}

/** The --jsonl line that stands in place of the document of an input that failed. */
export function errorLine(path: string, code: string, message: string): string {
  return JSON.stringify({ source: { path }, error: { code, message } });
}

/** A job that failed: why, and (--jsonl) the line that says so in place of its document. */
export function failedResult(job: Job, code: string, message: string): JobResult {
  return {
    index: job.index,
    path: job.path,
    status: 'failed',
    indicators: 0,
    tasks: 0,
    warnings: 0,
    error: { code, message },
    ...(job.output === null ? { line: errorLine(job.path, code, message) } : {}),
  };
}

/**
 * Read, parse and write (or return) one input; never throws for a bad input.
 * Its files are read and written synchronously: a worker thread runs one job
 * at a time, and waiting on Node's thread pool left it idle for longer.
 */
export async function runJob(job: Job): Promise<JobResult> {
  const base = { index: job.index, path: job.path, indicators: 0, tasks: 0, warnings: 0 };
  const failed = (code: string, message: string) => failedResult(job, code, message);
  try {
    const bytes = readPlanBytesSync(job.path, job.maxBytes);
    if (job.incremental && job.output && upToDate(job.output, createHash('sha256').update(bytes).digest('hex'))) {
      return { ...base, status: 'skipped' };
    }
    const doc = await parsePlanInput(bytes, job.path, { encoding: job.encoding ?? 'auto', ...(job.maxBytes !== undefined ? { maxLength: job.maxBytes } : {}) });
    const fatal = doc.diagnostics.find((d) => UNUSABLE.has(d.code));
    if (fatal) return failed(fatal.code, fatal.code === 'empty-input' ? 'there is no text in it' : fatal.message);
    const result: JobResult = {
      ...base,
      status: 'done',
      indicators: doc.indicators.length,
      tasks: doc.tasks.length,
      warnings: doc.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error').length,
    };
    if (job.output) {
      mkdirSync(dirname(job.output), { recursive: true });
      writeFileAtomicSync(job.output, (job.compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2)) + '\n');
    } else result.line = JSON.stringify(doc);
    return result;
  } catch (err) {
    if (err instanceof InputError) return failed(err.code, err.message);
    if (err instanceof OutputError) return failed('write-failed', err.message);
    const message = err instanceof Error ? err.message : String(err);
    return failed('internal-error', `internal error: ${message} (please report this with the input file)`);
  }
}
