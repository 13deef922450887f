import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { parsePlan, type ParseOptions } from '../parse.js';
import type { PlanDocument } from '../model/schema.js';
import { InputError } from './errors.js';
import { decodeText, type TextEncoding } from './text.js';

export interface ParseFileOptions extends Omit<ParseOptions, 'sha256' | 'path'> {
  /** Text encoding; 'auto' (default) reads UTF-8 and UTF-16 by their BOM. */
  encoding?: TextEncoding | 'auto';
  /** Largest file read, in bytes (default 20 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function describe(err: unknown): InputError {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new InputError('not-found', 'no such file');
  if (e?.code === 'EISDIR') return new InputError('is-directory', 'this is a directory, not a file');
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return new InputError('unreadable', 'permission denied');
  return new InputError('unreadable', e?.message ?? String(err));
}

/** Read the bytes of a plan file, refusing what cannot be a plan. */
export async function readPlanBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new InputError('is-directory', 'this is a directory, not a file');
    size = s.size;
  } catch (err) {
    throw err instanceof InputError ? err : describe(err);
  }
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new InputError('too-large', `the file is ${mb(size)}, over the ${mb(maxBytes)} limit; plan texts are rarely over 1 MB (raise the limit with --max-size if this really is one plan)`);
  }
  try {
    return await readFile(path);
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
  return parsePlan(decoded.text, { ...rest, path, sha256, ...(format ? { format } : {}) });
}

/**
 * Read and parse a plan file. Throws InputError for a file that cannot be
 * used (missing, directory, empty, binary, too large); anything readable
 * gives a document.
 */
export async function parsePlanFile(path: string, options: ParseFileOptions = {}): Promise<PlanDocument> {
  const bytes = await readPlanBytes(path, options.maxBytes);
  return parsePlanBytes(bytes, path, options);
}
