import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { extractOne, type Io } from './commands/extract.js';
import { OutputError } from './commands/output.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const EXIT_CODES = `
Exit status:
  0  done
  1  --strict, and a diagnostic is a warning or an error
  2  usage error (unknown option, missing file argument, output directory missing)
  3  the input cannot be used (missing, unreadable, empty, binary, too large)`;

const EXAMPLES = `
Examples:
  $ plan-extract seeds/004_655a6051acb334a3.txt           JSON on stdout
  $ plan-extract plan.txt -o plan.json                      write a file (atomically)
  $ plan-extract plan.txt --compact | jq '.indicators[].name'
  $ pdftotext -layout plan.pdf - | plan-extract -           read stdin
  $ plan-extract plan.txt --strict                          exit 1 on warnings (for CI)`;

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

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('plan-extract')
    .description('Turn a Vietnamese plan document (kế hoạch) into structured, validated JSON: plan metadata, sections, indicators, tasks, assignments.')
    .version(pkg.version, '-V, --version')
    .argument('<file>', 'plan text (.txt, .md), or - for stdin')
    .option('-o, --output <file>', 'write the JSON to this file (atomically) instead of stdout')
    .option('--compact', 'print the JSON on one line')
    .option('--strict', 'exit 1 when any diagnostic is a warning or an error')
    .option('-q, --quiet', 'no summary on stderr, even on a terminal')
    .addOption(new Option('--encoding <name>', 'text encoding of the input').choices(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1258']).default('auto'))
    .addOption(new Option('--max-size <MB>', 'refuse inputs larger than this').argParser(megabytes).default(20, '20'))
    .addHelpText('after', `${EXIT_CODES}\n${EXAMPLES}\n`)
    .showHelpAfterError('(run plan-extract --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`plan-extract: ${s.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .action(async (file: string, opts) => {
      setExit(await extractOne(file, opts, io));
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
    if (err instanceof OutputError) {
      io.stderr(`plan-extract: ${err.message}\n`);
      return 2;
    }
    io.stderr(`plan-extract: internal error: ${err instanceof Error ? err.message : String(err)}\n(please report this with the input file)\n`);
    return 70;
  }
  return code;
}
