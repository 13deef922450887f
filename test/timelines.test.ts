import { describe, expect, it } from 'vitest';
import { readTimeline, timelineScore } from '../src/extract/timelines.js';

// Timeline cells from real task annexes.
describe('readTimeline', () => {
  const cases: [string, number | null, number | null, string | null][] = [
    ['Năm 2025', 2025, 2025, null],
    ['Năm 2025 và các năm tiếp theo', 2025, null, 'annual'],
    ['Năm 2025, các năm tiếp theo', 2025, null, 'annual'],
    ['Hàng năm', null, null, 'annual'],
    ['Thường xuyên', null, null, 'ongoing'],
    ['Quý IV, 2025', 2025, 2025, null],
    ['Qúy IV, 2025', 2025, 2025, null],
    ['2026 - 2030', 2026, 2030, null],
    ['2025-2026', 2025, 2026, null],
    ['2026-2028', 2026, 2028, null],
    ['Cuối 2025', 2025, 2025, null],
    ['Khi Trung ương, tỉnh có hướng dẫn', null, null, 'conditional'],
    ['Theo thời gian tại Kế hoạch đã phê duyệt', null, null, null],
    ['Đến năm 2030', null, 2030, null],
  ];
  it.each(cases)('%s', (raw, from, to, recurrence) => {
    expect(readTimeline(raw)).toEqual({ raw, from, to, recurrence });
  });
});

describe('timelineScore', () => {
  it('tells timeline cells from other cells', () => {
    expect(timelineScore('Năm 2025 và các năm tiếp theo')).toBe(2);
    expect(timelineScore('Khi Trung ương, tỉnh có hướng dẫn')).toBe(2);
    expect(timelineScore('Phòng VH-XH')).toBe(0);
    expect(timelineScore('Kế hoạch, báo cáo')).toBe(0);
  });
});
