import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize/index.js';
import { detectMarker } from '../src/structure/markers.js';
import { headingKind } from '../src/structure/kinds.js';
import { detectTableHeader } from '../src/extract/tables/header.js';
import { parsePlan } from '../src/parse.js';

const line = (text: string) => normalizeText(text).lines[0]!;

// Marker lines from the seeds and hold-outs.
describe('numbering detectors', () => {
  const cases: [string, string | null, string | null][] = [
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['II- NHIỆM VỤ TRỌNG TÂM NĂM 2026', 'roman', 'II'],
    ['IV – TỔ CHỨC THỰC HIỆN', 'roman', 'IV'],
    ['PHỤ LỤC I', 'annex', 'I'],
    ['PHỤ LỤC SỐ 01: CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030', 'annex', '01'],
    ['PHỤ LỤC', 'annex', ''],
    ['Biểu 02', 'annex', '02'],
    ['BIỂU SỐ 1: CHỈ TIÊU CHUYỂN ĐỔI SỐ', 'annex', '1'],
    ['Biểu dương các tập thể, cá nhân có thành tích', null, null],
    ['PHẦN I', 'part', 'I'],
    ['1. Mục đích', 'decimal', '1'],
    ['2.1.  Đến hết năm 2025', 'decimal', '2.1'],
    ['1.1. Về phát triển hạ tầng', 'decimal', '1.1'],
    ['1.Mục tiêu', 'decimal', '1'],
    ['a) Phát triển hạ tầng', 'letter', 'a'],
    ['đ) Phát triển chuyển đổi số', 'letter', 'đ'],
    ['(1) Tỷ lệ phủ sóng 5G trên địa bàn đạt từ 60% dân số trở lên.', 'paren', '1'],
    ['- Triển khai đồng bộ, hiệu quả các chủ trương', 'bullet', '-'],
    ['+ Tỷ lệ hồ sơ', 'bullet', '+'],
    ['- ', 'bullet', '-'],
    ['• Bồi dưỡng kỹ năng số', 'bullet', '•'],
    // Not markers:
    ['12 Tỷ lệ người sử dụng', null, null],
    ['2025 như sau:', null, null],
    ['01/4/2025 của Chính phủ', null, null],
    ['Phụ lục kèm theo Kế hoạch này.', null, null],
    ['-5% so với năm trước', null, null],
    ['1.000 người', null, null],
  ];
  it.each(cases)('%s', (text, style, numbering) => {
    const m = detectMarker(line(text));
    expect(m?.style ?? null).toBe(style);
    expect(m?.numbering ?? null).toBe(numbering);
  });
});

describe('section kinds', () => {
  const cases: [string, string | null][] = [
    ['MỤC ĐÍCH, YÊU CẦU', 'purpose_requirements'],
    ['MỤC TIÊU, YÊU CẦU', 'objectives'],
    ['Mục tiêu cụ thể:', 'objectives'],
    ['NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', 'tasks'],
    ['NHIỆM VỤ TRỌNG TÂM NĂM 2026', 'tasks'],
    ['GIẢI PHÁP', 'solutions'],
    ['PHÂN CÔNG NHIỆM VỤ', 'assignment'],
    ['KINH PHÍ THỤC HIỆN', 'funding'],
    ['TỔ CHỨC THỤC HIỆN', 'implementation'],
    ['TỔ CHỨC THỰC HIÊN', 'implementation'],
    ['GIẢI PHẢP', 'solutions'],
    ['Phòng Văn hóa - Xã hội', null],
  ];
  it.each(cases)('%s', (heading, kind) => expect(headingKind(heading)?.kind ?? null).toBe(kind));
});

