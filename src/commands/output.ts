import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Thrown when an output path cannot be written; the CLI reports it as a usage error. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/**
 * Write a file atomically: to a temporary file beside it, then rename, so a
 * reader (or a crash) never sees half a document.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new OutputError(`cannot write '${path}': '${dir}' is not a directory`);
  } catch (err) {
    if (err instanceof OutputError) throw err;
    throw new OutputError(`cannot write '${path}': directory '${dir}' does not exist`);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    throw new OutputError(`cannot write '${path}': ${e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message}`);
  }
}
