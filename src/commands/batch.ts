import { mkdir } from 'node:fs/promises';
import type { CommonOptions, Io } from './extract.js';
import { outputPaths, type InputFile } from './inputs.js';
import { errorLine, type Job, type JobResult } from './job.js';
import { OutputError } from './output.js';
import { inProcess, workerPool, type Runner } from './pool.js';

export interface BatchOptions extends CommonOptions {
  outDir?: string;
  jsonl?: boolean;
  jobs: number;
  incremental?: boolean;
}

export interface BatchIo extends Omit<Io, 'readStdin'> {
  /** Milliseconds, for the elapsed time (injectable in tests). */
  now: () => number;
}

export interface BatchTotals {
  files: number;
  done: number;
  failed: number;
  skipped: number;
  indicators: number;
  tasks: number;
  /** Documents with a warning or an error diagnostic. */
  warned: number;
  warnings: number;
  elapsedMs: number;
}

/** How many jobs may be handed out beyond the next one to report, per thread (keeps memory flat). */
const AHEAD_PER_THREAD = 4;

/**
 * Parse many inputs: each document to its file under --out-dir, or one per
 * line on stdout (--jsonl) in input order, with a progress bar and a summary
 * on stderr. A bad input is reported (with its reason) and never stops the
 * others. Returns the exit status: 0 when every input was read, 1 when any
 * failed (or, with --strict, had warnings).
 */
export async function runBatch(files: readonly InputFile[], unmatched: readonly { arg: string; reason: string }[], opts: BatchOptions, io: BatchIo): Promise<number> {
  const started = io.now();
  if (opts.outDir) {
    try {
      await mkdir(opts.outDir, { recursive: true });
    } catch (err) {
      throw new OutputError(`cannot create the output directory '${opts.outDir}': ${(err as Error).message}`);
    }
  }
  const outputs = opts.outDir ? outputPaths(files, opts.outDir) : files.map(() => null);
  const maxBytes = opts.maxSize !== undefined ? Math.round(opts.maxSize * 1024 * 1024) : undefined;
  const jobs: Job[] = files.map((f, index) => ({
    index,
    path: f.path,
    output: outputs[index]!,
    incremental: Boolean(opts.incremental && opts.outDir),
    compact: Boolean(opts.compact),
    encoding: opts.encoding,
    maxBytes,
  }));
  const totals: BatchTotals = { files: files.length + unmatched.length, done: 0, failed: 0, skipped: 0, indicators: 0, tasks: 0, warned: 0, warnings: 0, elapsedMs: 0 };
  const failures: { path: string; message: string }[] = unmatched.map((u) => ({ path: u.arg, message: u.reason }));
  totals.failed += unmatched.length;
  if (opts.jsonl) for (const u of unmatched) io.stdout(errorLine(u.arg, 'not-found', u.reason) + '\n');

  const progress = io.stderrIsTTY && !opts.quiet ? new Progress(io, files.length) : null;
  // Several inputs always go to worker threads (one with --jobs 1): their heaps stay small.
  const runner: Runner = jobs.length > 1 ? workerPool(Math.min(opts.jobs, jobs.length)) : inProcess();
  const results = new Map<number, JobResult>();
  let next = 0; // the next job to report
  let issued = 0;
  const report = (r: JobResult) => {
    if (r.line !== undefined) io.stdout(r.line + '\n');
    if (r.status === 'done') {
      totals.done++;
      totals.indicators += r.indicators;
      totals.tasks += r.tasks;
      totals.warnings += r.warnings;
      if (r.warnings > 0) totals.warned++;
    } else if (r.status === 'skipped') totals.skipped++;
    else {
      totals.failed++;
      failures.push({ path: r.path, message: r.error?.message ?? 'failed' });
    }
    progress?.tick(totals);
  };
  try {
    await new Promise<void>((resolve) => {
      const window = runner.size * AHEAD_PER_THREAD;
      const pump = () => {
        while (issued < jobs.length && issued - next < window) {
          const job = jobs[issued++]!;
          void runner.run(job).then((r) => {
            results.set(r.index, r);
            // Report in input order: hold results that come early.
            while (results.has(next)) {
              report(results.get(next)!);
              results.delete(next);
              next++;
            }
            if (next === jobs.length) resolve();
            else pump();
          });
        }
        if (jobs.length === 0) resolve();
      };
      pump();
    });
  } finally {
    await runner.close();
    progress?.end();
  }
  totals.elapsedMs = io.now() - started;
  if (!opts.quiet) io.stderr(summaryTable(totals, failures, io));
  if (totals.failed > 0) return 1;
  return opts.strict && totals.warned > 0 ? 1 : 0;
}

/** A progress bar on a terminal: one line, redrawn at most ten times a second. */
class Progress {
  private last = 0;
  constructor(
    private readonly io: BatchIo,
    private readonly total: number,
  ) {}

  tick(t: BatchTotals): void {
    const now = this.io.now();
    const finished = t.done + t.failed + t.skipped;
    if (now - this.last < 100 && finished < this.total) return;
    this.last = now;
    const width = 30;
    const n = this.total === 0 ? width : Math.round((finished / this.total) * width);
    const bar = '█'.repeat(n) + '░'.repeat(width - n);
    const failed = t.failed > 0 ? this.io.color.red(` ${t.failed} failed`) : '';
    this.io.stderr(`\r${bar} ${finished}/${this.total}${failed}\x1b[K`);
  }

  end(): void {
    this.io.stderr('\r\x1b[K');
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The final summary: a table (coloured on a terminal), then each failure with its reason. */
export function summaryTable(t: BatchTotals, failures: readonly { path: string; message: string }[], io: Pick<BatchIo, 'color' | 'stderrIsTTY'>): string {
  const c = io.color;
  const rows: [string, string, (s: string) => string][] = [
    ['files', String(t.files), (s) => s],
    ['done', String(t.done), c.green],
    ['failed', String(t.failed), t.failed > 0 ? c.red : (s) => s],
    ['skipped', String(t.skipped), c.dim],
    ['indicators', String(t.indicators), (s) => s],
    ['tasks', String(t.tasks), (s) => s],
    ['warnings', `${t.warnings} in ${t.warned} file${t.warned === 1 ? '' : 's'}`, t.warnings > 0 ? c.yellow : (s) => s],
    ['elapsed', duration(t.elapsedMs), (s) => s],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  let out: string;
  if (io.stderrIsTTY) {
    const line = (l: string, m: string, r: string) => `${l}${'─'.repeat(w0 + 2)}${m}${'─'.repeat(w1 + 2)}${r}`;
    out = [line('┌', '┬', '┐'), ...rows.map(([k, v, paint]) => `│ ${c.bold(k.padEnd(w0))} │ ${paint(v.padStart(w1))} │`), line('└', '┴', '┘')].join('\n') + '\n';
  } else out = rows.map(([k, v]) => `${k.padEnd(w0)}  ${v}`).join('\n') + '\n';
  for (const f of failures) out += `${c.red('failed')} ${f.path}: ${f.message}\n`;
  return out;
}
