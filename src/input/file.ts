import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { addTime, parsePlan, type ParseOptions } from '../parse.js';
import type { PlanDocument } from '../model/schema.js';
import { InputError } from './errors.js';
import { decodeText, type TextEncoding } from './text.js';
import { isPdf, pdfToText } from './pdf.js';

export interface ParseFileOptions extends Omit<ParseOptions, 'sha256' | 'path'> {
  /** Text encoding; 'auto' (default) reads UTF-8, UTF-16 by its BOM, and bytes that are not UTF-8 as TCVN3, VNI or Windows-1258 when they read as Vietnamese in one of them. */
  encoding?: TextEncoding | 'auto';
  /** Largest file read, in bytes (default 20 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The legacy encodings a file can be found in, named for the diagnostic. */
const LEGACY_NAMES: Partial<Record<TextEncoding, string>> = { tcvn3: "TCVN3 (the .VnTime fonts' encoding)", vni: "VNI (the VNI-Times fonts' encoding)", 'windows-1258': 'Windows-1258' };

function describe(err: unknown): InputError {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new InputError('not-found', 'no such file');
  if (e?.code === 'EISDIR') return new InputError('is-directory', 'this is a directory, not a file');
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return new InputError('unreadable', 'permission denied');
  return new InputError('unreadable', e?.message ?? String(err));
}

/** Refuse a directory, or a file over the size limit, before reading it. */
function checkFile(s: { isDirectory(): boolean; size: number }, maxBytes: number): void {
  if (s.isDirectory()) throw new InputError('is-directory', 'this is a directory, not a file');
  if (s.size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new InputError('too-large', `the file is ${mb(s.size)}, over the ${mb(maxBytes)} limit; plan texts are rarely over 1 MB (raise the limit with --max-size if this really is one plan)`);
  }
}

/** Read the bytes of a plan file, refusing what cannot be a plan. */
export async function readPlanBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (err) {
    throw describe(err);
  }
  checkFile(s, maxBytes);
  try {
    return await readFile(path);
  } catch (err) {
    throw describe(err);
  }
}

/**
 * readPlanBytes without waiting on Node's thread pool: for a batch's worker
 * threads, which have nothing else to do meanwhile.
 */
export function readPlanBytesSync(path: string, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let s: Stats;
  try {
    s = statSync(path);
  } catch (err) {
    throw describe(err);
  }
  checkFile(s, maxBytes);
  try {
    return readFileSync(path);
  } catch (err) {
    throw describe(err);
  }
}

/** Parse a plan from bytes already read (a file, stdin). */
export function parsePlanBytes(bytes: Uint8Array, path: string | null, options: ParseFileOptions = {}): PlanDocument {
  const decoded = decodeText(bytes, options.encoding ?? 'auto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = path ? extname(path).toLowerCase() : '';
  const format = options.format ?? (ext === '.md' || ext === '.markdown' ? 'markdown' : undefined);
  const { encoding: _e, maxBytes: _m, ...rest } = options;
  void _e;
  void _m;
  const inputDiagnostics = [...(rest.inputDiagnostics ?? [])];
  if (decoded.guessed) inputDiagnostics.push({ severity: 'info' as const, code: 'legacy-encoding', message: `the file is not UTF-8; it was read as ${LEGACY_NAMES[decoded.encoding] ?? decoded.encoding}` });
  return parsePlan(decoded.text, { ...rest, path, sha256, ...(format ? { format } : {}), ...(inputDiagnostics.length > 0 ? { inputDiagnostics } : {}) });
}

/**
 * Parse a plan from bytes: a PDF (by its magic bytes) through its text layer
 * (pdf.ts), anything else as text (parsePlanBytes). Throws InputError for
 * input that cannot be used.
 */
export async function parsePlanInput(bytes: Uint8Array, path: string | null, options: ParseFileOptions = {}): Promise<PlanDocument> {
  if (!isPdf(bytes)) return parsePlanBytes(bytes, path, options);
  const t0 = performance.now();
  const pdf = await pdfToText(bytes);
  if (options.timings) addTime(options.timings, 'pdf text layer', t0);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { encoding: _e, maxBytes: _m, ...rest } = options;
  void _e;
  void _m;
  const inputDiagnostics =
    pdf.emptyPages.length > 0
      ? [{ severity: 'warning' as const, code: 'pages-without-text', message: `page${pdf.emptyPages.length > 1 ? 's' : ''} ${pdf.emptyPages.join(', ')} of ${pdf.pages} hold${pdf.emptyPages.length > 1 ? '' : 's'} no text (scanned?); OCR is not supported yet, so ${pdf.emptyPages.length > 1 ? 'they were' : 'it was'} skipped` }]
      : [];
  return parsePlan(pdf.text, { ...rest, path, sha256, format: 'pdf', pages: pdf.pages, inputDiagnostics });
}

/**
 * Read and parse a plan file (text, Markdown or PDF). Throws InputError for a
 * file that cannot be used (missing, directory, empty, binary, too large, a
 * PDF without text, encrypted or corrupt); anything readable gives a document.
 */
export async function parsePlanFile(path: string, options: ParseFileOptions = {}): Promise<PlanDocument> {
  const bytes = await readPlanBytes(path, options.maxBytes);
  return parsePlanInput(bytes, path, options);
}
