import { looseKey, tonalKey } from '../text/fold.js';

export type Recurrence = 'annual' | 'quarterly' | 'monthly' | 'ongoing' | 'conditional';

export interface Timeline {
  raw: string;
  from: number | null;
  to: number | null;
  recurrence: Recurrence | null;
}

// Words a timeline cell is made of: "Năm 2025 và các năm tiếp theo", "Quý IV, 2025",
// "2026 - 2030", "Hàng năm", "Thường xuyên", "Cuối 2025", "Trước ngày 15/12/2025".
const TIME_WORDS =
  /^(?:(?:nam|quy|thang|giai doan|tu|den|toi|cuoi|dau|giua|truoc|sau|ngay|nua|hang|hang nam|hang quy|hang thang|thuong xuyen|lien tuc|dinh ky|va|cac|tiep theo|tro di|hoan thanh|trong|thoi gian|thuc hien|nam hoc|hoc|[ivx]{1,4}|\d{1,4}(?:\/\d{1,4}){0,2}|[/,.\-–;:()])\s*)+$/;
// "Khi Trung ương, tỉnh có hướng dẫn", "Theo thời gian tại Kế hoạch đã phê duyệt".
const CONDITIONAL = /^(?:khi|sau khi|ngay khi|neu)\s/;
const AS_SCHEDULED = /^theo\s+(?:thoi gian|tien do|ke hoach|lo trinh|yeu cau|chi dao|huong dan|quy dinh)/;

// "Quý II/2026", "12/2025", "trước ngày 15/12/2025" all name their year after a slash.
const YEAR = /(?<![\d.])(19\d{2}|20\d{2})(?!\d)/g;
const SHORT_YEAR_RANGE = /(?<![\d/])(20\d{2})\s*[-–]\s*(\d{2})(?!\d)/; // "2025-26"

// The same words spelled out, tone placement folded: loose keys drop diacritics, and "tu" is
// "từ" but also "tử" ("điện" / "tử Thường xuyên"), "nam" is "năm" but also "nam", "quy" is
// "quý" but also "quỹ" (a fund).
const TIME_SPELLINGS = new Set([
  'năm', 'quý', 'quí', 'qúy', 'tháng', 'giai', 'đoạn', 'từ', 'đến', 'tới', 'cuối', 'đầu', 'giữa', 'trước', 'sau', 'ngày',
  'nửa', 'hằng', 'hàng', 'thường', 'xuyên', 'liên', 'tục', 'định', 'kỳ', 'kì', 'và', 'các', 'tiếp', 'theo', 'trở', 'đi',
  'hoàn', 'thành', 'trong', 'thời', 'gian', 'thực', 'hiện', 'học',
]);

function spelledAsTime(text: string): boolean {
  for (const w of tonalKey(text).match(/\p{L}+/gu) ?? []) {
    if (/^[ivx]+$/.test(w)) continue;
    if (!TIME_SPELLINGS.has(w)) return false;
  }
  return true;
}

/** 2: the text is a timeline; 1: it mentions time; 0: it is something else. */
export function timelineScore(text: string): number {
  const key = looseKey(text.replace(/\s+/g, ' ').trim());
  if (!key) return 0;
  if (key.length <= 60 && TIME_WORDS.test(key) && /\d|hang (?:nam|quy|thang|tuan|ngay)|thuong xuyen|lien tuc|dinh ky/.test(key) && spelledAsTime(text)) return 2;
  const words = key.split(' ').length;
  if (words <= 12 && (CONDITIONAL.test(key) || AS_SCHEDULED.test(key))) return 2;
  if (/\b(?:19|20)\d{2}\b/.test(key) || /hang nam|thuong xuyen/.test(key)) return 1;
  return 0;
}

/**
 * Read a timeline: years as numbers where stated, and how often it recurs.
 * "Năm 2025 và các năm tiếp theo" → from 2025, to null, annual.
 * "2026 - 2030" → 2026..2030. "Thường xuyên" → ongoing.
 * "Khi Trung ương, tỉnh có hướng dẫn" → conditional.
 */
export function readTimeline(text: string): Timeline | null {
  const raw = text.replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  const key = looseKey(raw);
  const years = [...key.matchAll(YEAR)].map((m) => Number(m[1]));
  const short = SHORT_YEAR_RANGE.exec(key);
  if (short && years.length === 1) years.push(Math.floor(Number(short[1]) / 100) * 100 + Number(short[2]));
  let recurrence: Recurrence | null = null;
  const onward = /(?:cac nam|nhung nam)\s+(?:tiep theo|sau)|tro di|hang nam|hang nam|moi nam/.test(key);
  if (/hang quy|moi quy|dinh ky quy/.test(key)) recurrence = 'quarterly';
  else if (/hang thang|moi thang/.test(key)) recurrence = 'monthly';
  else if (onward) recurrence = 'annual';
  else if (/thuong xuyen|lien tuc|suot|hang ngay/.test(key)) recurrence = 'ongoing';
  else if (CONDITIONAL.test(key) || /\bkhi\b.*(?:huong dan|yeu cau|chi dao|van ban)/.test(key)) recurrence = 'conditional';
  let from: number | null = null;
  let to: number | null = null;
  if (years.length > 0) {
    from = Math.min(...years);
    to = Math.max(...years);
    if (/^(?:den|toi)\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?\d{4}/.test(key) && years.length === 1) from = null;
    if (onward && years.length === 1) to = null;
    // "Tháng 01/2026 - Thường xuyên": from a date on, with no end.
    if (years.length === 1 && recurrence !== null && /\d{4}\D*\s-\s\D*$/.test(key)) to = null;
  }
  return { raw, from, to, recurrence };
}
