import { Chalk } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import fg from 'fast-glob';
import { runBatch, type BatchOptions } from './commands/batch.js';
import { runDiff, type DiffOptions } from './commands/diff.js';
import { expandInputs } from './commands/inputs.js';
import { extractOne, type ExtractOptions, type Io } from './commands/extract.js';
import { OutputError } from './commands/output.js';
import { VERSION } from './version.js';


const EXIT_CODES = `
Exit status:
  0  done (every input read)
  1  several inputs: one or more could not be read; --strict: a diagnostic is a warning or worse
  2  usage error (unknown option, missing file argument, output directory missing)
  3  one input, and it cannot be used (missing, unreadable, empty, binary, too large, a PDF
     without text, encrypted or corrupt)`;

const EXAMPLES = `
Examples:
  $ plan-extract seeds/004_655a6051acb334a3.txt           JSON on stdout
  $ plan-extract plan.pdf -o plan.json                      a PDF; write a file (atomically)
  $ plan-extract plan.txt --compact | jq '.indicators[].name'
  $ pdftotext -layout plan.pdf - | plan-extract -           read stdin
  $ plan-extract plans/ --out-dir out/                      every .txt/.md/.pdf under plans/
  $ plan-extract "plans/**/*.{txt,md,pdf}" --jsonl > all.jsonl
  $ plan-extract plans/ --out-dir out/ --incremental        in CI: parse only new or changed plans
  $ plan-extract plan.txt --strict                          exit 1 on warnings (for CI)
  $ plan-extract diff out/ --format csv -o communes.csv     compare communes (see diff --help)`;

function jobCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, e.g. 4');
  return n;
}

function similarity(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1, e.g. 0.5');
  return n;
}

const DIFF_HELP = `
How rows are made:
  Each indicator (and each task) of the first plan opens a row; those of the next plans join
  the row they are most like, by the words of their names (tones, case, function words, figures
  and the plan's own place name aside; words most names hold count less), when at least
  --min-similarity alike; an indicator whose unit or target year differs counts a little less
  alike. Rows are marked:
    =  every plan has it, alike (indicators: same target; tasks: same lead units)
    ≠  every plan has it, not alike
    ·  some plans lack it (— in their column)

Inputs are plan files (.txt, .md, .pdf), plan-extract outputs (.json from --out-dir, .jsonl from
--jsonl: a line that holds a file's error is reported and left out), directories, or globs.

Exit status:
  0  compared
  2  usage error (fewer than two plans, unknown option)
  3  an input cannot be used (missing, unreadable, binary, not a plan-extract JSON, …)

Examples:
  $ plan-extract diff xa-a.txt xa-b.pdf                      two communes side by side
  $ plan-extract diff out/ --format csv --bom -o compare.csv one row per indicator and task, a column per commune
  $ plan-extract diff out/*.json --only indicators --format json | jq '.indicators[] | select(.agreement != "same")'`;

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a size in MB, e.g. 20');
  return n;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One input read to stdout or -o, or a batch: several inputs, a directory, a glob, --out-dir, --jsonl. */
