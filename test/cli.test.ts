import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../src/model/schema.js';

const BIN = new URL('../bin/plan-extract.js', import.meta.url).pathname;
const SEED = new URL('../seeds/003_6546f7b9f46ac644.txt', import.meta.url).pathname;

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

describe('plan-extract CLI', () => {
  it('prints a schema-valid document for a plan file, nothing on stderr when it is not a terminal', async () => {
    const r = await cli([SEED]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = planSchema.parse(JSON.parse(r.stdout));
    expect(doc.source.path).toBe(SEED);
    expect(doc.tasks.length).toBeGreaterThan(0);
  });

  it('reads stdin with "-"', async () => {
    const r = await cli(['-', '--compact'], readFileSync(SEED, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).source.path).toBeNull();
  });

  it('writes -o atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pe-'));
    const out = join(dir, 'plan.json');
    const r = await cli([SEED, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    planSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('--strict exits 1 when a diagnostic is a warning (this plan repeats "III.")', async () => {
    const r = await cli([SEED, '--strict']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.some((d: { code: string }) => d.code === 'numbering-repeat')).toBe(true);
  });

  it('--help shows examples and exit codes; --version prints the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit status:');
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  const bad: [string, () => string[], number, RegExp][] = [
    ['a missing file', () => ['/no/such/plan.txt'], 3, /no such file/],
    ['an empty file', () => [tmpFile('empty.txt', '')], 3, /empty/],
    ['a file of blank lines', () => [tmpFile('blank.txt', '\n \n\t\n')], 3, /no text/],
    ['a binary file', () => [tmpFile('bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0, 0, 9, 200, 0, 0]))], 3, /binary/],
    ['an output directory that does not exist', () => [SEED, '-o', '/no/such/dir/out.json'], 2, /does not exist/],
    ['an unknown option', () => ['--frobnicate', SEED], 2, /unknown option/],
    ['no file argument', () => [], 2, /missing required argument/],
  ];
  it('a directory with no plan in it: reported as it is, exit 1, no stack trace', async () => {
    const r = await cli([mkdtempSync(join(tmpdir(), 'pe-empty-'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^failed .*: a directory with no \.txt, \.md or \.pdf file in it$/m);
    expect(r.stderr).toMatch(/^files\s+1$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  for (const [name, args, code, message] of bad) {
    it(`${name}: exit ${code}, one clear line on stderr, no stack trace`, async () => {
      const r = await cli(args());
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
      expect(r.stdout).toBe('');
    });
  }
});

describe('large inputs', () => {
  it('a 50 MB file is refused with one clear line and exit 3', async () => {
    const p = tmpFile('big.txt', '');
    const chunk = Buffer.from('- Tỷ lệ phủ sóng 5G trên địa bàn đạt 100%.\n'.repeat(20_000));
    const fd = await import('node:fs/promises').then((fs) => fs.open(p, 'w'));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) await fd.write(chunk);
    await fd.close();
    const r = await cli([p]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/over the 20\.0 MB limit/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('on a terminal', () => {
  // `script` gives the command a pseudo-terminal, so stderr is a TTY.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('prints a short summary on stderr', () => {
    const r = spawnSync('script', ['-qec', `node ${BIN} ${SEED} -o /dev/null`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/5 indicators, 17 tasks, 5 assignments/);
    expect(r.stdout).toMatch(/warning line 231: heading number 2 is repeated/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it.skipIf(!hasScript)('several inputs: a progress bar, then the summary in a table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pe-tty-'));
    const seeds = new URL('../seeds/', import.meta.url).pathname;
    const r = spawnSync('script', ['-qec', `node ${BIN} ${seeds} --out-dir ${dir}`, '/dev/null'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/█+ \d+\/5/); // the bar, redrawn in place
    expect(r.stdout).toMatch(/┌─+┬─+┐/);
    expect(r.stdout).toMatch(/│ .*files.* │ .*5 │/);
    expect(r.stdout).toMatch(/│ .*indicators.* │ .*191 │/);
    expect(r.stdout).toMatch(/\u001b\[3\dm/); // colours on a terminal
  });
});

describe('the version', () => {
  it('is the package\'s', async () => {
    const { VERSION } = await import('../src/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('the library, imported by its package name', () => {
  it('exports parsePlan, parsePlanFile and planSchema', async () => {
    const lib = await import('plan-extract');
    const doc = await lib.parsePlanFile(SEED);
    expect(lib.planSchema.parse(doc).tasks).toHaveLength(17);
    expect(lib.parsePlan('').diagnostics[0]!.code).toBe('empty-input');
  });
});

function tmpFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pe-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

