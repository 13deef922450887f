import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../src/model/schema.js';
import { planToPdf } from '../scripts/pdf-plans.js';

/**
 * The CLI over a folder as a province's CI would see it: the five seeds, the
 * same plans as PDFs, a scanned-like PDF (no text layer), a truncated PDF and
 * a binary file.
 */
const BIN = new URL('../bin/plan-extract.js', import.meta.url).pathname;
const SEEDS = readdirSync(new URL('../seeds/', import.meta.url)).filter((f) => f.endsWith('.txt')).sort();
const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');

function cli(args: string[], cwd?: string, nodeOptions: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [...nodeOptions, BIN, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function drawn(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const golden = (seed: string) => JSON.parse(readFileSync(new URL(`../fixtures/${seed.replace(/\.txt$/, '.expected.json')}`, import.meta.url), 'utf8')) as { indicators: { line: number }[]; tasks: { line: number }[] };
const withoutLine = ({ line: _l, ...r }: { line: number }) => r;
const record = ({ id: _id, position: _p, ...r }: { id: string; position: unknown }) => r;

/** "files  13" lines of the plain summary, as numbers. */
function totals(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^(files|done|failed|skipped|indicators|tasks|warnings)\s+(\d+)/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

describe('plan-extract over a folder of plans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pe-batch-'));
  const plans = join(dir, 'plans');
  beforeAll(async () => {
    mkdirSync(join(plans, 'pdf'), { recursive: true });
    for (const seed of SEEDS) {
      const text = readFileSync(new URL(`../seeds/${seed}`, import.meta.url), 'utf8');
      writeFileSync(join(plans, seed), text);
      writeFileSync(join(plans, 'pdf', seed.replace(/\.txt$/, '.pdf')), await planToPdf(text));
    }
    writeFileSync(join(plans, 'pdf', 'scan.pdf'), await drawn((d) => d.rect(40, 40, 500, 700).fill('#777')));
    const good = readFileSync(join(plans, 'pdf', SEEDS[0]!.replace(/\.txt$/, '.pdf')));
    writeFileSync(join(plans, 'pdf', 'truncated.pdf'), good.subarray(0, Math.floor(good.length / 3)));
    writeFileSync(join(plans, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0, 9, 0, 0, 0, 0]));
  }, 60_000);

  it('--out-dir: every good file written and right, every bad one reported with its reason, exit 1', async () => {
    const out = join(dir, 'out');
    const r = await cli([plans, '--out-dir', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(totals(r.stderr)).toEqual({ files: 13, done: 10, failed: 3, skipped: 0, indicators: 2 * 191, tasks: 2 * 214, warnings: totals(r.stderr)['warnings'] });
    expect(r.stderr).toMatch(/failed .*binary\.txt: this is a binary file/);
    expect(r.stderr).toMatch(/failed .*scan\.pdf: the PDF has no text layer .*OCR is not supported yet/);
    expect(r.stderr).toMatch(/failed .*truncated\.pdf: the PDF cannot be read \(corrupt or truncated/);
    for (const seed of SEEDS) {
      const base = seed.replace(/\.txt$/, '');
      for (const file of [join(out, `${base}.json`), join(out, 'pdf', `${base}.json`)]) {
        const doc = planSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        expect(doc.indicators.map(record)).toEqual(golden(seed).indicators.map(withoutLine));
        expect(doc.tasks.map(record)).toEqual(golden(seed).tasks.map(withoutLine));
      }
    }
    expect(existsSync(join(out, 'binary.json')) || existsSync(join(out, 'pdf', 'scan.json'))).toBe(false);
    // Nothing half-written left behind.
    expect(readdirSync(join(out, 'pdf')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('--incremental: a re-run parses nothing; a changed plan is parsed again', async () => {
    const out = join(dir, 'out-incremental');
    await cli([plans, '--out-dir', out]);
    const stamp = statSync(join(out, `${SEEDS[2]!.replace(/\.txt$/, '')}.json`)).mtimeMs;
    const again = await cli([plans, '--out-dir', out, '--incremental']);
    expect(again.code).toBe(1); // the three bad files still fail
    expect(totals(again.stderr)).toMatchObject({ done: 0, skipped: 10, failed: 3 });
    expect(statSync(join(out, `${SEEDS[2]!.replace(/\.txt$/, '')}.json`)).mtimeMs).toBe(stamp);
    writeFileSync(join(plans, SEEDS[3]!), readFileSync(join(plans, SEEDS[3]!), 'utf8') + '\n');
    const changed = await cli([plans, '--out-dir', out, '--incremental']);
    expect(totals(changed.stderr)).toMatchObject({ done: 1, skipped: 9, failed: 3 });
  }, 60_000);

  it('--jsonl: one line per input in input order, each with its path; failures as error lines', async () => {
    const r = await cli([join(plans, '**/*.{txt,pdf}'), '--jsonl', '--jobs', '3', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { path: string }; error?: { code: string } });
    const paths = lines.map((l) => l.source.path);
    expect(paths).toEqual([...paths].sort());
    expect(lines).toHaveLength(13);
    expect(lines.filter((l) => l.error).map((l) => [l.source.path.split('/').pop(), l.error!.code])).toEqual([
      ['binary.txt', 'binary'],
      ['scan.pdf', 'no-text-layer'],
      ['truncated.pdf', 'corrupt'],
    ]);
    for (const l of lines.filter((x) => !x.error)) planSchema.parse(l);
  }, 60_000);

  it('the same documents with one thread as with several', async () => {
    const one = await cli([plans, '--jsonl', '--jobs', '1', '--quiet']);
    const many = await cli([plans, '--jsonl', '--jobs', '4', '--quiet']);
    expect(many.stdout).toBe(one.stdout);
  }, 60_000);

  it('an output that cannot be written fails its input only, with the reason', async () => {
    const out = join(dir, 'out-blocked');
    const name = SEEDS[1]!.replace(/\.txt$/, '.json');
    mkdirSync(join(out, name), { recursive: true }); // a directory where the JSON should go
    const r = await cli([join(plans, SEEDS[0]!), join(plans, SEEDS[1]!), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(totals(r.stderr)).toMatchObject({ files: 2, done: 1, failed: 1 });
    expect(r.stderr).toContain(`cannot write '${join(out, name)}': it is a directory`);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(existsSync(join(out, SEEDS[0]!.replace(/\.txt$/, '.json')))).toBe(true);
  }, 60_000);

  it('runs when node is given options of its own, V8 options among them', async () => {
    const plain = await cli([join(plans, SEEDS[3]!), join(plans, SEEDS[4]!), '--jsonl', '--quiet']);
    const flagged = await cli([join(plans, SEEDS[3]!), join(plans, SEEDS[4]!), '--jsonl', '--quiet'], undefined, ['--single-threaded-gc', '--stack-trace-limit=20', '--enable-source-maps']);
    expect(flagged.stderr).toBe('');
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toBe(plain.stdout);
  }, 60_000);

  it('a glob that matches nothing is reported, the others still read', async () => {
    const r = await cli([join(plans, SEEDS[0]!), join(dir, 'nothing-here', '*.txt'), '--jsonl']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/failed .*nothing-here\/\*\.txt: no file matches this pattern/);
  });

  it('--strict: exit 1 when a document has a warning', async () => {
    const r = await cli([join(plans, SEEDS[3]!), join(plans, SEEDS[4]!), '--jsonl', '--strict', '--quiet']);
    expect(r.code).toBe(1);
    const docs = r.stdout.trim().split('\n').map((l) => planSchema.parse(JSON.parse(l)));
    expect(docs.some((d) => d.diagnostics.some((x) => x.severity === 'warning'))).toBe(true);
  });

  it.each([
    [['a.txt', 'b.txt', '-o', 'x.json'], /-o names one output file/],
    [['a.txt', 'b.txt', '--incremental'], /--incremental needs --out-dir/],
    [['-', 'a.txt'], /stdin \(-\) can only be read alone/],
    [['a.txt', 'b.txt', '--out-dir', 'o', '--jsonl'], /choose one of --out-dir and --jsonl/],
    [['a.txt', '--jobs', '0'], /expected a whole number of threads/],
  ])('usage error: %j', async (args, message) => {
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
