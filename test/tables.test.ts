import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import { Mapped } from '../src/text/mapped.js';
import { tokenize } from '../src/extract/tables/segment.js';
import { WordPairs } from '../src/extract/tables/word-pairs.js';
import { splitUnits } from '../src/extract/units.js';
import { titleYear } from '../src/extract/common.js';
import { timelineScore } from '../src/extract/timelines.js';
import { normalizeText } from '../src/normalize/index.js';

/**
 * Flattened tables, written here by hand (not taken from the seeds): the same
 * four tasks once with each cell's lines in turn (block order, as most PDF
 * tools write a row) and once line by line across the cells (interleaved, as
 * OCR and tools that sort text by height write it).
 */
const PLAN_HEAD = [
  'ỦY BAN NHÂN DÂN XÃ AN PHÚ',
  'KẾ HOẠCH',
  'Chuyển đổi số năm 2026',
  'I. MỤC TIÊU',
  'Hoàn thành các nhiệm vụ tại Phụ lục.',
  'II. TỔ CHỨC THỰC HIỆN',
  'Các phòng, đơn vị thực hiện Kế hoạch này.',
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ',
  'STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian Sản phẩm',
];

const INTERLEAVED = [
  '1 Tổ chức tập huấn kỹ năng số cho cán Phòng Văn hóa - Công an xã Năm 2026 Lớp tập huấn',
  'bộ, công chức xã Xã hội',
  '2 Lắp đặt hệ thống camera giám sát tại Công an xã Trung tâm Phục Hệ thống',
  'các tuyến đường chính vụ hành chính 2026 - 2027 camera',
  'công',
  '3 Số hóa hồ sơ hộ tịch lưu trữ Văn phòng Quý IV/2026 Dữ liệu',
  'HĐND-UBND xã số hóa',
  '4 Kiểm tra, đánh giá kết quả chuyển đổi Phòng Văn hóa - Các phòng, đơn Hàng năm Báo cáo kiểm',
  'số của các thôn Xã hội vị tra',
];

const BLOCK = [
  '1 Tổ chức tập huấn kỹ năng số cho cán',
  'bộ, công chức xã Phòng Văn hóa -',
  'Xã hội Công an xã Năm 2026 Lớp tập huấn',
  '2 Lắp đặt hệ thống camera giám sát tại',
  'các tuyến đường chính Công an xã Trung tâm Phục',
  'vụ hành chính công 2026 - 2027 Hệ thống',
  'camera',
  '3 Số hóa hồ sơ hộ tịch lưu trữ Văn phòng',
  'HĐND-UBND xã Quý IV/2026 Dữ liệu số hóa',
  '4 Kiểm tra, đánh giá kết quả chuyển đổi',
  'số của các thôn Phòng Văn hóa - Xã hội',
  'Các phòng, đơn vị Hàng năm Báo cáo kiểm tra',
];

const TASKS = [
  ['Tổ chức tập huấn kỹ năng số cho cán bộ, công chức xã', ['Phòng Văn hóa - Xã hội'], ['Công an xã'], 'Năm 2026', 'Lớp tập huấn'],
  ['Lắp đặt hệ thống camera giám sát tại các tuyến đường chính', ['Công an xã'], ['Trung tâm Phục vụ hành chính công'], '2026 - 2027', 'Hệ thống camera'],
  ['Số hóa hồ sơ hộ tịch lưu trữ', ['Văn phòng HĐND-UBND xã'], [], 'Quý IV/2026', 'Dữ liệu số hóa'],
  ['Kiểm tra, đánh giá kết quả chuyển đổi số của các thôn', ['Phòng Văn hóa - Xã hội'], ['Các phòng, đơn vị'], 'Hàng năm', 'Báo cáo kiểm tra'],
];

const read = (rows: string[]) => {
  const doc = parsePlan([...PLAN_HEAD, ...rows].join('\n'));
  return {
    tasks: doc.tasks.map((t) => [t.name, t.lead, t.support, t.timeline?.raw ?? null, t.output]),
    lines: doc.tasks.map((t) => t.position.start.line),
    interleaved: doc.diagnostics.some((d) => d.code === 'table-interleaved'),
  };
};

describe('a flattened task table', () => {
  it('in block order is read cell after cell', () => {
    const r = read(BLOCK);
    expect(r.interleaved).toBe(false);
    expect(r.tasks).toEqual(TASKS);
    expect(r.lines).toEqual([11, 14, 18, 20]);
  });

  it('read line by line across the cells is recognised and read so', () => {
    const r = read(INTERLEAVED);
    expect(r.interleaved).toBe(true);
    expect(r.lines).toEqual([11, 13, 16, 18]);
    expect(r.tasks[0]).toEqual(TASKS[0]);
    expect(r.tasks[1]).toEqual(TASKS[1]);
    expect(r.tasks[3]).toEqual(TASKS[3]);
    // Known gap: "Văn phòng" (line 16) / "HĐND-UBND xã" (line 17) is read as a support cell
    // and a lead cell instead of one lead; the task's other cells are right.
    const [name, , , timeline, output] = r.tasks[2]!;
    expect([name, timeline, output]).toEqual([TASKS[2]![0], TASKS[2]![3], TASKS[2]![4]]);
  });

  it('drops the header printed again after a page break, its wrapped lines too', () => {
    const rows = [
      'STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian Kết quả/Sản',
      'phẩm',
      '1 Tổ chức tập huấn kỹ năng số cho cán bộ Phòng Văn hóa - Xã hội Năm 2026 Lớp tập huấn',
      '2',
      'STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian Kết quả/Sản',
      'phẩm',
      '2 Số hóa hồ sơ hộ tịch Công an xã Năm 2026 Dữ liệu số',
    ];
    const doc = parsePlan([...PLAN_HEAD.slice(0, -1), ...rows].join('\n'));
    expect(doc.tasks.map((t) => [t.name, t.lead, t.output])).toEqual([
      ['Tổ chức tập huấn kỹ năng số cho cán bộ', ['Phòng Văn hóa - Xã hội'], 'Lớp tập huấn'],
      ['Số hóa hồ sơ hộ tịch', ['Công an xã'], 'Dữ liệu số'],
    ]);
  });

  it('reads two annexes that share a header as two tables', () => {
    const annex = (n: number, year: string, rows: string[]) => [`PHỤ LỤC ${n}`, `CHỈ TIÊU ${year}`, 'STT Tên chỉ tiêu ĐVT Chỉ tiêu Đơn vị thực hiện', ...rows];
    const doc = parsePlan(
      [
        ...PLAN_HEAD.slice(0, 7),
        ...annex(1, 'NĂM 2025', ['1 Tỷ lệ văn bản được ký số % ≥ 95% Văn phòng HĐND-UBND xã']),
        ...annex(2, 'GIAI ĐOẠN 2026 - 2030', ['1 Tỷ lệ hồ sơ xử lý trực tuyến % 100% Công an xã']),
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.target?.raw, i.targetYear, i.lead])).toEqual([
      ['Tỷ lệ văn bản được ký số', '≥ 95%', 2025, 'Văn phòng HĐND-UBND xã'],
      ['Tỷ lệ hồ sơ xử lý trực tuyến', '100%', 2030, 'Công an xã'],
    ]);
  });
});

