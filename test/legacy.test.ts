import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanBytes } from '../src/input/file.js';
import { decodeText } from '../src/input/text.js';
import { convertTcvn3Text, decodeTcvn3, looksTcvn3 } from '../src/input/tcvn3.js';
import { parsePlan } from '../src/parse.js';
import type { PlanDocument } from '../src/model/schema.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url));
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('TCVN3 (.VnTime fonts) read as Latin-1', () => {
  // Well-known mojibake of the national motto and a commune's header, checked letter by letter.
  it.each([
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['Uû ban nh©n d©n x· TÞnh Khª', 'Uỷ ban nhân dân xã Tịnh Khê'],
    ['Tû lÖ phñ sãng 5G ®¹t 60%', 'Tỷ lệ phủ sóng 5G đạt 60%'],
    ['C¬ quan chñ tr×: Phßng V¨n hãa - X· héi', 'Cơ quan chủ trì: Phòng Văn hóa - Xã hội'],
  ])('%s', (mojibake, text) => {
    expect(convertTcvn3Text(mojibake).text).toBe(text);
    expect(decodeTcvn3(latin1(mojibake))).toBe(text);
  });

  it('makes capitals of a heading set in the upper-case font, not of "Số" beside an acronym', () => {
    expect(convertTcvn3Text('KÕ HO¹CH').text).toBe('KẾ HOẠCH');
    expect(convertTcvn3Text('I. MôC §ÝCH, Y£U CÇU').text).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(convertTcvn3Text('ñY BAN NH©N D©N').text).toBe('ỦY BAN NHÂN DÂN');
    expect(convertTcvn3Text('Sè: 12/KH-UBND').text).toBe('Số: 12/KH-UBND');
    expect(convertTcvn3Text('KÕ ho¹ch sè 02').text).toBe('Kế hoạch số 02');
  });

  it('leaves lines in Unicode Vietnamese alone, and counts the lines it converted', () => {
    const r = convertTcvn3Text('KÕ ho¹ch sè 02\nKế hoạch số 02 © 2025\nplain ASCII');
    expect(r.text).toBe('Kế hoạch số 02\nKế hoạch số 02 © 2025\nplain ASCII');
    expect(r.lines).toBe(1);
  });

  it('is not seen in Unicode plans, or in English with a © and a §', () => {
    for (const seed of ['000_bb2f54c0a58013f3', '001_c25c8dd93d6926f9', '002_1bbb573728a091bc', '003_6546f7b9f46ac644', '004_655a6051acb334a3']) {
      expect(looksTcvn3(read(`seeds/${seed}.txt`).toString('utf8'))).toBe(false);
    }
    expect(looksTcvn3('© 2025 The Authors. See § 4 «Terms». '.repeat(10))).toBe(false);
  });
});

/**
 * fixtures/legacy/ was made from two seeds by glibc's iconv (scripts/legacy-fixtures.py):
 * 001 as TCVN3 bytes, 003 as those bytes read as Latin-1 and saved as UTF-8. The plan read
 * from them must be the one read from the seed with the same changes made in Unicode
 * (characters TCVN3 lacks written in ASCII); letter case aside, since TCVN3 has no capital
 * toned letters outside the upper-case font.
 */
const ASCII: Record<string, string> = { '≥': '>=', '≤': '<=', '“': '"', '”': '"', '–': '-', '—': '-', '…': '...' };
const asTyped = (text: string) => text.normalize('NFC').replace(/[≥≤“”–—…]/g, (c) => ASCII[c]!);
const records = (d: PlanDocument) => JSON.stringify({ plan: d.plan, sections: d.sections, indicators: d.indicators, tasks: d.tasks, assignments: d.assignments }).toLowerCase();

describe('plans in TCVN3', () => {
  it('reads a file in TCVN3 bytes as the same plan, with a legacy-encoding note', () => {
    const bytes = read('fixtures/legacy/001_tcvn3_bytes.txt');
    expect(decodeText(bytes)).toMatchObject({ encoding: 'tcvn3', guessed: true });
    const doc = parsePlanBytes(bytes, 'x.txt');
    const ref = parsePlan(asTyped(read('seeds/001_c25c8dd93d6926f9.txt').toString('utf8')));
    // the seed's golden counts: 33 indicators, 57 tasks
    expect([doc.indicators.length, doc.tasks.length]).toEqual([33, 57]);
    // One difference, TCVN3's own: it has no "Ủ" outside the upper-case font, so the support
    // cell "Ủy ban Mặt trận …" on its own line reads "ủy ban …", as if it went on the lead cell.
    expect(doc.tasks[29]!.lead).toEqual(['Phòng Văn hóa - Xã hội ủy ban']);
    const mended = structuredClone(doc);
    mended.tasks[29]!.lead = ref.tasks[29]!.lead;
    mended.tasks[29]!.support = ref.tasks[29]!.support;
    expect(records(mended)).toBe(records(ref));
    expect(doc.source.language).toBe('vie');
    expect(doc.diagnostics.map((d) => d.code)).toContain('legacy-encoding');
  });

  it('reads TCVN3 mojibake in a UTF-8 file as the same plan', () => {
    const doc = parsePlanBytes(read('fixtures/legacy/003_tcvn3_mojibake.txt'), 'x.txt');
    const ref = parsePlan(asTyped(read('seeds/003_6546f7b9f46ac644.txt').toString('utf8')));
    expect([doc.indicators.length, doc.tasks.length]).toEqual([5, 17]);
    expect(records(doc)).toBe(records(ref));
    expect(doc.plan.title).toBe('Phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 xã Tịnh Khê năm 2025');
    expect(doc.diagnostics.find((d) => d.code === 'legacy-encoding')?.message).toMatch(/^\d+ line\(s\) were TCVN3/);
  });

  it('reads Windows-1258 bytes without being told', () => {
    // Windows-1258 writes most tones as a combining mark after the letter: "xã" is x, a, U+0303.
    const text = 'Kê\u0301 hoa\u0323ch phát triê\u0309n khoa ho\u0323c, công nghê\u0323 và chuyê\u0309n đô\u0309i sô\u0301 cu\u0309a xa\u0303. ';
    const decoded = decodeText(encode1258(text.repeat(20)));
    expect(decoded).toMatchObject({ encoding: 'windows-1258', guessed: true });
    expect(decoded.text.startsWith('Kế hoạch phát triển khoa học, công nghệ và chuyển đổi số của xã.')).toBe(true);
  });

  it('still refuses bytes that read as neither', () => {
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 0xc3 : 0x41 + (i % 26)));
    expect(() => decodeText(noise)).toThrow(/not valid UTF-8, nor Vietnamese in TCVN3 or Windows-1258/);
    // Portuguese in Latin-1: its ã and õ are Windows-1258's ă and ơ, but it is not Vietnamese.
    const portuguese = Uint8Array.from('As informações não estão disponíveis; são questões de gestão. '.repeat(30), (c) => c.charCodeAt(0));
    expect(() => decodeText(portuguese)).toThrow(/not valid UTF-8/);
  });
});

/** Windows-1258 for the few characters the sample above has (from the code page's table). */
function encode1258(s: string): Uint8Array {
  const table: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2, 'á': 0xe1, 'â': 0xe2, 'ô': 0xf4, 'à': 0xe0, 'đ': 0xf0, 'ê': 0xea };
  return Uint8Array.from([...s], (c) => table[c] ?? c.charCodeAt(0));
}
