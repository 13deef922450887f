import type { LineNormalizer } from './types.js';

// OCR of a ruled table reads some of its vertical rules as "|": "Phòng Kinh tế | Ban Quản lý
// chợ;", "… cáp quang |". A line that is not a Markdown table row (those start with "|") has
// no use for a "|" standing alone between words.
export const strayRules: LineNormalizer = {
  name: 'stray-rules',
  applies: (text) => text.includes('|') && !/^\s*\|/.test(text),
  apply: (m) => m.replace(/[ \t]+\|(?=[ \t]|$)/g, () => ''),
};
