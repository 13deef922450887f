import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Thrown when an output path cannot be written; the CLI reports it as a usage error. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** What a write to `path` that failed with `err` means, in one line. */
function writeError(path: string, err: unknown): OutputError {
  const e = err as NodeJS.ErrnoException;
  return new OutputError(`cannot write '${path}': ${e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message}`);
}

function noDirectory(path: string): OutputError {
  return new OutputError(`cannot write '${path}': directory '${dirname(path)}' does not exist`);
}

const notDirectory = (path: string) => new OutputError(`cannot write '${path}': '${dirname(path)}' is not a directory`);

/** A temporary name beside `path`, unique to this process and call. */
const tmpName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Write a file atomically: to a temporary file beside it, then rename, so a
 * reader (or a crash) never sees half a document.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const s = await stat(dirname(path)).catch(() => null);
  if (!s) throw noDirectory(path);
  if (!s.isDirectory()) throw notDirectory(path);
  const tmp = tmpName(path);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(path, err);
  }
}

/** writeFileAtomic without waiting on Node's thread pool (for a batch's worker threads). */
export function writeFileAtomicSync(path: string, data: string): void {
  let s: Stats;
  try {
    s = statSync(dirname(path));
  } catch {
    throw noDirectory(path);
  }
  if (!s.isDirectory()) throw notDirectory(path);
  const tmp = tmpName(path);
  try {
    writeFileSync(tmp, data, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw writeError(path, err);
  }
}