describe('flattened rows in other shapes', () => {
  it('takes back the first lines of a row whose number is centred lower', () => {
    const rows = [
      'STT Nội dung nhiệm vụ Cơ quan chủ trì Thời gian Sản phẩm',
      '1 Kiện toàn Ban Chỉ đạo chuyển đổi số xã Văn phòng HĐND và UBND xã Quý I/2026 Quyết định',
      'Tổ chức hội nghị quán triệt Nghị quyết',
      '2 số 57-NQ/TW đến cán bộ, công chức Phòng Văn hóa - Xã hội Quý I/2026 Hội nghị',
    ];
    const doc = parsePlan([...PLAN_HEAD.slice(0, 9), ...rows].join('\n'));
    expect(doc.tasks.map((t) => [t.position.start.line, t.name, t.lead])).toEqual([
      [11, 'Kiện toàn Ban Chỉ đạo chuyển đổi số xã', ['Văn phòng HĐND và UBND xã']],
      [12, 'Tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW đến cán bộ, công chức', ['Phòng Văn hóa - Xã hội']],
    ]);
  });

  it('reads header labels printed above the STT line, and drops them when the header repeats', () => {
    const header = ['Cơ quan Cơ quan Thời gian', 'STT Nội dung nhiệm vụ chủ trì phối hợp hoàn thành Sản phẩm'];
    const rows = ['1 Số hóa hồ sơ hộ tịch Công an xã Văn phòng HĐND và UBND xã Năm 2026 Dữ liệu số', ...header, '2 Lắp đặt camera Công an xã Các xóm Năm 2027 Hệ thống camera'];
    const doc = parsePlan([...PLAN_HEAD.slice(0, 9), ...header, ...rows].join('\n'));
    expect(doc.tasks.map((t) => [t.name, t.lead, t.support, t.timeline?.raw, t.output])).toEqual([
      ['Số hóa hồ sơ hộ tịch', ['Công an xã'], ['Văn phòng HĐND và UBND xã'], 'Năm 2026', 'Dữ liệu số'],
      ['Lắp đặt camera', ['Công an xã'], ['Các xóm'], 'Năm 2027', 'Hệ thống camera'],
    ]);
  });

  it('reports a skipped sub-row', () => {
    const rows = ['TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian', '1\tHạ tầng số\t\t', '1.1\tLắp đặt camera\tCông an xã\tNăm 2026', '1.3\tPhủ sóng 5G\tPhòng Kinh tế\tNăm 2027'];
    const doc = parsePlan([...PLAN_HEAD.slice(0, 9), ...rows].join('\n'));
    expect(doc.tasks.map((t) => t.name)).toEqual(['Lắp đặt camera', 'Phủ sóng 5G']);
    expect(doc.diagnostics.filter((d) => d.code === 'numbering-gap').map((d) => d.position.start.line)).toEqual([13]);
  });

  it('reads a date OCR spelled with a letter', () => {
    const doc = parsePlan(['KẾ HOẠCH', 'Chuyển đổi số', 'Căn cứ Nghị quyết số 71/NQ-CP ngày 0l/4/2025 của Chính phủ;', 'I. MỤC TIÊU'].join('\n'));
    expect(doc.plan.legalBases[0]?.refs[0]).toEqual({ number: '71/NQ-CP', type: 'nghị quyết', date: '2025-04-01', issuer: 'Chính phủ' });
  });
});

describe('word pairs', () => {
  const lines = (...texts: string[]) => normalizeText(texts.join('\n')).lines;
  it('counts pairs the document writes twice, not once', () => {
    const p = WordPairs.fromLines(lines('lập hồ sơ đất đai', 'cấp hồ sơ mới', 'một lần duy nhất'));
    expect(p.has('hồ', 'sơ')).toBe(true);
    expect(p.has('lần', 'duy')).toBe(false);
  });
  it('does not pair a capital after a small letter, where two cells meet', () => {
    const p = WordPairs.fromLines(lines('các phòng, đơn Kết quả', 'Các phòng, đơn Kết quả'));
    expect(p.has('đơn', 'kết')).toBe(false);
  });
  it('reads only the first words of table lines', () => {
    const table = lines('Kiểm tra việc thực hiện Văn phòng Các đơn vị', 'Kiểm tra việc thực hiện Văn phòng Các đơn vị');
    const p = WordPairs.fromLines([], table);
    expect(p.has('việc', 'thực')).toBe(true);
    expect(p.has('đơn', 'vị')).toBe(true); // common in plans, not from these lines
    expect(p.has('phòng', 'các')).toBe(false);
  });
  it('knows the pairs plans commonly write', () => {
    const p = new WordPairs();
    expect([p.has('kiểm', 'tra'), p.has('tổng', 'kết'), p.has('kiểm', 'kết')]).toEqual([true, true, false]);
  });
});

describe('unit lists in table cells', () => {
  const broken = (text: string) => {
    // A line break where " / " stands.
    const at = text.indexOf(' / ');
    return splitUnits(text.replace(' / ', ' '), false, new Set([at]));
  };
  it.each([
    ['Ủy ban Kiểm tra / Đảng ủy', ['Ủy ban Kiểm tra Đảng ủy']],
    ['Trạm Y tế xã / Công an xã', ['Trạm Y tế xã', 'Công an xã']],
    ['Văn phòng / HĐND-UBND xã', ['Văn phòng HĐND-UBND xã']],
  ])('%s', (text, units) => expect(broken(text)).toEqual(units));
});

describe('the sections of a plan in PHẦN', () => {
  it('lists the Roman parts under each PHẦN as the top level', () => {
    const doc = parsePlan(['PHẦN I', 'MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU', 'I. MỤC ĐÍCH, YÊU CẦU', '- Quán triệt.', 'II. MỤC TIÊU', '- Tỷ lệ hồ sơ trực tuyến đạt 80%.', 'PHẦN II', 'NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN', 'III. NHIỆM VỤ', '- Số hóa hồ sơ.', 'IV. TỔ CHỨC THỰC HIỆN', '1. Văn phòng: theo dõi.'].join('\n'));
    expect(doc.sections.map((s) => [s.numbering, s.kind])).toEqual([
      ['I', 'purpose_requirements'],
      ['II', 'objectives'],
      ['III', 'tasks'],
      ['IV', 'implementation'],
    ]);
    expect(doc.indicators).toHaveLength(1);
    expect(doc.tasks.map((t) => t.name)).toEqual(['Số hóa hồ sơ']);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('numbering') && d.severity === 'warning')).toEqual([]);
  });
  it('keeps PHẦN as sections when no Roman parts are under them', () => {
    const doc = parsePlan(['PHẦN I. MỤC TIÊU', '1. Tỷ lệ hồ sơ trực tuyến đạt 80%.', 'PHẦN II. NHIỆM VỤ', '1. Số hóa hồ sơ.'].join('\n'));
    expect(doc.sections.map((s) => [s.numbering, s.kind])).toEqual([
      ['I', 'objectives'],
      ['II', 'tasks'],
    ]);
  });
});

describe('small readers', () => {
  it.each([
    ['CHỈ TIÊU NĂM 2025', 2025],
    ['CHỈ TIÊU GIAI ĐOẠN 2026 - 2030', 2030],
    ['CHỈ TIÊU ĐẾN NĂM 2030', 2030],
    ['DANH MỤC CHỈ TIÊU', null],
    ['CHỈ TIÊU NĂM 2025 SO VỚI NĂM 2020', null],
  ])('the year annex title %s sets: %s', (title, year) => expect(titleYear(title)).toBe(year));

  it('"Hàng" alone is not a timeline, "Hàng năm" is', () => {
    expect(timelineScore('Hàng')).toBe(0);
    expect(timelineScore('Hàng năm')).toBe(2);
  });

  it('tokens know the line they open', () => {
    const m = Mapped.identity('Phòng Văn hóa -\nXã hội', 0);
    const toks = tokenize(m, (o) => (o >= 16 ? 1 : 0));
    expect(toks.map((t) => t.lineStart)).toEqual([false, false, false, false, true, false]);
  });
});

