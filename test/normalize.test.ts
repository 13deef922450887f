import { describe, expect, it } from 'vitest';
import { Mapped } from '../src/text/mapped.js';
import { LineIndex } from '../src/text/positions.js';
import { looseKey } from '../src/text/fold.js';
import { nfc } from '../src/normalize/nfc.js';
import { oddSpaces } from '../src/normalize/spaces.js';
import { dStroke } from '../src/normalize/d-stroke.js';
import { latexMath, latexToText } from '../src/normalize/latex.js';
import { markdown } from '../src/normalize/markdown.js';
import { strayRules } from '../src/normalize/stray-rules.js';
import { foldTonePlacement } from '../src/normalize/tone.js';
import { joinPieces } from '../src/normalize/line-joins.js';
import { normalizeText } from '../src/normalize/index.js';
import type { LineNormalizer } from '../src/normalize/types.js';

function run(n: LineNormalizer, text: string): Mapped {
  const m = Mapped.identity(text, 0);
  return n.applies(text) ? n.apply(m) : m;
}

/** Every output character maps back inside the input, in order. */
function expectMapped(m: Mapped, original: string): void {
  for (let i = 0; i < m.length; i++) {
    expect(m.starts[i]).toBeGreaterThanOrEqual(0);
    expect(m.ends[i]).toBeLessThanOrEqual(original.length);
    if (i > 0) expect(m.starts[i]).toBeGreaterThanOrEqual(m.starts[i - 1]!);
  }
}

describe('normalizers (each case a line from a plan)', () => {
  const cases: [string, LineNormalizer, string, string][] = [
    ['NFD → NFC', nfc, 'Kế hoạch số 92/KH-UBND'.normalize('NFD'), 'Kế hoạch số 92/KH-UBND'],
    ['NBSP and zero-width spaces', oddSpaces, 'Số:\u00a0\u00a0/KH-UBND\u200b', 'Số:  /KH-UBND'],
    ['a BOM inside the text', oddSpaces, '\ufeffKẾ HOẠCH', 'KẾ HOẠCH'],
    ['tabs stay (table cells)', oddSpaces, 'TT\tTÊN NHIỆM VỤ', 'TT\tTÊN NHIỆM VỤ'],
    ['Ð (U+00D0) → Đ', dStroke, 'ÐẢNG ỦY XÃ ÐỒNG PHÚ', 'ĐẢNG ỦY XÃ ĐỒNG PHÚ'],
    ['LaTeX ≥', latexMath, '(5) Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số $\\geq 90\\%$.', '(5) Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số ≥ 90%.'],
    ['LaTeX range', latexMath, 'Quy mô kinh tế số/GRDP $15-17\\%$', 'Quy mô kinh tế số/GRDP 15-17%'],
    ['money is not math', latexMath, 'giá $5 và $10', 'giá $5 và $10'],
    ['bold header', markdown, '**ĐẢNG ỦY XÃ ĐỒNG PHÚ', 'ĐẢNG ỦY XÃ ĐỒNG PHÚ'],
    ['italic aside', markdown, 'Tỉnh ủy (*Kế hoạch hành động 469-KH/TU*), UBND tỉnh', 'Tỉnh ủy (Kế hoạch hành động 469-KH/TU), UBND tỉnh'],
    ['a heading', markdown, '## II. NHIỆM VỤ', 'II. NHIỆM VỤ'],
    ['escaped numbering', markdown, '1\\. Mục đích', '1. Mục đích'],
    ['a comparison is not a quote', markdown, '> 95% đối với cơ sở giáo dục', '> 95% đối với cơ sở giáo dục'],
    ['<br> in a cell', markdown, 'Phòng Văn hóa - Xã hội<br>Công an xã', 'Phòng Văn hóa - Xã hội Công an xã'],
    ['footnote marks stay', markdown, 'Chỉ tiêu (*) được tính', 'Chỉ tiêu (*) được tính'],
    ['an escaped star stays', markdown, 'được số hóa (\\*)', 'được số hóa (*)'],
    ['a Markdown bullet keeps its star', markdown, '* Cập nhật dữ liệu dân cư', '* Cập nhật dữ liệu dân cư'],
    ['OCR reads table rules as "|"', strayRules, 'Phòng Kinh tế | Ban Quản lý chợ; Quý II/2026 cáp quang |', 'Phòng Kinh tế Ban Quản lý chợ; Quý II/2026 cáp quang'],
    ['a pipe table row is left alone', strayRules, '| 1 | Tỷ lệ | % |', '| 1 | Tỷ lệ | % |'],
  ];
  it.each(cases)('%s', (_name, n, input, output) => {
    const m = run(n, input);
    expect(m.text).toBe(output);
    expectMapped(m, input);
  });

  it('LaTeX commands read as symbols', () => {
    expect(latexToText('\\leq 5\\%')).toBe('≤ 5%');
    expect(latexToText('\\text{Top } 20')).toBe('Top 20');
  });

  it('a replaced character maps to the whole source run', () => {
    const input = 'đạt $\\geq 80\\%$';
    const m = run(latexMath, input);
    const i = m.text.indexOf('≥');
    expect(input.slice(m.starts[i]!, m.ends[i]!)).toBe('$\\geq 80\\%$');
  });
});

