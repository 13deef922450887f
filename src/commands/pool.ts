import { Worker } from 'node:worker_threads';
import { failedResult, runJob, type Job, type JobResult } from './job.js';

/** Runs jobs: in this thread (one job) or on worker threads, as many at once as there are workers. */
export interface Runner {
  readonly size: number;
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

export function inProcess(): Runner {
  return { size: 1, run: runJob, close: async () => undefined };
}

/**
 * A worker's heap: a document's working set is a few megabytes, so a capped
 * heap keeps the batch's memory flat however many documents go through (V8
 * would otherwise let each heap grow to hundreds of MB). Measured over 1,000
 * plans on 2 workers: a 48 MB young generation and 512 MB old space cost no
 * more memory than 32 and 128 (peak RSS about 230 MB) and collect less often,
 * about 12% faster; a 64 MB young generation was faster still but brought the
 * peak to 300 MB, and 2 GB old space to 330 MB.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 };

/**
 * Node's options for the workers: the main thread's, but not those that only mean something
 * to a main script (`node --input-type=module -e …` would stop every worker at its start).
 */
function workerExecArgv(execArgv: readonly string[]): string[] {
  return execArgv.filter((a) => !/^--(?:input-type|eval|print)\b|^-[ep]$/.test(a));
}

/**
 * `size` worker threads, each taking the next job when it is free. A worker
 * that dies takes its job down with it (reported as failed) and is replaced.
 */
export function workerPool(size: number): Runner {
  const url = new URL('./worker.js', import.meta.url);
  let execArgv = workerExecArgv(process.execArgv);
  const start = () => {
    let w: Worker;
    try {
      w = new Worker(url, { execArgv, resourceLimits: WORKER_LIMITS });
    } catch (err) {
      // V8's options (`node --single-threaded-gc …`) are refused here: they hold for the whole
      // process, workers included, so they are left out and the rest kept.
      if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      const refused = new Set(((err as Error).message.split(': ')[1] ?? '').split(/,\s*/));
      const kept = execArgv.filter((a) => !refused.has(a));
      execArgv = kept.length < execArgv.length ? kept : [];
      w = new Worker(url, { execArgv, resourceLimits: WORKER_LIMITS });
    }
    w.unref();
    return w;
  };
  const all = new Set<Worker>();
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  for (let i = 0; i < size; i++) {
    const w = start();
    all.add(w);
    idle.push(w);
  }
  const acquire = () => new Promise<Worker>((resolve) => (idle.length > 0 ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    size,
    async run(job) {
      const w = await acquire();
      const outcome = await new Promise<{ result: JobResult } | { crash: Error }>((resolve) => {
        const done = (result: JobResult) => {
          w.off('error', fail);
          resolve({ result });
        };
        const fail = (crash: Error) => {
          w.off('message', done);
          resolve({ crash });
        };
        w.once('message', done);
        w.once('error', fail);
        w.postMessage(job);
      });
      if ('result' in outcome) {
        release(w);
        return outcome.result;
      }
      all.delete(w);
      void w.terminate();
      const fresh = start();
      all.add(fresh);
      release(fresh);
      return failedResult(job, 'internal-error', `internal error: the worker stopped (${outcome.crash.message}); please report this with the input file`);
    },
    async close() {
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}