// Table layouts from the fourth batch of hold-outs, written here anew with other content.
describe('more table layouts', () => {
  const head = ['ỦY BAN NHÂN DÂN XÃ BÌNH AN', 'KẾ HOẠCH', 'Chuyển đổi số năm 2026', 'I. MỤC TIÊU', 'Như Phụ lục.'];

  it('reads "Biểu 01" as an annex and gives a baseline column ("Hiện trạng năm 2024") no record', () => {
    const doc = parsePlan(
      [
        ...head,
        'Biểu 01',
        'CHỈ TIÊU CHUYỂN ĐỔI SỐ',
        'STT   Chỉ tiêu                         Đơn vị    Hiện trạng   Mục tiêu     Cơ quan chủ trì',
        '                                       tính      năm 2024     năm 2026',
        '1     Tỷ lệ hộ có cáp quang            %         70%          ≥ 90%        Phòng Văn hóa - Xã hội',
        '2     Số camera an ninh được kết nối   Camera    10           ≥ 25         Công an xã',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.target?.raw, i.targetYear, i.lead])).toEqual([
      ['Tỷ lệ hộ có cáp quang', '≥ 90%', 2026, 'Phòng Văn hóa - Xã hội'],
      ['Số camera an ninh được kết nối', '≥ 25', 2026, 'Công an xã'],
    ]);
  });

  it('joins a tab-separated cell quoted across lines and skips the row of column numbers', () => {
    const doc = parsePlan(
      [
        ...head,
        'PHỤ LỤC',
        'STT\tNhiệm vụ\tThời gian\tĐơn vị chủ trì\tĐơn vị phối hợp',
        '(1)\t(2)\t(3)\t(4)\t(5)',
        '1\t"Số hóa sổ hộ tịch;',
        'cập nhật dữ liệu dân cư"\tNăm 2026\tCông an xã\tVăn phòng HĐND và UBND',
        '2\tLắp camera tại chợ\t"Khi có',
        'kinh phí"\tCông an xã\t',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.timeline?.raw, t.lead, t.support])).toEqual([
      ['Số hóa sổ hộ tịch; cập nhật dữ liệu dân cư', 'Năm 2026', ['Công an xã'], ['Văn phòng HĐND và UBND']],
      ['Lắp camera tại chợ', 'Khi có kinh phí', ['Công an xã'], []],
    ]);
  });

  it('keeps a lone number that wraps in a name, and the rest of a cell split by a page break', () => {
    const doc = parsePlan(
      [
        ...head,
        'PHỤ LỤC',
        ' STT    Nhiệm vụ                          Đơn vị chủ trì    Thời gian',
        '                                                            hoàn',
        '                                                            thành',
        ' 1      Cấp tài khoản định danh mức       Công an xã        Năm 2026',
        '        2',
        ' 2      Lắp camera tại các thôn           Công an xã        Khi có',
        '                                                            hướng dẫn',
        '                                          3',
        '\f STT    Nhiệm vụ                          Đơn vị chủ trì    Thời gian',
        '                                                            hoàn',
        '                                                            thành',
        '                                                            của tỉnh',
        ' 3      Số hóa hồ sơ hộ tịch              Văn phòng         Quý IV/2026',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.lead, t.timeline?.raw])).toEqual([
      ['Cấp tài khoản định danh mức 2', ['Công an xã'], 'Năm 2026'],
      ['Lắp camera tại các thôn', ['Công an xã'], 'Khi có hướng dẫn của tỉnh'],
      ['Số hóa hồ sơ hộ tịch', ['Văn phòng'], 'Quý IV/2026'],
    ]);
  });

  it('reads a table with a line per cell, empty cells blank or "-"', () => {
    const doc = parsePlan(
      [
        ...head,
        'PHỤ LỤC',
        'STT',
        'Nhiệm vụ',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'Thời gian',
        'I',
        'HẠ TẦNG SỐ',
        '1',
        'Phủ sóng 4G các thôn',
        'Phòng Kinh tế',
        '',
        'Năm 2026',
        '2',
        'Lắp 12 camera tại chợ',
        'Công an xã',
        '-',
        '2026 - 2027',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.group, t.lead, t.support, t.timeline?.raw])).toEqual([
      ['Phủ sóng 4G các thôn', 'HẠ TẦNG SỐ', ['Phòng Kinh tế'], [], 'Năm 2026'],
      ['Lắp 12 camera tại chợ', 'HẠ TẦNG SỐ', ['Công an xã'], [], '2026 - 2027'],
    ]);
  });
});

describe('objectives in prose', () => {
  it('reads "đạt 70%" / "- 80%." as one range, and a clause after "và" without it', () => {
    const doc = parsePlan(
      [
        'KẾ HOẠCH',
        'Chuyển đổi số xã Bình An năm 2025 và đến năm 2030',
        'I. MỤC TIÊU',
        '- Tỷ lệ hộ dùng ví điện tử đạt 70%',
        '- 80%.',
        '- Tỷ lệ hồ sơ trực tuyến đạt trên 60%, tỷ lệ thanh toán số đạt 50% và tỷ lệ hồ sơ số hóa đạt 100%.',
      ].join('\n'),
    );
    expect(doc.plan.planYear).toBeNull();
    expect(doc.indicators.map((i) => [i.name, i.target?.raw, i.target?.comparator])).toEqual([
      ['Tỷ lệ hộ dùng ví điện tử', 'đạt 70% - 80%', 'range'],
      ['Tỷ lệ hồ sơ trực tuyến', 'đạt trên 60%', '>'],
      ['tỷ lệ thanh toán số', 'đạt 50%', '='],
      ['tỷ lệ hồ sơ số hóa', 'đạt 100%', '='],
    ]);
  });
});

describe('plans from the fifth batch of hold-outs, in new words', () => {
  it('takes the year of a lead-in sentence, a "3.2" row over "-" rows as their group, and stops a table at "Ghi chú:"', () => {
    const doc = parsePlan(
      [
        'KẾ HOẠCH',
        'Chuyển đổi số xã Bình An',
        'I. MỤC TIÊU',
        'Phấn đấu đến năm 2028 đạt các mục tiêu sau:',
        '(1) Tỷ lệ hộ có cáp quang đạt 90%.',
        'PHỤ LỤC',
        ' STT   Chỉ tiêu                      Đơn vị    Mục tiêu   Đơn vị chủ trì',
        ' 1     Xã hội số',
        ' 1.1   Tỷ lệ người có kỹ năng số     %         ≥ 70%      Công an xã',
        ' -     Thanh niên                    %         100%       Đoàn Thanh niên',
        ' 1.2   Tỷ lệ hộ dùng ví điện tử      %         ≥ 50%      Phòng Kinh tế',
        '',
        '  Ghi chú: Số liệu tổng hợp hằng năm.',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.group, i.targetYear])).toEqual([
      ['Tỷ lệ hộ có cáp quang', 'MỤC TIÊU', 2028],
      ['Tỷ lệ người có kỹ năng số', 'Xã hội số', null],
      ['Thanh niên', 'Tỷ lệ người có kỹ năng số', null],
      ['Tỷ lệ hộ dùng ví điện tử', 'Xã hội số', null],
    ]);
  });

  it('reads a signature block and recipients run onto one line', () => {
    const doc = parsePlan(
      [
        'ỦY BAN NHÂN DÂN XÃ BÌNH AN -------',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2026',
        'I. MỤC TIÊU',
        'Hoàn thành chuyển đổi số.',
        'Nơi nhận: - UBND tỉnh (b/c); - Các ấp; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Đã ký) Trần Văn Bình',
      ].join('\n'),
    );
    expect(doc.plan.issuer.name).toBe('ỦY BAN NHÂN DÂN XÃ BÌNH AN');
    expect(doc.plan.recipients).toEqual(['UBND tỉnh (b/c)', 'Các ấp', 'Lưu: VT']);
    expect(doc.plan.signer).toEqual({ name: 'Trần Văn Bình', title: 'CHỦ TỊCH', capacity: 'TM', onBehalfOf: 'ỦY BAN NHÂN DÂN' });
  });
});

describe('units and references in new words', () => {
  it('takes the unit given the duties ("Đảng ủy giao …"), and a law numbered "…/QH15"', async () => {
    const { readUnit } = await import('../src/extract/assignments.js');
    const { readReferences } = await import('../src/extract/references.js');
    expect(readUnit('Chi bộ giao Ban Chỉ huy Quân sự xã:', true).unit).toBe('Ban Chỉ huy Quân sự xã');
    expect(readUnit('Giao Công an xã:', true).unit).toBe('Công an xã');
    expect(readReferences('Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22/6/2023;')).toEqual([
      { number: '20/2023/QH15', type: 'luật', date: '2023-06-22', issuer: null },
    ]);
  });
});

describe('grid tables (pandoc "+---+", box drawing "┌─┬─┐")', () => {
  // Written for this test: the same two indicator rows in both kinds of grid, cells wrapped inside their rows.
  const rows = (v: string, h: string, cross: [string, string, string], group: [string, string, string]) => [
    'PHỤ LỤC I',
    'CHỈ TIÊU CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030',
    `${cross[0]}${h.repeat(5)}${cross[1]}${h.repeat(28)}${cross[1]}${h.repeat(8)}${cross[1]}${h.repeat(10)}${cross[2]}`,
    `${v} STT ${v} Chỉ tiêu                   ${v} Đơn vị ${v} Kết quả  ${v}`,
    `${v}     ${v}                            ${v} tính   ${v}          ${v}`,
    `${group[0]}${h.repeat(5)}${group[1]}${h.repeat(28)}${group[1]}${h.repeat(8)}${group[1]}${h.repeat(10)}${group[2]}`,
    `${v} I   ${v} CHÍNH QUYỀN SỐ                                       ${v}`,
    `${group[0]}${h.repeat(5)}${group[1]}${h.repeat(28)}${group[1]}${h.repeat(8)}${group[1]}${h.repeat(10)}${group[2]}`,
    `${v} 1   ${v} Tỷ lệ hồ sơ giải quyết     ${v} %      ${v} ≥ 80%    ${v}`,
    `${v}     ${v} trực tuyến toàn trình      ${v}        ${v}          ${v}`,
    `${group[0]}${h.repeat(5)}${group[1]}${h.repeat(28)}${group[1]}${h.repeat(8)}${group[1]}${h.repeat(10)}${group[2]}`,
    `${v} 2   ${v} Chỉ số chuyển đổi số (DTI) ${v} Thứ    ${v} Tốp 20   ${v}`,
    `${v}     ${v} cấp xã                     ${v} hạng   ${v} của tỉnh ${v}`,
    `${group[0]}${h.repeat(5)}${group[1]}${h.repeat(28)}${group[1]}${h.repeat(8)}${group[1]}${h.repeat(10)}${group[2]}`,
  ];
  const expected = [
    ['1', 'Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình', 'CHÍNH QUYỀN SỐ', '%', '≥ 80%', 9],
    ['2', 'Chỉ số chuyển đổi số (DTI) cấp xã', 'CHÍNH QUYỀN SỐ', 'Thứ hạng', 'Tốp 20 của tỉnh', 12],
  ];
  const read = (lines: string[]) => parsePlan(lines.join('\n')).indicators.map((i) => [i.numbering, i.name, i.group, i.unit, i.target?.raw, i.position.start.line]);
  it('pandoc', () => expect(read(rows('|', '-', ['+', '+', '+'], ['+', '+', '+']))).toEqual(expected));
  it('box drawing', () => expect(read(rows('│', '─', ['┌', '┬', '┐'], ['├', '┼', '┤']))).toEqual(expected));
});