describe('tone placement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['Uỷ ban', 'Ủy ban'],
    ['khoẻ', 'khỏe'],
    ['Qúy IV', 'Quý IV'],
    ['hoàn thành', 'hoàn thành'],
    ['của', 'của'],
    ['người', 'người'],
  ])('%s → %s', (a, b) => expect(foldTonePlacement(a)).toBe(b));

  it('keeps the length (positions stay valid)', () => {
    const s = 'Uỷ ban nhân dân xã; thuỷ lợi; hoà bình';
    expect(foldTonePlacement(s)).toHaveLength(s.length);
  });
});

describe('loose keys', () => {
  it('fold case, diacritics, typos of diacritics and dashes, one character for one', () => {
    expect(looseKey('TỔ CHỨC THỤC HIỆN')).toBe(looseKey('Tổ chức thực hiện'));
    expect(looseKey('Độc lập – Tự do')).toBe('doc lap - tu do');
    const s = 'Phòng Văn hóa – Xã hội ≥ 90%';
    expect(looseKey(s)).toHaveLength(s.length);
  });
});

describe('words and numbers broken across lines', () => {
  const join = (...lines: string[]) => {
    let offset = 0;
    return joinPieces(
      lines.map((l) => {
        const m = Mapped.identity(l, offset);
        offset += l.length + 1;
        return m;
      }),
    ).text;
  };
  it.each([
    [['Kế hoạch số 04-', 'KH/ĐU ngày 14/8/2025'], 'Kế hoạch số 04-KH/ĐU ngày 14/8/2025'],
    [['Nghị quyết 57-', 'NQ/TW, ngày 22-', '12-2024'], 'Nghị quyết 57-NQ/TW, ngày 22-12-2024'],
    [['VP HĐND-', 'UBND'], 'VP HĐND-UBND'],
    [['Phòng Văn hóa -', 'Xã hội'], 'Phòng Văn hóa - Xã hội'],
    [['trên địa bàn xã', 'Nha Bích'], 'trên địa bàn xã Nha Bích'],
  ])('%j', (lines, joined) => expect(join(...lines)).toBe(joined));
});