describe('table headers', () => {
  const header = (...lines: string[]) => detectTableHeader(normalizeText(lines.join('\n')).lines, 0);
  it.each([
    [['STT Mục tiêu Đơn vị', 'tính', 'Kết quả Đơn vị chủ trì'], 'flat', 'indicators', ['number', 'name', 'unit', 'target', 'lead']],
    [['STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối', 'hợp', 'Kết quả Thời gian', 'hoàn thành'], 'flat', 'tasks', ['number', 'name', 'lead', 'support', 'output', 'timeline']],
    [['TT\tTÊN NHIỆM VỤ\tĐƠN VỊ CHỦ TRÌ\tMỤC TIÊU CHÍNH ĐẦU TƯ/ SẢN PHẨM ĐẦU RA'], 'tsv', 'tasks', ['number', 'name', 'lead', 'output']],
    [['| STT | Chỉ tiêu | Đơn vị tính | Kết quả | Đơn vị chủ trì |', '|---|---|---|---|---|'], 'pipe', 'indicators', ['number', 'name', 'unit', 'target', 'lead']],
    [['STT        Chỉ tiêu          Đơn vị     Chỉ tiêu năm      Đơn vị chủ trì', '                              tính          2025'], 'layout', 'indicators', ['number', 'name', 'unit', 'target', 'lead']],
  ] as [string[], string, string, string[]][])('%j', (lines, mode, kind, roles) => {
    const h = header(...lines)!;
    expect(h.mode).toBe(mode);
    expect(h.kind).toBe(kind);
    expect(h.columns.map((c) => c.role)).toEqual(roles);
  });

  it('reads a year column', () => {
    const h = header('TT\tChỉ tiêu\tĐVT\tNăm 2025\tNăm 2030')!;
    expect(h.columns.map((c) => c.year)).toEqual([null, null, null, 2025, 2030]);
  });

  it('is not fooled by a sentence that starts with "TT"', () => {
    expect(header('TT. ĐU, TT. HĐND xã;')).toBeNull();
  });
});

describe('the section tree', () => {
  it('nests numbering styles as the document uses them and names kinds', () => {
    const doc = parsePlan(['I. MỤC TIÊU', '1. Mục tiêu chung', '- Nâng cao năng lực.', '2. Mục tiêu cụ thể', 'a) Hạ tầng', '- Tỷ lệ phủ sóng 5G đạt 100%.', 'b) Dịch vụ công', '(1) Tỷ lệ hồ sơ trực tuyến ≥ 80%.', 'II. NHIỆM VỤ', '1. Hạ tầng', '- Xây dựng trạm BTS.'].join('\n'));
    const outline = (s: (typeof doc.sections)[number]): unknown => [s.numbering, s.kind, s.children.map(outline)];
    expect(doc.sections.map(outline)).toEqual([
      ['I', 'objectives', [['1', 'objectives', []], ['2', 'objectives', [['a', 'objectives', []], ['b', 'objectives', [['(1)', 'objectives', []]]]]]]],
      ['II', 'tasks', [['1', 'tasks', []]]],
    ]);
    expect(doc.indicators.map((i) => [i.group, i.target?.raw])).toEqual([['Hạ tầng', 'đạt 100%'], ['Dịch vụ công', '≥ 80%']]);
    expect(doc.tasks.map((t) => [t.group, t.name])).toEqual([['Hạ tầng', 'Xây dựng trạm BTS']]);
  });

  it('reads "kinh tế" / "- xã hội …" as one sentence, not a bullet', () => {
    const doc = parsePlan(['I. NHIỆM VỤ', '- Lồng ghép chuyển đổi số vào chương trình phát triển kinh tế', '- xã hội hằng năm của xã.', '- Số hóa hồ sơ đảng viên.'].join('\n'));
    expect(doc.tasks.map((t) => t.name)).toEqual(['Lồng ghép chuyển đổi số vào chương trình phát triển kinh tế - xã hội hằng năm của xã', 'Số hóa hồ sơ đảng viên']);
  });

  it('ends a paragraph at a blank line after a full stop, unless every line is followed by one', () => {
    const lines = ['I. NHIỆM VỤ', '1. Bảo đảm an toàn thông tin, an ninh mạng trong các cơ quan, đơn vị.', '', 'Nhiệm vụ cụ thể tại Phụ lục kèm theo.', 'II. TỔ CHỨC THỰC HIỆN', 'Các phòng thực hiện.'];
    const name = (text: string) => parsePlan(text).tasks.map((t) => t.name);
    expect(name(lines.join('\n'))).toEqual(['Bảo đảm an toàn thông tin, an ninh mạng trong các cơ quan, đơn vị']);
    // Every line followed by a blank: two blank lines are the break.
    expect(name(lines.map((l) => `${l}\n`).join('\n'))).toEqual(['Bảo đảm an toàn thông tin, an ninh mạng trong các cơ quan, đơn vị']);
  });

  it('ends a paragraph at a full stop where the next line\'s first word would still have fit (wrapped text, no blank line)', () => {
    // Text wrapped at about 80 characters: line 3 (62) stops after its full stop with room left, so the
    // paragraph after it is not the bullet's; line 5 stops short of the width on "và" and goes on.
    const lines = [
      'I. NHIỆM VỤ',
      '- Phối hợp doanh nghiệp viễn thông nâng cấp mạng cáp quang, phủ sóng 5G trên địa',
      'bàn phường, bảo đảm an toàn thông tin, bảo vệ bí mật nhà nước.',
      'Nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp, sản phẩm và thời gian hoàn thành tại Phụ',
      'lục II kèm theo Kế hoạch này; các phòng chuyên môn theo dõi việc thực hiện và',
      'báo cáo kết quả về Ủy ban nhân dân phường trước ngày 15 tháng 12 hằng năm.',
      '- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và người dân trên địa bàn.',
      'II. TỔ CHỨC THỰC HIỆN',
    ];
    expect(parsePlan(lines.join('\n')).tasks.map((t) => t.name)).toEqual([
      'Phối hợp doanh nghiệp viễn thông nâng cấp mạng cáp quang, phủ sóng 5G trên địa bàn phường, bảo đảm an toàn thông tin, bảo vệ bí mật nhà nước',
      'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và người dân trên địa bàn',
    ]);
  });

  it('reports repeated and skipped numbers', () => {
    const doc = parsePlan(['I. MỤC TIÊU', 'II. NHIỆM VỤ', '1. Một', '3. Ba', '3. Ba nữa', 'II. TỔ CHỨC THỰC HIỆN'].join('\n'));
    expect(doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.position.start.line])).toEqual([
      ['numbering-gap', 4],
      ['numbering-repeat', 5],
      ['numbering-repeat', 6],
    ]);
  });
});

