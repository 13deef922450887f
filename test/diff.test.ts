import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../src/compare/compare.js';
import { dice, matchAcross, nameWords, rarity } from '../src/compare/match.js';
import { parsePlanBytes } from '../src/input/file.js';
import { comparisonSchema } from '../src/model/comparison.js';

const BIN = new URL('../bin/plan-extract.js', import.meta.url).pathname;
// Two small plans written for this test: what they share was worked out by hand from their text.
const A = new URL('../fixtures/diff/xa-an-phu.txt', import.meta.url).pathname;
const B = new URL('../fixtures/diff/phuong-binh-minh.txt', import.meta.url).pathname;
const docOf = (path: string) => parsePlanBytes(readFileSync(path), path);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('matching names across plans', () => {
  it('reads a name as its content words: no tones or case, no function words, no place name', () => {
    expect([...nameWords('Tỷ lệ phủ sóng 5G trên địa bàn xã An Phú', 'An Phú')]).toEqual(['ty', 'le', 'phu', 'song', '5g']);
    // "phủ" stays: only the place name as a whole phrase goes.
    expect([...nameWords('Tỷ lệ phủ sóng', 'Phú')]).toEqual(['ty', 'le', 'song']);
    expect([...nameWords('TỶ LỆ PHỦ SÓNG')]).toEqual(['ty', 'le', 'phu', 'song']);
    // Figures alone and an opening "Phấn đấu" say nothing of what is measured.
    expect([...nameWords('Phấn đấu tỷ lệ hộ có cáp quang 01 Gbps trước 31/12/2026')]).toEqual(['ty', 'le', 'ho', 'cap', 'quang', 'gbps', 'truoc']);
  });

  it('scores names by Dice over their words', () => {
    expect(dice(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(dice(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b']))).toBeCloseTo(4 / 6);
    expect(dice(new Set(['a']), new Set(['b']))).toBe(0);
  });

  it('puts at most one record of a plan in a row, the most alike pair first', () => {
    const view = (s: string) => ({ words: new Set(s.split(' ')), traits: [] });
    const rows = matchAcross([['a b c', 'x y'], ['a b', 'a b c d', 'q']], view, 0.5);
    // Weights ln(1 + 5/df): a, b 0.981 (3 of the 5 records hold them), c 1.253, d 1.792.
    // "a b c d" (2 × 3.214 / (3.214 + 5.006) = 0.782) is more like "a b c" than "a b" (0.758) is.
    expect(rows.map((r) => r.members)).toEqual([
      ['a b c', 'a b c d'],
      ['x y', null],
      [null, 'a b'],
      [null, 'q'],
    ]);
    expect(rows[0]!.similarity).toBeCloseTo(0.782, 3);
  });

  it('counts the words most names hold for less', () => {
    const view = (s: string) => ({ words: new Set(s.split(' ')), traits: [] });
    // "ty le" is in every name: "ty le c" and "ty le b" share only it (weighted 0.46, unweighted
    // they would score 0.67 and pair up).
    const rows = matchAcross([['ty le a', 'ty le b'], ['ty le c', 'ty le a x']], view, 0.5);
    expect(rows.map((r) => r.members)).toEqual([
      ['ty le a', 'ty le a x'],
      ['ty le b', null],
      [null, 'ty le c'],
    ]);
    expect(rarity(4, 4)).toBeCloseTo(Math.log(2));
  });

  it('counts a differing unit or year against a match', () => {
    const rows = matchAcross(
      [[{ w: 'ty le phu song', y: 2026 }], [{ w: 'ty le phu song', y: 2030 }]],
      (r) => ({ words: new Set(r.w.split(' ')), traits: [r.y] }),
      0.9,
    );
    expect(rows).toHaveLength(2);
  });
});

describe('comparePlans', () => {
  const c = comparePlans([{ doc: docOf(A) }, { doc: docOf(B) }]);

  it('labels the plans by locality and counts their records', () => {
    expect(c.plans.map((p) => [p.label, p.number, p.indicators, p.tasks])).toEqual([
      ['xã An Phú', '12/KH-UBND', 3, 2],
      ['phường Bình Minh', '30/KH-UBND', 3, 3],
    ]);
    comparisonSchema.parse(c);
  });

  it('matches indicators worded differently, and tells a differing target from the same one', () => {
    expect(c.indicators.map((r) => [r.agreement, r.entries.map((e) => e?.target ?? null)])).toEqual([
      ['differs', ['đạt 80%', 'đạt 90%']], // 5G coverage, "mạng di động … xã An Phú" / "dân số được … "
      ['same', ['đạt 100%', 'đạt 100%']], // TTHC online, "xử lý" / "giải quyết"
      ['partial', ['ít nhất 02', null]], // cooperatives on e-commerce: A only
      ['partial', [null, 'đạt 95%']], // VNeID: B only
    ]);
    expect(c.indicators[0]!.entries.map((e) => e!.line)).toEqual([14, 14]);
  });

  it('matches tasks, and compares their lead units', () => {
    expect(c.tasks.map((r) => [r.agreement, r.entries.map((e) => e?.lead ?? null)])).toEqual([
      ['same', [['Văn phòng HĐND và UBND'], ['Văn phòng HĐND và UBND']]],
      ['differs', [['Phòng Văn hóa - Xã hội'], ['Công an phường']]],
      ['partial', [null, ['Phòng Văn hóa - Xã hội']]],
    ]);
  });

  it('needs two plans and a similarity from 0 to 1', () => {
    expect(() => comparePlans([{ doc: docOf(A) }])).toThrow(RangeError);
    expect(() => comparePlans([{ doc: docOf(A) }, { doc: docOf(B) }], { minSimilarity: 1.5 })).toThrow(RangeError);
  });

  it('with the threshold at 1, only names with the same words share a row', () => {
    const strict = comparePlans([{ doc: docOf(A) }, { doc: docOf(B) }], { minSimilarity: 1 });
    expect(strict.indicators.filter((r) => r.agreement !== 'partial')).toHaveLength(0);
  });
});

describe('plan-extract diff', () => {
  it('prints the rows as a text table, a column per plan', async () => {
    const r = await cli(['diff', A, B]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('A  xã An Phú');
    expect(r.stdout).toContain('Indicators: 4 rows; 2 in every plan (1 with the same target, 1 not), 2 in one plan only');
    expect(r.stdout).toMatch(/≠ {2}Tỷ lệ phủ sóng mạng di động 5G.*đạt 80%.*đạt 90%/);
    expect(r.stdout).toContain('Tasks: 3 rows');
  });

  it('writes CSV with a cell and a source line per plan; --only and --bom', async () => {
    const r = await cli(['diff', A, B, '--format', 'csv', '--only', 'indicators']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('kind,row,name,agreement,similarity,xã An Phú,xã An Phú line,phường Bình Minh,phường Bình Minh line');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^indicator,1,Tỷ lệ phủ sóng .*,differs,[\d.]+,đạt 80%,14,đạt 90%,14$/);
    const bom = await cli(['diff', A, B, '--format', 'csv', '--bom']);
    expect(bom.stdout.startsWith('\ufeffkind,')).toBe(true);
    // -o after "diff" is diff's own: the file gets what stdout would have.
    const dir = mkdtempSync(join(tmpdir(), 'pe-diff-'));
    const written = await cli(['diff', A, B, '--format', 'csv', '--only', 'indicators', '-o', join(dir, 'c.csv')]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe(r.stdout);
  });

  it('reads plan-extract JSON outputs (an --out-dir) as well as plans, with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pe-diff-'));
    expect((await cli([A, B, '--out-dir', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['phuong-binh-minh.json', 'xa-an-phu.json']);
    const fromJson = await cli(['diff', join(dir, 'xa-an-phu.json'), join(dir, 'phuong-binh-minh.json'), '--format', 'json']);
    const fromText = await cli(['diff', A, B, '--format', 'json']);
    expect(fromJson.code).toBe(0);
    expect(comparisonSchema.parse(JSON.parse(fromJson.stdout))).toEqual(JSON.parse(fromText.stdout));
    // A directory stands for the plans and outputs in it (sorted by name: B's file first).
    const whole = comparisonSchema.parse(JSON.parse((await cli(['diff', dir, '--format', 'json'])).stdout));
    expect(whole.plans.map((p) => p.label)).toEqual(['phường Bình Minh', 'xã An Phú']);
  });

  it('reads a --jsonl output, reporting and leaving out the lines that hold a failed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pe-diff-'));
    const jsonl = await cli([A, '/nonexistent/plan.txt', B, '--jsonl']);
    expect(jsonl.code).toBe(1);
    writeFileSync(join(dir, 'all.jsonl'), jsonl.stdout);
    const r = await cli(['diff', join(dir, 'all.jsonl'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/all\.jsonl line \d: left out, the batch could not read \/nonexistent\/plan\.txt: no such file/);
    const c = comparisonSchema.parse(JSON.parse(r.stdout));
    expect(c.plans.map((p) => [p.label, p.path])).toEqual([
      ['xã An Phú', A],
      ['phường Bình Minh', B],
    ]);
    // One plan left after the failed line: not enough to compare.
    writeFileSync(join(dir, 'one.jsonl'), jsonl.stdout.split('\n').filter((l) => !l.includes(B)).join('\n'));
    expect((await cli(['diff', join(dir, 'one.jsonl')])).code).toBe(2);
    writeFileSync(join(dir, 'bad.jsonl'), '{"schemaVersion": "1.0.0"}\n');
    const bad = await cli(['diff', join(dir, 'bad.jsonl'), A]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/bad\.jsonl line 1: not a plan-extract document/);
  });

  it('refuses fewer than two plans (exit 2), and an input it cannot use (exit 3), in one line', async () => {
    const one = await cli(['diff', A]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('needs two plans at least');
    const missing = await cli(['diff', A, '/nonexistent/plan.txt']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('plan-extract diff: /nonexistent/plan.txt: no such file\n');
    const dir = mkdtempSync(join(tmpdir(), 'pe-diff-'));
    writeFileSync(join(dir, 'other.json'), '{"name": "not a plan"}');
    const notPlan = await cli(['diff', A, join(dir, 'other.json')]);
    expect(notPlan.code).toBe(3);
    expect(notPlan.stderr).toMatch(/^plan-extract diff: .*other\.json: not a plan-extract document/);
    expect(notPlan.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
    const binary = await cli(['diff', A, join(dir, 'bin.txt')]);
    expect(binary.code).toBe(3);
    expect(binary.stderr.trim().split('\n')).toHaveLength(1);
    const badOption = await cli(['diff', A, B, '--min-similarity', '2']);
    expect(badOption.code).toBe(2);
  });

  it('has its own help, listed in the main help', async () => {
    const help = await cli(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--min-similarity');
    expect(help.stdout).toContain('Exit status:');
    expect((await cli(['--help'])).stdout).toMatch(/diff \[options\] <plans\.\.\.>/);
  });
});