describe('HTML tables (pandoc from Word: merged cells, cells of several paragraphs)', () => {
  // Written for this test: a header laid out as a table, then an indicator table with a
  // lettered group row spanning four columns, a lead cell spanning two rows, an entity.
  const text = [
    '<table>',
    '<tr>',
    '<td><p><strong>ỦY BAN NHÂN DÂN</strong></p>',
    '<p><strong>XÃ AN BÌNH</strong></p>',
    '<p>Số: 05/KH-UBND</p></td>',
    '<td><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>',
    '<p><strong>Độc lập - Tự do - Hạnh phúc</strong></p>',
    '<p><em>An Bình, ngày 03 tháng 02 năm 2026</em></p></td>',
    '</tr>',
    '</table>',
    '',
    'KẾ HOẠCH',
    'Chuyển đổi số năm 2026',
    '',
    'PHỤ LỤC',
    '',
    '<table>',
    '<thead>',
    '<tr>',
    '<th>STT</th>',
    '<th>Chỉ tiêu</th>',
    '<th>Đơn vị tính</th>',
    '<th>Chỉ tiêu năm 2026</th>',
    '<th>Cơ quan chủ trì</th>',
    '</tr>',
    '</thead>',
    '<tbody>',
    '<tr>',
    '<td><strong>A.</strong></td>',
    '<td colspan="4"><strong>CHÍNH QUYỀN SỐ</strong></td>',
    '</tr>',
    '<tr>',
    '<td>1.</td>',
    '<td><p>Tỷ lệ thanh toán trực tuyến phí, lệ phí</p>',
    '<p>(trong giải quyết thủ tục hành chính)</p></td>',
    '<td>%</td>',
    '<td>&gt; 70%</td>',
    '<td rowspan="2">Công an xã</td>',
    '</tr>',
    '<tr>',
    '<td>2.</td>',
    '<td>Tỷ lệ người dân có tài khoản định danh điện tử mức',
    '2</td>',
    '<td>%</td>',
    '<td>≥ 95%</td>',
    '</tr>',
    '</tbody>',
    '</table>',
  ].join('\n');
  const doc = parsePlan(text);

  it('reads the rows: paragraphs and wrapped lines joined, the group row, the merged lead, the entity', () => {
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.group, i.unit, i.target?.raw, i.lead, i.position.start.line])).toEqual([
      ['1', 'Tỷ lệ thanh toán trực tuyến phí, lệ phí (trong giải quyết thủ tục hành chính)', 'CHÍNH QUYỀN SỐ', '%', '> 70%', 'Công an xã', 33],
      ['2', 'Tỷ lệ người dân có tài khoản định danh điện tử mức 2', 'CHÍNH QUYỀN SỐ', '%', '≥ 95%', 'Công an xã', 41],
    ]);
  });

  it('reads a table that lays out the header as the header', () => {
    expect([doc.plan.issuer.name, doc.plan.number, doc.plan.issuedDate, doc.plan.locality.name]).toEqual(['ỦY BAN NHÂN DÂN XÃ AN BÌNH', '05/KH-UBND', '2026-02-03', 'An Bình']);
  });
});

describe('plans from the twelfth batch of hold-outs, in new words', () => {
  // ("chợ" / "4.0 tại chợ …" read as one item, not a heading "4.0", is held by holdout12/p1's golden file.)
  it('reads the units a task names in its sentence, and "; hoàn thành trong …" as its timeline', () => {
    const doc = parsePlan(
      [
        'III. NHIỆM VỤ, GIẢI PHÁP',
        '- Giao Phòng Kinh tế chủ trì, phối hợp với Hội Nông dân xã và Bưu điện xã hướng dẫn hộ sản xuất bán hàng trực tuyến; hoàn thành trong Quý IV/2026.',
        '- Văn phòng HĐND và UBND xã chủ trì xây dựng cơ sở dữ liệu văn bản.',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.lead, t.support, t.timeline?.raw ?? null])).toEqual([
      ['hướng dẫn hộ sản xuất bán hàng trực tuyến', ['Phòng Kinh tế'], ['Hội Nông dân xã', 'Bưu điện xã'], 'Quý IV/2026'],
      ['xây dựng cơ sở dữ liệu văn bản', ['Văn phòng HĐND và UBND xã'], [], null],
    ]);
  });
});

describe('plans from the eleventh batch of hold-outs, in new words', () => {
  it('gives no indicator for a year whose cell is "-" in a table with a column per year', () => {
    const doc = parsePlan(
      ['PHỤ LỤC', 'STT\tChỉ tiêu\tĐơn vị tính\tHiện trạng 2025\t2027\t2028\tĐơn vị chủ trì', '1\tTỷ lệ thôn có wifi công cộng\t%\t20%\t-\t60%\tPhòng Kinh tế', '2\tSố khu du lịch có bản đồ số\tKhu\t0\t1\t-\tPhòng Văn hóa - Xã hội'].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.target?.raw, i.targetYear])).toEqual([
      ['1', '60%', 2028],
      ['2', '1', 2027],
    ]);
  });
});

describe('plans from the tenth batch of hold-outs, in new words', () => {
  it('reads a markitdown table whose labels come in its first body row, under a title row, with start and end columns', () => {
    const doc = parsePlan(
      [
        '| **PHỤ LỤC III** |  |  |  |  |',
        '| --- | --- | --- | --- | --- |',
        '| **STT** | **Nhiệm vụ** | **Đơn vị chủ trì** | **Thời gian bắt đầu** | **Thời gian kết thúc** |',
        '| 1 | Số hóa hồ sơ hộ tịch | Văn phòng HĐND và UBND xã | Tháng 02/2026 | Tháng 11/2027 |',
        '| 2 | Duy trì Tổ công nghệ số | Phòng Văn hóa - Xã hội | Tháng 01/2026 | Thường xuyên |',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => [s.numbering, s.kind])).toEqual([['III', 'annex_tasks']]);
    expect(doc.tasks.map((t) => [t.name, t.lead, t.timeline])).toEqual([
      ['Số hóa hồ sơ hộ tịch', ['Văn phòng HĐND và UBND xã'], { raw: 'Tháng 02/2026 - Tháng 11/2027', from: 2026, to: 2027, recurrence: null }],
      ['Duy trì Tổ công nghệ số', ['Phòng Văn hóa - Xã hội'], { raw: 'Tháng 01/2026 - Thường xuyên', from: 2026, to: null, recurrence: 'ongoing' }],
    ]);
  });

  it('names rows by a merged group column printed once beside them, blank lines between the groups', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        'Lĩnh vực        STT   Chỉ tiêu                               Đơn vị    Năm 2027',
        '',
        '                1     Tỷ lệ hồ sơ giải quyết trực tuyến      %         ≥ 85%',
        'Chính quyền     2     Tỷ lệ văn bản được ký số               %         100%',
        'số              3     Tỷ lệ cuộc họp trực tuyến              %         ≥ 50%',
        '',
        '                4     Số hộ kinh doanh bán hàng trên sàn     Hộ        ≥ 40',
        'Kinh tế số      5     Tỷ lệ giao dịch không tiền mặt         %         ≥ 60%',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.group, i.unit, i.target?.raw])).toEqual([
      ['1', 'Chính quyền số', '%', '≥ 85%'],
      ['2', 'Chính quyền số', '%', '100%'],
      ['3', 'Chính quyền số', '%', '≥ 50%'],
      ['4', 'Kinh tế số', 'Hộ', '≥ 40'],
      ['5', 'Kinh tế số', '%', '≥ 60%'],
    ]);
  });

  it('keeps a bare number that is a cell of a table copied a cell per line, and a comparator that opens its own line', () => {
    const doc = parsePlan(
      ['PHỤ LỤC', 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm 2026', 'Đơn vị chủ trì', '1', 'Tỷ lệ văn bản được ký số', '%', '100', 'Văn phòng HĐND và UBND xã', '2', 'Tỷ lệ chợ thanh toán không', 'dùng tiền mặt', '%', 'trên 40%', 'Phòng Kinh tế'].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.unit, i.target?.raw, i.lead])).toEqual([
      ['Tỷ lệ văn bản được ký số', '%', '100', 'Văn phòng HĐND và UBND xã'],
      ['Tỷ lệ chợ thanh toán không dùng tiền mặt', '%', 'trên 40%', 'Phòng Kinh tế'],
    ]);
  });
});