describe('lettered parts', () => {
  it('makes "A. …" the top level when the letters come before the Roman numerals', () => {
    const doc = parsePlan(
      [
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2026',
        'A. MỤC ĐÍCH, YÊU CẦU',
        'I. Mục đích',
        'Nâng cao nhận thức.',
        'B. NHIỆM VỤ',
        'I. Hạ tầng số',
        '- Phủ sóng 4G các thôn.',
        'II. Chính quyền số',
        '- Số hóa hồ sơ hộ tịch.',
        'C. TỔ CHỨC THỰC HIỆN',
        '1. Công an xã: triển khai Đề án 06.',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => [s.numbering, s.kind, s.children.length])).toEqual([
      ['A', 'purpose_requirements', 1],
      ['B', 'tasks', 2],
      ['C', 'implementation', 1],
    ]);
    expect(doc.tasks.map((t) => [t.name, t.group])).toEqual([
      ['Phủ sóng 4G các thôn', 'Hạ tầng số'],
      ['Số hóa hồ sơ hộ tịch', 'Chính quyền số'],
    ]);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('numbering'))).toEqual([]);
  });
});

describe('stage timings (ParseOptions.timings)', () => {
  it('adds the time of every stage, and changes nothing in the document', () => {
    const text = ['KẾ HOẠCH', 'I. MỤC TIÊU', '- Tỷ lệ phủ sóng 5G đạt 60%.', 'II. NHIỆM VỤ', '1. Số hóa hồ sơ.', 'III. TỔ CHỨC THỰC HIỆN', 'Các phòng thực hiện.'].join('\n');
    const timings: Record<string, number> = {};
    const timed = parsePlan(text, { timings });
    expect(Object.keys(timings).sort()).toEqual(['annexes', 'assignments', 'body structure', 'indicators', 'language', 'metadata', 'normalize', 'numbering checks', 'sections', 'tasks', 'validation', 'zones']);
    expect(Object.values(timings).every((ms) => ms >= 0 && Number.isFinite(ms))).toBe(true);
    // Times add up over calls.
    const once = { ...timings };
    parsePlan(text, { timings });
    expect(timings.normalize!).toBeGreaterThanOrEqual(once.normalize!);
    expect(timed).toEqual(parsePlan(text));
  });
});

