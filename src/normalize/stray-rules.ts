import type { LineNormalizer } from './types.js';

// OCR of a ruled table reads some of its vertical rules as "|": "Phòng Kinh tế | Ban Quản lý
// chợ;", "… cáp quang |". A line that is not a Markdown table row (those start with "|") has
// no use for a "|" standing alone between words; unless it is a table's row written without
// outer pipes: three of them or more ("STT | Chỉ tiêu | Đơn vị tính | …", "2 | Tỷ lệ … | % |
// 90%"), or one after a row number ("I | CHÍNH QUYỀN SỐ").
const TABLE_ROW = /^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6})\.? \| /;
export const strayRules: LineNormalizer = {
  name: 'stray-rules',
  applies: (text) => text.includes('|') && !/^\s*\|/.test(text) && (text.match(/\s\|(?=\s|$)/g)?.length ?? 0) < 3 && !TABLE_ROW.test(text),
  apply: (m) => m.replace(/[ \t]+\|(?=[ \t]|$)/g, () => ''),
};