describe('plans from the ninth batch of hold-outs, in new words', () => {
  it('reads a CSV table pasted into the plan: quoted cells with commas, line breaks and doubled quotes', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        'TT,Tên chỉ tiêu,Đơn vị tính,Chỉ tiêu năm 2027,Chỉ tiêu năm 2030,Đơn vị chủ trì',
        'I,HẠ TẦNG SỐ,,,,',
        '1,"Tỷ lệ thôn có sóng 4G, 5G",%,90%,100%,Phòng Kinh tế',
        '2,"Số điểm ""Wifi miễn phí""',
        'tại nơi công cộng",Điểm,≥ 5,≥ 12,"Văn phòng HĐND và UBND, Bưu điện"',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.group, i.unit, i.target?.raw, i.targetYear, i.lead, i.position.start.line])).toEqual([
      ['1', 'Tỷ lệ thôn có sóng 4G, 5G', 'HẠ TẦNG SỐ', '%', '90%', 2027, 'Phòng Kinh tế', 4],
      ['1', 'Tỷ lệ thôn có sóng 4G, 5G', 'HẠ TẦNG SỐ', '%', '100%', 2030, 'Phòng Kinh tế', 4],
      ['2', 'Số điểm "Wifi miễn phí" tại nơi công cộng', 'HẠ TẦNG SỐ', 'Điểm', '≥ 5', 2027, 'Văn phòng HĐND và UBND, Bưu điện', 5],
      ['2', 'Số điểm "Wifi miễn phí" tại nơi công cộng', 'HẠ TẦNG SỐ', 'Điểm', '≥ 12', 2030, 'Văn phòng HĐND và UBND, Bưu điện', 5],
    ]);
  });

  it('cuts targets numbered inside a paragraph, each on its marker\'s line, the lead-in giving the year', () => {
    const doc = parsePlan(
      [
        'II. MỤC TIÊU',
        'Đến năm 2028: (1) tỷ lệ hộ có cáp quang đạt 90%; (2) có ít nhất 04 chợ',
        'thanh toán không dùng tiền mặt; (3)',
        'tỷ lệ người dân dùng VNeID trên 80%.',
        'Đến năm 2030: (1) 100% thôn có Tổ công nghệ số cộng đồng.',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.target?.raw, i.targetYear, i.position.start.line])).toEqual([
      ['(1)', 'tỷ lệ hộ có cáp quang', 'đạt 90%', 2028, 2],
      ['(2)', 'chợ thanh toán không dùng tiền mặt', 'ít nhất 04', 2028, 2],
      ['(3)', 'tỷ lệ người dân dùng VNeID', 'trên 80%', 2028, 3],
      ['(1)', 'thôn có Tổ công nghệ số cộng đồng', '100%', 2030, 5],
    ]);
    expect(doc.diagnostics.filter((d) => d.code.startsWith('numbering') && d.severity === 'warning')).toEqual([]);
  });

  it('reads "Nhóm nhiệm vụ thứ hai: …" as the group of the bullets under it', () => {
    const doc = parsePlan(['III. NHIỆM VỤ, GIẢI PHÁP', 'Nhóm nhiệm vụ thứ nhất: Hạ tầng số', '- Phủ sóng 5G các thôn.', 'Giải pháp thứ hai: Dữ liệu số', '- Làm sạch dữ liệu dân cư.'].join('\n'));
    expect(doc.tasks.map((t) => [t.name, t.group])).toEqual([
      ['Phủ sóng 5G các thôn', 'Hạ tầng số'],
      ['Làm sạch dữ liệu dân cư', 'Dữ liệu số'],
    ]);
  });

  it('joins a Latin word hyphenated at a line end without its hyphen, but not "Wi-" / "fi"', async () => {
    const { joinPieces } = await import('../src/normalize/line-joins.js');
    const join = (...parts: string[]) => joinPieces(parts.map((p, k) => Mapped.identity(p, k * 100))).text;
    expect(join('kết nối Inter-', 'net cáp quang')).toBe('kết nối Internet cáp quang');
    expect(join('điểm Wi-', 'fi công cộng')).toBe('điểm Wi-fi công cộng');
    expect(join('Văn phòng HĐND-', 'UBND')).toBe('Văn phòng HĐND-UBND');
  });
});

describe('plans from the seventh and eighth batches of hold-outs, in new words', () => {
  it('reads a Word table pasted as tab-separated lines that break inside cells, its header too', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        'TT\tNội dung chỉ tiêu\tĐơn vị tính\tMục tiêu',
        'năm 2027\tCơ quan chủ trì',
        'I\tHẠ TẦNG SỐ',
        '1\tTỷ lệ thôn có sóng di động',
        'băng rộng\t%\t100%\tPhòng Kinh tế',
        '2\tSố điểm wifi công cộng\tĐiểm,',
        'trạm\t≥ 12\tBưu điện xã',
        '3\tTỷ lệ hộ có cáp quang\t%\t≥ 85%\tPhòng Kinh tế',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.group, i.unit, i.target?.raw, i.targetYear, i.lead])).toEqual([
      ['1', 'Tỷ lệ thôn có sóng di động băng rộng', 'HẠ TẦNG SỐ', '%', '100%', 2027, 'Phòng Kinh tế'],
      ['2', 'Số điểm wifi công cộng', 'HẠ TẦNG SỐ', 'Điểm, trạm', '≥ 12', 2027, 'Bưu điện xã'],
      ['3', 'Tỷ lệ hộ có cáp quang', 'HẠ TẦNG SỐ', '%', '≥ 85%', 2027, 'Phòng Kinh tế'],
    ]);
  });

  it('reads a fixed-width pipe header whose labels wrap inside their cells', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        '|TT |Chỉ tiêu                 |Đơn vị |Kết quả  |',
        '|   |                         |tính   |năm 2026 |',
        '|1  |Tỷ lệ hồ sơ giải quyết   |%      |≥ 80%    |',
        '|   |trực tuyến              |       |         |',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.unit, i.target?.raw, i.targetYear])).toEqual([['Tỷ lệ hồ sơ giải quyết trực tuyến', '%', '≥ 80%', 2026]]);
  });

  it('nests bullets under a bullet that ends with ":", takes fields behind "=>", and units past ";" before the next field', () => {
    const doc = parsePlan(
      [
        'III. NHIỆM VỤ, GIẢI PHÁP',
        '1. Phát triển xã hội số',
        '-   Về kỹ năng số:',
        '    -   Mở lớp "Bình dân học vụ số" tại nhà văn hóa thôn.',
        '    -   Hướng dẫn người cao tuổi dùng VNeID.',
        '-   Duy trì Tổ công nghệ số cộng đồng.',
        '2. Phát triển kinh tế số',
        '2.1. Hỗ trợ hộ kinh doanh bán hàng trực tuyến.',
        '=> Đơn vị chủ trì: Phòng Kinh tế; phối hợp: Hội Phụ nữ xã; Viettel Bình Định; thời gian: Năm 2026.',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.group, t.lead, t.support, t.timeline?.raw ?? null])).toEqual([
      ['Mở lớp "Bình dân học vụ số" tại nhà văn hóa thôn', 'Về kỹ năng số', [], [], null],
      ['Hướng dẫn người cao tuổi dùng VNeID', 'Về kỹ năng số', [], [], null],
      ['Duy trì Tổ công nghệ số cộng đồng', 'Phát triển xã hội số', [], [], null],
      ['Hỗ trợ hộ kinh doanh bán hàng trực tuyến', 'Phát triển kinh tế số', ['Phòng Kinh tế'], ['Hội Phụ nữ xã', 'Viettel Bình Định'], 'Năm 2026'],
    ]);
  });
});