describe('body tasks whose fields are bullets under them', () => {
  it('reads "- Cơ quan chủ trì: …" bullets as the fields of the item above, and of the sub-tasks before them', () => {
    const doc = parsePlan(
      [
        'III. NHIỆM VỤ VÀ GIẢI PHÁP',
        '1.1. Kiện toàn Ban Chỉ đạo chuyển đổi số của xã.',
        '- Cơ quan chủ trì: Văn phòng HĐND và UBND xã.',
        '- Cơ quan phối hợp: Ban quản lý chợ; Agribank chi nhánh xã.',
        '- Sản phẩm: Quyết định kiện toàn.',
        '- Thời gian hoàn thành: Quý I/2026.',
        '1.2. Phát triển kinh tế số:',
        '+ Đưa sản phẩm OCOP lên sàn thương mại điện tử.',
        '+ Xây dựng mô hình nuôi tôm ứng dụng IoT.',
        '- Cơ quan chủ trì: Phòng Kinh tế.',
        '- Thời gian hoàn thành: 2026 - 2028.',
        'IV. TỔ CHỨC THỰC HIỆN',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.name, t.lead, t.support, t.output, t.timeline?.raw])).toEqual([
      ['1.1', 'Kiện toàn Ban Chỉ đạo chuyển đổi số của xã', ['Văn phòng HĐND và UBND xã'], ['Ban quản lý chợ', 'Agribank chi nhánh xã'], 'Quyết định kiện toàn', 'Quý I/2026'],
      ['+', 'Đưa sản phẩm OCOP lên sàn thương mại điện tử', ['Phòng Kinh tế'], [], null, '2026 - 2028'],
      ['+', 'Xây dựng mô hình nuôi tôm ứng dụng IoT', ['Phòng Kinh tế'], [], null, '2026 - 2028'],
    ]);
  });
});

describe('objectives from the sixth batch of hold-outs, in new words', () => {
  it('gives each of two targets its own year, the subjectless second the first one\'s name; an item over sub-items names their group', () => {
    const doc = parsePlan(
      [
        'II. MỤC TIÊU',
        'c) Về xã hội số',
        '- Tỷ lệ hộ gia đình có cáp quang đạt trên 80% vào năm 2026 và 95% vào năm 2030.',
        '- Tỷ lệ người dân có kỹ năng số cơ bản đến năm 2030 đạt 70%, trong đó:',
        '+ Cán bộ, công chức cấp xã: 100%.',
        'III. NHIỆM VỤ',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.group, i.target?.raw, i.targetYear])).toEqual([
      ['Tỷ lệ hộ gia đình có cáp quang', 'Về xã hội số', 'đạt trên 80%', 2026],
      ['Tỷ lệ hộ gia đình có cáp quang', 'Về xã hội số', '95%', 2030],
      ['Tỷ lệ người dân có kỹ năng số cơ bản đến năm 2030', 'Về xã hội số', 'đạt 70%', 2030],
      ['Cán bộ, công chức cấp xã', 'Tỷ lệ người dân có kỹ năng số cơ bản đến năm 2030', '100%', 2030],
    ]);
  });

  it('joins "chính trị" / "- xã hội:" as one compound, and reads "──────" as a rule', () => {
    const doc = parsePlan(['KẾ HOẠCH', 'Chuyển đổi số của xã đến năm 2030', '──────────', 'IV. TỔ CHỨC THỰC HIỆN', '1. Đề nghị Ủy ban MTTQ xã và các tổ chức chính trị', '- xã hội: tuyên truyền, vận động Nhân dân.'].join('\n'));
    expect(doc.plan.title).toBe('Chuyển đổi số của xã đến năm 2030');
    expect(doc.assignments.map((a) => a.unit)).toEqual(['Ủy ban MTTQ xã và các tổ chức chính trị - xã hội']);
  });
});