describe('line roles', () => {
  const roles = (text: string) => normalizeText(text).lines.map((l) => l.role);
  it('marks page numbers and decoration; a repeated table header is left to the table reader', () => {
    // The same header may also open a second table, so it cannot be dropped here.
    const text = ['PHỤ LỤC I', '-------', 'TT Chỉ tiêu Đơn vị Kết quả', '1 Tỷ lệ % 100', '9', 'TT Chỉ tiêu Đơn vị Kết quả', '2 Tỷ lệ % 90'].join('\n');
    expect(roles(text)).toEqual(['content', 'decoration', 'content', 'content', 'page-number', 'content', 'content']);
  });

  it('reads "- 12 -" and "12" alone as page numbers, not a number wrapped before its code ("12-" / "KH/ĐU")', () => {
    const text = ['Kiện toàn Ban Chỉ đạo theo Kế hoạch số', '12-', 'KH/ĐU ngày 14/8/2025.', '- 12 -', 'Tiếp theo', '12'].join('\n');
    expect(roles(text)).toEqual(['content', 'content', 'content', 'page-number', 'content', 'page-number']);
  });

  it('drops a running header whose right part changes between portrait and landscape pages', () => {
    const body = (n: number) => Array.from({ length: 8 }, (_, k) => `Nội dung trang ${n}, dòng thứ ${k + 1} của kế hoạch.`);
    const header = (right: string) => `\fUBND phường Nghĩa Lộ Đông            ${right}`;
    const text = [...body(1), header('Kế hoạch số 215/KH-UBND ngày 12/01/2026'), ...body(2), header('Kế hoạch số 215'), ...body(3), header('Kế hoạch số 215'), ...body(4)].join('\n');
    const lines = normalizeText(text).lines;
    expect(lines.filter((l) => l.text.startsWith('UBND')).map((l) => l.role)).toEqual(['running-header', 'running-header', 'running-header']);
  });

  it('lays out a Markdown table that holds the page header, cell lines side by side', () => {
    const text = ['| ỦY BAN NHÂN DÂN<br>**PHƯỜNG AN PHÚ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |', '| --- | --- |', '| Số: 27/KH-UBND | *An Phú, ngày 05 tháng 02 năm 2026* |'].join('\n');
    const lines = normalizeText(text).lines;
    expect(lines.map((l) => [l.no, l.role, l.text.replace(/ {2,}/g, ' | ')])).toEqual([
      [1, 'content', 'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [1, 'content', 'PHƯỜNG AN PHÚ | Độc lập - Tự do - Hạnh phúc'],
      [2, 'decoration', '| --- | --- |'],
      [3, 'content', 'Số: 27/KH-UBND | An Phú, ngày 05 tháng 02 năm 2026'],
    ]);
    // The second column starts at the same place on both lines, and maps back to its source.
    expect(lines[0]!.text.indexOf('CỘNG')).toBe(lines[1]!.text.indexOf('Độc'));
    const at = lines[1]!.m.text.indexOf('PHƯỜNG');
    expect(text.slice(lines[1]!.m.starts[at]!, lines[1]!.m.starts[at]! + 6)).toBe('PHƯỜNG');
  });

  it('keeps a data table in pipes as it is', () => {
    const lines = normalizeText(['| STT | Chỉ tiêu | Kết quả |', '|---|---|---|', '| 1 | Tỷ lệ<br>hồ sơ | 100% |'].join('\n')).lines;
    expect(lines.map((l) => l.text)).toEqual(['| STT | Chỉ tiêu | Kết quả |', '|---|---|---|', '| 1 | Tỷ lệ hồ sơ | 100% |']);
  });

  it('drops a running title printed at every page break, and keeps repeated list items', () => {
    const page = (n: number) => [`- ${n} -`, 'Kế hoạch số 88/KH-UBND', '- Thực hiện các nội dung liên quan tại Phụ lục I', `Nội dung trang ${n}`, 'văn bản tiếp theo của trang'];
    const lines = [1, 2, 3, 4].flatMap(page);
    const r = normalizeText(lines.join('\n')).lines;
    expect(r.filter((l) => l.text === 'Kế hoạch số 88/KH-UBND').map((l) => l.role)).toEqual(['running-header', 'running-header', 'running-header', 'running-header']);
    expect(r.filter((l) => l.text.startsWith('- Thực hiện')).every((l) => l.role === 'content')).toBe(true);
  });

  it('keeps the end of a wrapped sentence that the plan writes again at page breaks', () => {
    // "… phát triển" / "hạ tầng số." under each year's target; two of the three stand at a break
    const item = (n: number) => [`- Dành ${n}% ngân sách xã cho các dự án phát triển`, 'hạ tầng số.'];
    const text = [...item(1), '', '2', '\fVăn bản trang hai.', ...item(2), '', '3', '\fVăn bản trang ba.', 'Đoạn khác.', ...item(3), 'Kết thúc.'].join('\n');
    const r = normalizeText(text).lines;
    expect(r.filter((l) => l.text === 'hạ tầng số.').map((l) => l.role)).toEqual(['content', 'content', 'content']);
  });

  it('drops a digital-signature stamp and the name beside it, not the signer block above it', () => {
    const text = ['TRƯỞNG BAN', 'CHỦ TỊCH UBND XÃ', 'Phạm Quốc Vương', '\t\tPHẠM QUỐC VƯƠNG', '\t2025-08-07T21:50:31+0700', "\tSigner's office"].join('\n');
    expect(roles(text)).toEqual(['content', 'content', 'content', 'trailer', 'trailer', 'trailer']);
  });

  it('keeps an annex heading that follows a stamp', () => {
    const text = ['Ký bởi: Ủy ban nhân dân xã Ea Kly', 'Thời gian ký: 14.01.2026 16:05:21 +07:00', ' PHỤ LỤC I', 'DANH MỤC CHỈ TIÊU'].join('\n');
    expect(roles(text)).toEqual(['trailer', 'trailer', 'content', 'content']);
  });
});

describe('positions', () => {
  it('counts lines across \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex('a\r\nb\rc\nd');
    expect([0, 3, 5, 7].map((o) => idx.point(o).line)).toEqual([1, 2, 3, 4]);
    expect(idx.point(8)).toEqual({ line: 4, column: 2, offset: 8 });
  });
});