describe('plans from the sixth batch of hold-outs, in new words', () => {
  it('takes a unit from the name cell when there is no unit column, but not a remark or an acronym', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC I',
        'STT    Tên chỉ tiêu                                        Chỉ tiêu năm 2026    Cơ quan chủ trì',
        ' 1     Tỷ lệ hồ sơ giải quyết trực tuyến (%)               ≥ 85                 Văn phòng',
        ' 2     Xếp hạng chỉ số DTI của phường (thứ hạng)           Top 15               Phòng Văn hóa',
        ' 3     Số doanh nghiệp được hỗ trợ (doanh nghiệp, hộ)      ≥ 40                 Phòng Kinh tế',
        ' 4     Tỷ lệ văn bản được ký số (trừ văn bản mật)          100%                 Văn phòng',
        ' 5     Chỉ số chuyển đổi số (DTI)                          Top 20               Phòng Văn hóa',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.unit, i.target?.unit])).toEqual([
      ['Tỷ lệ hồ sơ giải quyết trực tuyến', '%', '%'],
      ['Xếp hạng chỉ số DTI của phường', 'thứ hạng', 'thứ hạng'],
      ['Số doanh nghiệp được hỗ trợ', 'doanh nghiệp, hộ', 'doanh nghiệp, hộ'],
      // (The remark is no unit; with no unit column, the target's own "%" is.)
      ['Tỷ lệ văn bản được ký số (trừ văn bản mật)', '%', '%'],
      ['Chỉ số chuyển đổi số (DTI)', null, null],
    ]);
  });

  it('reads a budget column\'s "(triệu" / "đồng)" as header, and stops the table at its total', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC II',
        ' TT   Nội dung nhiệm vụ                 Cơ quan chủ trì      Thời gian      Kinh phí',
        '                                                             hoàn thành     (triệu',
        '                                                                            đồng)',
        ' 1    Kiện toàn Ban Chỉ đạo             Văn phòng            Quý I/2026     -',
        ' 2    Tuyên truyền Nghị quyết           Phòng Văn hóa        Thường xuyên   30',
        '',
        '                                        Tổng cộng kinh phí dự kiến:         30 triệu đồng',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.name, t.timeline?.raw])).toEqual([
      ['1', 'Kiện toàn Ban Chỉ đạo', 'Quý I/2026'],
      ['2', 'Tuyên truyền Nghị quyết', 'Thường xuyên'],
    ]);
  });
});

describe('a PDF table whose cell wraps before a dash', () => {
  it('goes on with "- xã hội" after "kinh tế" in the same cell, and opens a row at "- Tập huấn"', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' TT    Nhiệm vụ                                   Cơ quan chủ trì        Thời gian',
        ' 1     Chuyển đổi số trên các lĩnh vực chính      Văn phòng HĐND và      Năm 2026',
        '       trị, quốc phòng, an ninh, kinh tế          UBND xã',
        '       - xã hội; lấy người dân làm trung tâm',
        ' 2     Bồi dưỡng kỹ năng số cho cán bộ            Phòng Văn hóa - Xã     Hàng năm',
        '                                                  hội',
        '       - Tập huấn sử dụng chữ ký số                Phòng Văn hóa - Xã     Quý II/2026',
        '                                                  hội',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.name, t.lead, t.timeline?.raw])).toEqual([
      ['1', 'Chuyển đổi số trên các lĩnh vực chính trị, quốc phòng, an ninh, kinh tế - xã hội; lấy người dân làm trung tâm', ['Văn phòng HĐND và UBND xã'], 'Năm 2026'],
      ['2', 'Bồi dưỡng kỹ năng số cho cán bộ', ['Phòng Văn hóa - Xã hội'], 'Hàng năm'],
      ['-', 'Tập huấn sử dụng chữ ký số', ['Phòng Văn hóa - Xã hội'], 'Quý II/2026'],
    ]);
  });
});

describe('plans from the fourteenth and fifteenth batches of hold-outs, in new words', () => {
  it('reads a CSV in ";" with decimal commas, its padded title rows as text, and a second table after a note', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC I;;;;',
        'CHỈ TIÊU NĂM 2026;;;;',
        ';;;;',
        'TT;Chỉ tiêu;Đơn vị tính;Chỉ tiêu năm 2026;Đơn vị chủ trì',
        'I;HẠ TẦNG SỐ;;;',
        '1;Tỷ lệ hộ có cáp quang;%;≥ 64,5%;Phòng Kinh tế',
        '2;"Số điểm Wi-Fi công cộng; miễn phí";Điểm;tối thiểu 12;"Phòng Kinh tế; Viettel"',
        ';;;;',
        '"Ghi chú: số liệu đến 31/12/2026; làm tròn.";;;;',
        'PHỤ LỤC II;;;;',
        'TT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian',
        '1;Lắp camera tại chợ;Công an xã;"Phòng Kinh tế; Bưu điện xã";Quý III/2026',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.group, i.target?.raw, i.target?.value, i.lead])).toEqual([
      ['1', 'Tỷ lệ hộ có cáp quang', 'HẠ TẦNG SỐ', '≥ 64,5%', 64.5, 'Phòng Kinh tế'],
      ['2', 'Số điểm Wi-Fi công cộng; miễn phí', 'HẠ TẦNG SỐ', 'tối thiểu 12', 12, 'Phòng Kinh tế; Viettel'],
    ]);
    expect(doc.tasks.map((t) => [t.name, t.lead, t.support, t.timeline?.raw])).toEqual([['Lắp camera tại chợ', ['Công an xã'], ['Phòng Kinh tế', 'Bưu điện xã'], 'Quý III/2026']]);
    expect(doc.sections.filter((s) => s.kind.startsWith('annex')).map((s) => s.numbering)).toEqual(['I', 'II']);
  });

  it('reads a docling table: a header over two rows, merged cells repeated, the group column first', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        '',
        '| STT | Chỉ tiêu | Mục tiêu | Mục tiêu |',
        '|-----|----------|----------|----------|',
        '| STT | Chỉ tiêu | Năm 2027 | Năm 2030 |',
        '| I | XÃ HỘI SỐ | XÃ HỘI SỐ | XÃ HỘI SỐ |',
        '| 1 | Tỷ lệ người dùng VNeID | 70% | 95% |',
        '',
        '| Nhóm nhiệm vụ | TT | Nhiệm vụ | Chủ trì |',
        '|---|---|---|---|',
        '| Hạ tầng số | 1 | Lắp trạm 5G | Phòng Kinh tế |',
        '| Hạ tầng số | 2 | Phủ sóng vùng lõm | Phòng Kinh tế |',
        '| Kinh tế số | 3 | Lập gian hàng số | Hội Nông dân |',
        '|  | 4 | Chợ không tiền mặt | Phòng Kinh tế |',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.group, i.target?.raw, i.targetYear])).toEqual([
      ['XÃ HỘI SỐ', '70%', 2027],
      ['XÃ HỘI SỐ', '95%', 2030],
    ]);
    expect(doc.tasks.map((t) => [t.numbering, t.group, t.lead])).toEqual([
      ['1', 'Hạ tầng số', ['Phòng Kinh tế']],
      ['2', 'Hạ tầng số', ['Phòng Kinh tế']],
      ['3', 'Kinh tế số', ['Hội Nông dân']],
      ['4', 'Kinh tế số', ['Phòng Kinh tế']],
    ]);
  });

  it('reads a plan sent in a chat: keycap numbers, emoji headings and bullets, the messages\' times and the replies', () => {
    const doc = parsePlan(
      [
        'Nguyễn Văn An - Văn phòng UBND xã',
        'KẾ HOẠCH',
        'Chuyển đổi số xã Tân Hòa năm 2026',
        '📌 I. MỤC TIÊU',
        '✨ Năm 2026:',
        '+ Tỷ lệ hộ dùng ví điện tử đạt 55%. 07:15',
        '📌 II. NHIỆM VỤ, GIẢI PHÁP',
        '1️⃣ Hạ tầng số',
        '🔸 Lắp camera tại các ngã ba. ➡️ Chủ trì: Công an xã; thời gian: Quý II/2026 07:20',
        'Trần Thị Bình - Hội Phụ nữ',
        'Đã rõ ạ 🙏 07:31',
        '🔸 Họp giao ban trực tuyến lúc 14:00',
        '2️⃣ Tổng kết, báo cáo kết quả cuối năm.',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => s.heading)).toEqual(['MỤC TIÊU', 'NHIỆM VỤ, GIẢI PHÁP']);
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.target?.raw, i.targetYear])).toEqual([['+', 'Tỷ lệ hộ dùng ví điện tử', 'đạt 55%', 2026]]);
    expect(doc.tasks.map((t) => [t.numbering, t.name, t.group, t.lead, t.timeline?.raw ?? null])).toEqual([
      ['🔸', 'Lắp camera tại các ngã ba', 'Hạ tầng số', ['Công an xã'], 'Quý II/2026'],
      // a time the sentence gives stays
      ['🔸', 'Họp giao ban trực tuyến lúc 14:00', 'Hạ tầng số', [], null],
      ['2', 'Tổng kết, báo cáo kết quả cuối năm', 'NHIỆM VỤ, GIẢI PHÁP', [], null],
    ]);
  });

  it('reads " | " rows without outer pipes, group rows too, a cell that names its years, and the recipients beside the signer', () => {
    const doc = parsePlan(
      [
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2026',
        'I. MỤC TIÊU',
        'Hoàn thành các chỉ tiêu tại Phụ lục.',
        'Trên đây là Kế hoạch chuyển đổi số năm 2026 của xã./.',
        'Nơi nhận: | TM. ỦY BAN NHÂN DÂN',
        '- UBND tỉnh (b/c); | CHỦ TỊCH',
        '- Lưu: VT. | Lê Văn Cường',
        'PHỤ LỤC',
        'STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu | Cơ quan chủ trì',
        'I | KINH TẾ SỐ',
        '1 | Số hộ bán hàng trực tuyến | Hộ | 2026: ≥ 40; 2028: ≥ 90; 2030: ≥ 150 | Phòng Kinh tế',
        '2 | Tỷ lệ chợ thanh toán số | % | năm 2026: 30%; năm 2030: trên 80% | Phòng Kinh tế',
        '3 | Xếp hạng DTI | Thứ hạng | Top 15 | Văn phòng',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.group, i.target?.raw, i.target?.comparator, i.targetYear])).toEqual([
      ['1', 'KINH TẾ SỐ', '≥ 40', '>=', 2026],
      ['1', 'KINH TẾ SỐ', '≥ 90', '>=', 2028],
      ['1', 'KINH TẾ SỐ', '≥ 150', '>=', 2030],
      ['2', 'KINH TẾ SỐ', '30%', '=', 2026],
      ['2', 'KINH TẾ SỐ', 'trên 80%', '>', 2030],
      // (the title's year: a one-year plan)
      ['3', 'KINH TẾ SỐ', 'Top 15', 'rank', 2026],
    ]);
    expect(doc.plan.recipients).toEqual(['UBND tỉnh (b/c)', 'Lưu: VT']);
    expect(doc.plan.signer).toMatchObject({ name: 'Lê Văn Cường', title: 'CHỦ TỊCH', capacity: 'TM', onBehalfOf: 'ỦY BAN NHÂN DÂN' });
  });
});

