import { describe, expect, it } from 'vitest';
import { parseNumber, readTarget, scanTargets } from '../src/extract/targets.js';

// Each case is a target cell as it appears in a real plan's annex table.
describe('readTarget: table cells', () => {
  const cases: [string, string, number | null, number | null, string | null][] = [
    ['≥  20%', '>=', 20, null, '%'],
    ['≥1', '>=', 1, null, null],
    ['100%.', '=', 100, null, '%'],
    ['> 80', '>', 80, null, null],
    ['>=30', '>=', 30, null, null],
    ['>01', '>', 1, null, null],
    ['< 10', '<', 10, null, null],
    ['Tốp 25 của tỉnh', 'rank', 25, null, null],
    ['Top 20 các địa phương dẫn đầu về phát triển khoa học', 'rank', 20, null, null],
    ['Phấn đấu đứng top 20 toàn tỉnh', 'rank', 20, null, null],
    ['Phấn đấu đạt 3%', '=', 3, null, '%'],
    ['≥ 30 người', '>=', 30, null, 'người'],
    ['15-17%', 'range', 15, 17, '%'],
    ['80% - 90%', 'range', 80, 90, '%'],
    ['1,5%', '=', 1.5, null, '%'],
    ['Tiên tiến, hiện đại, dung lượng lớn, băng thông rộng', 'text', null, null, null],
    ['Đạt mức khá của tỉnh', 'text', null, null, null],
  ];
  it.each(cases)('%s', (cell, comparator, value, valueMax, unit) => {
    const t = readTarget(cell)!;
    expect(t.raw).toBe(cell.replace(/\s+/g, ' ').trim());
    expect(t.comparator).toBe(comparator);
    expect(t.value).toBe(value);
    expect(t.valueMax).toBe(valueMax);
    expect(t.unit).toBe(unit);
  });

  it('returns null for an empty cell', () => {
    expect(readTarget('   ')).toBeNull();
  });

  it('does not read "GRDP ≥ 20%" as a target cell: the unit comes first', () => {
    expect(readTarget('GRDP ≥ 20%')!.comparator).toBe('text');
  });
});

describe('scanTargets: targets inside sentences', () => {
  const raw = (s: string) => scanTargets(s).filter((m) => m.strength >= 2).map((m) => m.target.raw);
  const cases: [string, string[]][] = [
    ['Tỷ lệ phủ sóng 5G trên địa bàn ≥ 50%.', ['≥ 50%']],
    ['Tỷ lệ phủ sóng 5G trên địa bàn đạt từ 60% dân số trở lên.', ['đạt từ 60% dân số trở lên']],
    ['Tỷ lệ hộ gia đình có khả năng truy cập băng rộng cố định với tốc độ 01 Gbps đạt từ 70% trở lên.', ['đạt từ 70% trở lên']],
    ['Có ≥ 1,0% tổng chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo.', ['≥ 1,0%']],
    ['Mỗi năm có 02 đến 05 dự án khởi nghiệp sáng tạo.', ['02 đến 05']],
    ['Có ≥ 02 doanh nghiệp khởi nghiệp sáng tạo.', ['≥ 02']],
    ['Dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng ≥ 95%.', ['≥ 95%']],
    ['100% hồ sơ, tài liệu công việc phát sinh từ ngày 01/7/2025 được tạo lập và xử lý trên môi trường điện tử.', ['100%']],
    ['Tỷ lệ nhiệm vụ được theo dõi trên môi trường điện tử 100%.', ['100%']],
    ['Có ≥ 80% người dân có tài khoản định danh điện tử mức 2, cài đặt và sử dụng ứng dụng VNeID, tỷ lệ người dân có chữ ký số ≥ 10%.', ['≥ 80%', '≥ 10%']],
    ['tỷ lệ người dân có chữ ký số đạt  trên 40%.', ['đạt  trên 40%']],
    ['Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.', []],
    ['Tỷ lệ phủ sóng 5G, 6G trên địa bàn xã; Đề án 06 giai đoạn 2026-2030.', []],
    ['Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến.', ['Tối thiểu 80%']],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    expect(raw(sentence)).toEqual(expected);
  });

  it('reads "tử" in "điện tử 100%" as a word, not the comparator "từ"', () => {
    const [m] = scanTargets('trên môi trường điện tử 100%.');
    expect(m!.target.comparator).toBe('=');
    expect(m!.target.raw).toBe('100%');
  });

  it('does not read "đất" as "đạt"', () => {
    const [m] = scanTargets('Diện tích đất 30% được quy hoạch');
    expect(m!.target.raw).toBe('30%');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,5', 1.5],
    ['01', 1],
    ['1.000', 1000],
    ['2.5', 2.5],
    ['12.345.678', 12345678],
  ])('%s → %d', (s, n) => expect(parseNumber(s)).toBe(n));
});
