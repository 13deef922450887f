import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import { expectWellFormed } from './helpers/check.js';

// Pieces of real plans, so random documents reach the table, heading and target code.
const FRAGMENTS = [
  'I. MỤC ĐÍCH, YÊU CẦU', 'II- NHIỆM VỤ', 'III. TỔ CHỨC THỤC HIỆN', '1. Mục tiêu cụ thể', '2.1. Đến hết năm 2025', 'a) Phát triển hạ tầng',
  '(1) Tỷ lệ phủ sóng 5G đạt từ 60% dân số trở lên.', '- Có ≥ 80% cán bộ được bồi dưỡng', '+ Tỷ lệ ≥ 1,5%', '- ', '-', '1', '12', 'IV',
  'PHỤ LỤC I', 'PHỤ LỤC SỐ 01: CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030', 'STT Mục tiêu Đơn vị tính Kết quả Đơn vị chủ trì',
  'STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Kết quả Thời gian hoàn thành', 'TT\tTÊN NHIỆM VỤ\tĐƠN VỊ CHỦ TRÌ\tSẢN PHẨM',
  '| STT | Chỉ tiêu | ĐVT | Kết quả | Chủ trì |', '|---|---|---|---|---|', '| 1 | Tỷ lệ | % | ≥ 90% | Phòng VH-XH |',
  '1 Quy mô kinh tế số % GRDP ≥  20% Phòng Kinh tế', 'Phòng VH-XH Các phòng', 'chuyên môn', 'Kế hoạch Năm 2025', 'và các năm',
  'tiếp theo', 'Thường', 'xuyên', '5.25', 'Nơi nhận:', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Hải Lâm', 'KẾ HOẠCH',
  'Số:        /KH-UBND Xốp, ngày        tháng 9  năm 2025', 'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;',
  'Trên đây là Kế hoạch …', '$\\geq 80\\%$', '**ĐẢNG ỦY XÃ**', '*', '\t2025-08-07T21:50:31+0700', "\tSigner's office", '9', '',
  'Số liệu chỉ tiêu được tính đến cuối năm 2026.', 'Tốp 25 của', 'tỉnh', '> 95% đối với', '80% - 90%', '02 đến 05 dự án',
];

const planLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 80 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r', '\n\n').map((sep) => lines.join(sep)));

describe('parsePlan on any string', () => {
  it('never throws, gives a schema-valid document, keeps every position inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), planLike), (input) => {
        const doc = parsePlan(input);
        expectWellFormed(doc, input);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(planLike, (input) => {
        expect(parsePlan(input)).toEqual(parsePlan(input));
      }),
      { numRuns: 50 },
    );
  });

  it('accepts non-strings from untyped callers without throwing', () => {
    for (const v of [undefined, null, 42, {}, ['a']]) {
      const doc = parsePlan(v as unknown as string);
      expect(doc.schemaVersion).toBe('1.0.0');
    }
  });
});

describe('pathological inputs finish in seconds', () => {
  const cases: [string, () => string][] = [
    ['a 2 MB line of words', () => 'Tỷ lệ phủ sóng 5G đạt 100%, '.repeat(75_000)],
    ['a 2 MB line without spaces', () => 'ạ'.repeat(2_000_000)],
    ['100,000 headings', () => Array.from({ length: 100_000 }, (_, i) => `${(i % 99) + 1}. Mục tiêu ${i}`).join('\n')],
    ['100,000 Roman parts', () => Array.from({ length: 100_000 }, () => 'I. NHIỆM VỤ').join('\n')],
    ['100,000 bullets in a task section', () => 'II. NHIỆM VỤ\n' + Array.from({ length: 100_000 }, (_, i) => `- Nhiệm vụ ${i}`).join('\n')],
    ['a 20,000-row flattened table', () => 'PHỤ LỤC I\nSTT Chỉ tiêu Đơn vị tính Kết quả Đơn vị chủ trì\n' + Array.from({ length: 20_000 }, (_, i) => `${(i % 999) + 1} Tỷ lệ hồ sơ được số hóa % ≥ 80% Phòng VH-XH`).join('\n')],
    ['100,000 lone numbers (page numbers or row numbers?)', () => Array.from({ length: 100_000 }, (_, i) => String((i % 999) + 1)).join('\n')],
    ['one page break, then 100,000 repeated lines', () => '\f5\n' + Array.from({ length: 100_000 }, (_, i) => `Kế hoạch số 88/KH-UBND dòng ${i % 7}`).join('\n')],
    ['a 5,000-word table row', () => 'PHỤ LỤC II\nSTT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Kết quả Thời gian\n1 ' + 'Xây dựng Phòng Kế hoạch Năm 2025 '.repeat(1000)],
  ];
  it.each(cases)('%s', (_name, make) => {
    const input = make();
    const doc = parsePlan(input);
    expectWellFormed(doc, input);
    // Floods of one diagnostic are summed up.
    const perCode = new Map<string, number>();
    for (const d of doc.diagnostics) perCode.set(d.code, (perCode.get(d.code) ?? 0) + 1);
    for (const n of perCode.values()) expect(n).toBeLessThanOrEqual(51);
  });

  it('a text over the length limit gives an input-too-large error, not a parse', () => {
    const doc = parsePlan('x'.repeat(1000), { maxLength: 999 });
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
    expect(doc.tasks).toEqual([]);
  });
});