describe('a merged group column in a ruled PDF table', () => {
  it('gives each centred name the rows nearest to it, and a group cut by a page break its rows on the next page', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' Nhóm chỉ tiêu   TT   Chỉ tiêu                          Đơn vị    Năm 2026',
        '                 1    Tỷ lệ hồ sơ trực tuyến            %         80%',
        ' Dịch vụ công    2    Tỷ lệ hồ sơ số hóa                %         100%',
        '                 3    Tỷ lệ thanh toán trực tuyến       %         50%',
        '                 4    Số hộ bán hàng trên sàn           Hộ        120',
        ' Kinh tế số      5    Số chợ không dùng tiền mặt        Chợ       02',
        '',
        '                                   2',
        '\f Nhóm chỉ tiêu   TT   Chỉ tiêu                          Đơn vị    Năm 2026',
        '                 6    Tỷ lệ hộ có hóa đơn điện tử       %         100%',
        '                 7    Tỷ lệ thôn có 5G                  %         60%',
        ' Hạ tầng số      8    Tỷ lệ hộ có cáp quang             %         90%',
        '                 9    Số camera kết nối                 Camera    40',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.group])).toEqual([
      ['1', 'Dịch vụ công'],
      ['2', 'Dịch vụ công'],
      ['3', 'Dịch vụ công'],
      ['4', 'Kinh tế số'],
      ['5', 'Kinh tế số'],
      ['6', 'Kinh tế số'],
      ['7', 'Hạ tầng số'],
      ['8', 'Hạ tầng số'],
      ['9', 'Hạ tầng số'],
    ]);
  });
});

describe('a PDF task table whose timeline column comes before the names', () => {
  it('takes a group row\'s title that starts under the timeline column without its number', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' STT     Thời gian     Nhiệm vụ                            Đơn vị chủ trì',
        ' I       NÂNG CAO NHẬN THỨC VÀ HOÀN THIỆN THỂ CHẾ',
        ' 1       Quý I/2026    Kiện toàn Ban Chỉ đạo               Văn phòng',
        ' II      PHÁT TRIỂN HẠ TẦNG SỐ',
        ' 2       Năm 2026      Lắp đặt camera                      Công an xã',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.group, t.timeline?.raw])).toEqual([
      ['1', 'NÂNG CAO NHẬN THỨC VÀ HOÀN THIỆN THỂ CHẾ', 'Quý I/2026'],
      ['2', 'PHÁT TRIỂN HẠ TẦNG SỐ', 'Năm 2026'],
    ]);
  });
});

describe('a PDF table whose group column names every row', () => {
  it('gives each row the group its own cell names', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' Lĩnh vực         TT   Nhiệm vụ                        Chủ trì',
        ' Chính quyền số   1    Số hóa hồ sơ một cửa            Văn phòng',
        ' Chính quyền số   2    Ký số văn bản đi                Văn phòng',
        ' Kinh tế số       3    Lập gian hàng số cho HTX        Phòng Kinh tế',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.group])).toEqual([
      ['1', 'Chính quyền số'],
      ['2', 'Chính quyền số'],
      ['3', 'Kinh tế số'],
    ]);
  });
});

describe('two PDF task tables under their captions, the second after a page break', () => {
  it('ends the first table at the second\'s caption, though the header is the same', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        'A. NHIỆM VỤ THƯỜNG XUYÊN',
        ' STT   Nhiệm vụ                          Đơn vị chủ trì     Thời gian',
        ' 1     Cập nhật dữ liệu dân cư           Công an xã         Hằng tháng',
        ' 2     Duy trì Tổ công nghệ số cộng      Phòng Văn hóa      Hằng quý',
        '       đồng tại các thôn',
        '',
        'B. NHIỆM VỤ TRỌNG TÂM NĂM 2026',
        '',
        '                              2',
        '\f STT   Nhiệm vụ                          Đơn vị chủ trì     Thời gian',
        ' 1     Lắp camera tại chợ                Công an xã         Quý II/2026',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.name, t.group])).toEqual([
      ['1', 'Cập nhật dữ liệu dân cư', 'NHIỆM VỤ THƯỜNG XUYÊN'],
      ['2', 'Duy trì Tổ công nghệ số cộng đồng tại các thôn', 'NHIỆM VỤ THƯỜNG XUYÊN'],
      ['1', 'Lắp camera tại chợ', 'NHIỆM VỤ TRỌNG TÂM NĂM 2026'],
    ]);
  });
});