async function dispatch(inputs: string[], opts: ExtractOptions & BatchOptions & { output?: string }, io: Io): Promise<number> {
  const one = inputs.length === 1 && !opts.outDir && !opts.jsonl && (inputs[0] === '-' || !(await isDirectory(inputs[0]!))) && !(fg.isDynamicPattern(inputs[0]!) && !existsSync(inputs[0]!));
  if (one) return extractOne(inputs[0]!, opts, io);
  if (inputs.includes('-')) throw new UsageError('stdin (-) can only be read alone');
  if (opts.output) throw new UsageError('-o names one output file; for several inputs use --out-dir DIR or --jsonl');
  if (opts.outDir && opts.jsonl) throw new UsageError('choose one of --out-dir and --jsonl');
  if (opts.incremental && !opts.outDir) throw new UsageError('--incremental needs --out-dir (it compares with the files there)');
  const { files, unmatched } = await expandInputs(inputs);
  return runBatch(files, unmatched, { ...opts, jsonl: !opts.outDir }, { ...io, now: () => Date.now() });
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

// Options the main command and diff share.
const encodingOption = () =>
  new Option('--encoding <name>', 'text encoding of the input (auto: UTF-8, UTF-16 by BOM, else TCVN3, VNI or Windows-1258 when the bytes read as Vietnamese in one)')
    .choices(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'])
    .default('auto');
const maxSizeOption = () => new Option('--max-size <MB>', 'refuse inputs larger than this').argParser(megabytes).default(20, '20');

/** A usage error found after the options were read: exit 2. */
class UsageError extends Error {}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('plan-extract')
    .description('Turn a Vietnamese plan document (kế hoạch) into structured, validated JSON: plan metadata, sections, indicators, tasks, assignments.')
    .version(VERSION, '-V, --version')
    .argument('<inputs...>', 'plan files (.txt, .md, .pdf), directories, globs; or - for stdin')
    .option('-o, --output <file>', 'one input: write the JSON to this file (atomically) instead of stdout')
    .option('--out-dir <dir>', 'several inputs: one JSON file per input here, names mirroring the inputs')
    .option('--jsonl', 'several inputs: one document per line on stdout, in input order (the default for several inputs)')
    .addOption(new Option('--jobs <n>', 'worker threads for several inputs').argParser(jobCount).default(availableParallelism(), 'the number of cores'))
    .option('--incremental', 'with --out-dir: skip inputs whose output already holds their document (same sha256 and version)')
    .option('--compact', 'print the JSON on one line')
    .option('--strict', 'exit 1 when any diagnostic is a warning or an error')
    .option('-q, --quiet', 'no summary on stderr, even on a terminal')
    .addOption(encodingOption())
    .addOption(maxSizeOption())
    .addHelpText('after', `${EXIT_CODES}\n${EXAMPLES}\n`)
    .showHelpAfterError('(run plan-extract --help for usage)')
    // After "diff", options are diff's own ("-o", "--encoding"), not the main command's.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`plan-extract: ${s.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .action(async (inputs: string[], opts) => {
      setExit(await dispatch(inputs, opts, io));
    });
  program
    .command('diff')
    .description('Compare plans side by side (communes, wards): which indicators and tasks each has, and where their targets and lead units differ.')
    .argument('<plans...>', 'two plans or more: plan files, plan-extract outputs (.json, .jsonl), directories, globs')
    .addOption(new Option('--format <format>', 'text tables, CSV (a row per indicator and task, a column per plan) or JSON').choices(['text', 'csv', 'json']).default('text'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .addOption(new Option('--only <records>', 'text and CSV: only indicators or only tasks').choices(['indicators', 'tasks']))
    .addOption(new Option('--min-similarity <0-1>', 'how alike two names must be to share a row').argParser(similarity).default(0.5))
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark, so that Excel reads the Vietnamese right')
    .addOption(encodingOption())
    .addOption(maxSizeOption())
    .addHelpText('after', `${DIFF_HELP}\n`)
    .showHelpAfterError('(run plan-extract diff --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`plan-extract diff: ${s.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .action(async (plans: string[], opts: DiffOptions) => {
      setExit(await runDiff(plans, opts, io));
    });
  return program;
}

/** Run the CLI; resolves to the exit status. The only place that knows about process streams. */
export async function main(argv: string[]): Promise<number> {
  const useColor = Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'];
  const io: Io = {
    stdout: (s) => {
      process.stdout.write(s);
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
    readStdin,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: new Chalk({ level: useColor ? 1 : 0 }),
  };
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.stderr(`plan-extract: ${err.message}\n(run plan-extract --help for usage)\n`);
      return 2;
    }
    if (err instanceof OutputError) {
      io.stderr(`plan-extract: ${err.message}\n`);
      return 2;
    }
    io.stderr(`plan-extract: internal error: ${err instanceof Error ? err.message : String(err)}\n(please report this with the input file)\n`);
    return 70;
  }
  return code;
}