describe('plans from the sixteenth and seventeenth batches of hold-outs, in new words', () => {
  it('reads a schedule\'s quarter columns marked "x" as the task\'s timeline, in the year the header names', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' TT   Nội dung công việc                  Cơ quan chủ trì       Tiến độ năm 2027',
        '                                                                Quý I   Quý II  Quý III  Quý IV',
        ' 1    Khảo sát hiện trạng mạng nội bộ     Văn phòng             x',
        ' 2    Nâng cấp đường truyền cho các thôn  Phòng Kinh tế                 x       x        x',
        ' 3    Tập huấn kỹ năng số                 Đoàn Thanh niên               x                X',
        ' 4    Cập nhật cơ sở dữ liệu đất đai      Công an xã                    Hằng tháng',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.lead, t.timeline])).toEqual([
      ['1', ['Văn phòng'], { raw: 'Quý I', from: 2027, to: 2027, recurrence: null }],
      ['2', ['Phòng Kinh tế'], { raw: 'Quý II - Quý IV', from: 2027, to: 2027, recurrence: null }],
      ['3', ['Đoàn Thanh niên'], { raw: 'Quý II, Quý IV', from: 2027, to: 2027, recurrence: null }],
      ['4', ['Công an xã'], { raw: 'Hằng tháng', from: null, to: null, recurrence: 'monthly' }],
    ]);
  });

  it('cuts a name cell that runs into the next column with one space, where that column\'s cells start', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' TT   Nhiệm vụ                            Đơn vị chủ trì       Thời gian',
        ' 1    Xây dựng kho dữ liệu dùng chung     Văn phòng HĐND và    Quý I/2026',
        '      của xã                              UBND xã',
        ' 2    Chuẩn hóa dữ liệu hộ tịch trên cổng Công an xã           Quý II/2026',
        '      thông tin của tỉnh',
        ' 3    Số hóa sổ bộ thuế                   Thuế cơ sở           Quý III/2026',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.lead])).toEqual([
      ['Xây dựng kho dữ liệu dùng chung của xã', ['Văn phòng HĐND và UBND xã']],
      ['Chuẩn hóa dữ liệu hộ tịch trên cổng thông tin của tỉnh', ['Công an xã']],
      ['Số hóa sổ bộ thuế', ['Thuế cơ sở']],
    ]);
  });

  it('reads an item with its targets on labelled lines under it, one indicator a year, under the lettered heading above', () => {
    const doc = parsePlan(
      [
        'KẾ HOẠCH',
        'Chuyển đổi số phường giai đoạn 2026 - 2030',
        'II. MỤC TIÊU',
        '1. Mục tiêu chung',
        'Xây dựng phường số.',
        '2. Mục tiêu cụ thể',
        'a) Xã hội số',
        '1. Tỷ lệ người dân dùng ví điện tử',
        '- Chỉ tiêu năm 2026: 40%',
        '- Đến năm 2030: ≥ 75%',
        '- Đơn vị chủ trì: Công an phường',
        '2. Số điểm Wi-Fi miễn phí',
        '- Năm 2027: 12 điểm',
        '- Đơn vị chủ trì: Phòng Kinh tế',
        '3. Chuyển đổi số các cơ quan',
        '- Đến năm 2028: 100% cơ quan sử dụng chữ ký số; 90% hồ sơ trực tuyến.',
        '- Đơn vị chủ trì: Văn phòng',
        'III. NHIỆM VỤ',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.numbering, i.name, i.group, i.target?.raw, i.targetYear, i.lead])).toEqual([
      ['1', 'Tỷ lệ người dân dùng ví điện tử', 'Xã hội số', '40%', 2026, 'Công an phường'],
      ['1', 'Tỷ lệ người dân dùng ví điện tử', 'Xã hội số', '≥ 75%', 2030, 'Công an phường'],
      ['2', 'Số điểm Wi-Fi miễn phí', 'Xã hội số', '12 điểm', 2027, 'Phòng Kinh tế'],
      // (a phase's sentence is no labelled line: its item is read as before)
      ['-', 'cơ quan sử dụng chữ ký số', 'Chuyển đổi số các cơ quan', '100%', 2028, null],
      ['-', 'hồ sơ trực tuyến', 'Chuyển đổi số các cơ quan', '90%', 2028, null],
    ]);
    // "1." under "a)", after "2. Mục tiêu cụ thể": a list of its own, not out of order
    expect(doc.diagnostics.map((d) => d.code)).not.toContain('numbering-order');
  });

  it('takes the advising body of a party committee\'s task table as the lead, and "tăng ít nhất 05 bậc" as a target', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' STT   Nội dung nhiệm vụ                 Cơ quan tham mưu     Cấp chỉ đạo        Thời gian',
        ' 1     Sơ kết Nghị quyết 57-NQ/TW        Ban Xây dựng Đảng    Thường trực        Quý IV/2026',
        '                                                              Đảng ủy',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.name, t.lead, t.support, t.timeline?.raw])).toEqual([['Sơ kết Nghị quyết 57-NQ/TW', ['Ban Xây dựng Đảng'], [], 'Quý IV/2026']]);
    const prose = parsePlan(['I. MỤC TIÊU', '- Chỉ số DTI của xã tăng ít nhất 03 bậc so với năm 2025.', '- Nhà văn hóa 3 tầng được cải tạo.'].join('\n'));
    expect(prose.indicators.map((i) => [i.target?.raw, i.target?.unit])).toEqual([['ít nhất 03', 'bậc']]);
  });
});

describe('footnotes in PDF text', () => {
  it('leaves out a page\'s footnotes and takes their references off the words they follow', () => {
    const doc = parsePlan(
      [
        'I. MỤC TIÊU',
        '    - Tỷ lệ hồ sơ trực tuyến toàn trình đạt 85%1.',
        '    - Có ít nhất 06 thôn thông minh2.',
        '',
        '    1 Năm 2025 đạt 71%, theo Cổng Dịch vụ công quốc gia.',
        '    2 Theo tiêu chí của tỉnh; năm 2025 có 02 thôn.',
        '',
        '                                 1',
        '\fII. NHIỆM VỤ',
        '    - Triển khai nền tảng Công dân số3 đến các hộ.',
        '    - Lập 12 nhóm Zalo thôn.',
        '',
        '    3 Ứng dụng của tỉnh.',
        '',
        '                                 2',
      ].join('\n'),
    );
    expect(doc.indicators.map((i) => [i.name, i.target?.raw])).toEqual([
      ['Tỷ lệ hồ sơ trực tuyến toàn trình', 'đạt 85%'],
      ['thôn thông minh', 'ít nhất 06'],
    ]);
    expect(doc.tasks.map((t) => t.name)).toEqual(['Triển khai nền tảng Công dân số đến các hộ', 'Lập 12 nhóm Zalo thôn']);
  });

  it('keeps a numbered line at a page\'s foot that no reference on the page points to', () => {
    const lines = normalizeText(['II. NHIỆM VỤ', '    - Số hóa hồ sơ năm 2026.', '', '    2 Lắp camera tại 4 thôn', '', '                                 1'].join('\n')).lines;
    expect(lines.find((l) => l.text.startsWith('2 Lắp'))?.role).toBe('content');
    expect(lines.find((l) => l.text.startsWith('- Số hóa'))?.text).toBe('- Số hóa hồ sơ năm 2026.');
  });
});

describe('a PDF task table with cells merged over rows', () => {
  it('gives a lead and a time centred against a block of rows to every row of the block', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' STT  Nhiệm vụ                         Đơn vị chủ trì      Thời gian',
        ' 1    Lập chuyên trang số của xã       Văn phòng           Quý I/2026',
        ' 2    Mở lớp kỹ năng số cho các                            Quý II/2026',
        '      thôn phía đông',
        ' 3    Mở lớp kỹ năng số cho các                            Quý II/2026',
        '      thôn phía tây                    Phòng Văn hóa -',
        ' 4    Phát động cuộc thi ảnh số        Xã hội              Quý III/2026',
        ' 5    Phổ biến ứng dụng VNeID                              Quý IV/2026',
        ' 6    Lắp camera ở chợ                 Công an xã',
        ' 7    Lắp camera ở trường              Công an xã          2026 - 2027',
        ' 8    Lắp camera ở bến xe              Công an xã',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => [t.numbering, t.lead, t.timeline?.raw ?? null])).toEqual([
      ['1', ['Văn phòng'], 'Quý I/2026'],
      ['2', ['Phòng Văn hóa - Xã hội'], 'Quý II/2026'],
      ['3', ['Phòng Văn hóa - Xã hội'], 'Quý II/2026'],
      ['4', ['Phòng Văn hóa - Xã hội'], 'Quý III/2026'],
      ['5', ['Phòng Văn hóa - Xã hội'], 'Quý IV/2026'],
      ['6', ['Công an xã'], '2026 - 2027'],
      ['7', ['Công an xã'], '2026 - 2027'],
      ['8', ['Công an xã'], '2026 - 2027'],
    ]);
  });

  it('leaves an empty cell empty when the text beside it starts its own row', () => {
    const doc = parsePlan(
      [
        'PHỤ LỤC',
        ' STT  Nhiệm vụ                         Đơn vị chủ trì      Thời gian',
        ' 1    Lập chuyên trang số của xã       Văn phòng           Quý I/2026',
        ' 2    Mở lớp kỹ năng số                                    Quý II/2026',
        ' 3    Phát động cuộc thi ảnh số        Phòng Văn hóa       Quý III/2026',
        ' 4    Phổ biến ứng dụng VNeID          Công an xã          Quý IV/2026',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.lead)).toEqual([['Văn phòng'], [], ['Phòng Văn hóa'], ['Công an xã']]);
  });
});
