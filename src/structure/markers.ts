import type { Line } from '../normalize/lines.js';
import { isUpperText } from '../text/fold.js';
import { EMOJI_BULLET } from '../normalize/chat.js';

/** How an item is numbered. Decimal depth counts the parts: "1." is 1, "2.1." is 2. */
export type MarkerStyle = 'annex' | 'part' | 'roman' | 'upper' | 'decimal' | 'letter' | 'paren' | 'bullet';

export interface Marker {
  style: MarkerStyle;
  /** decimal: number of parts; bullet: 1 for "-", 2 for "+", 3 for others. */
  depth: number;
  /** As written, without punctuation: "I", "2.1", "a", "1" for "(1)", "-" for a bullet. */
  numbering: string;
  /** Numeric value of each part, for sequence checks: "2.1" → [2, 1], "IV" → [4]. */
  ordinal: number[];
  /** Where the item's own text starts in the line. */
  textStart: number;
}

export interface MarkerDetector {
  name: string;
  detect(line: Line): Marker | null;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanValue(s: string): number | null {
  const up = s.toUpperCase();
  if (!/^[IVXL]{1,7}$/.test(up)) return null;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN_VALUES[up[i]!]!;
    const next = ROMAN_VALUES[up[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  // Reject non-canonical forms such as "IIII" or "VV".
  return toRoman(total) === up ? total : null;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

// Vietnamese alphabetical order for "a)", "b)", … "đ)" comes after "d)".
const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const PLAIN_LETTERS = 'abcdđeghiklmnopqrstuvxy';
export function letterValue(c: string): number {
  const i = PLAIN_LETTERS.indexOf(c.toLowerCase());
  return i >= 0 ? i + 1 : LETTERS.indexOf(c.toLowerCase()) + 1;
}

/** The annex marker of a heading matched by `m`, whose group 1 is its label ("01", "II", "a") if any. */
function annexMarker(line: Line, m: RegExpExecArray): Marker {
  const label = m[1] ? line.text.slice(m[0].indexOf(m[1]), m[0].indexOf(m[1]) + m[1].length) : '';
  const ordinal = label ? (/^\d+$/.test(label) ? Number(label) : romanValue(label) ?? letterValue(label)) : 0;
  return { style: 'annex', depth: 0, numbering: label, ordinal: [ordinal], textStart: m[0].length };
}

// "PHỤ LỤC I", "PHỤ LỤC SỐ 01: CÁC CHỈ TIÊU …", "PHỤ LỤC", "Phụ lục II"; a form of the
// plan's, "Biểu 01", "Biểu số 02", "BIỂU MẪU 1" (with its number: "Biểu dương …" is prose).
export const annexHeading: MarkerDetector = {
  name: 'annex',
  detect(line) {
    const form = /^bieu(?:\s+mau)?\s+(?:so\s*)?([0-9]{1,3}|[ivxl]{1,6})\b\s*[:.\-–]?\s*/.exec(line.key);
    if (form) {
      const rest = line.text.slice(form[0].length);
      return rest === '' || isUpperText(rest) ? annexMarker(line, form) : null;
    }
    const m = /^phu luc(?:\s+(?:so\s*)?([0-9]{1,3}|[ivxl]{1,6}|[a-z])\b)?\s*[:.\-–]?\s*/.exec(line.key);
    if (!m) return null;
    const head = line.text.slice(0, 7);
    const rest = line.text.slice(m[0].length);
    // In prose "Phụ lục kèm theo …" is not a heading: want capitals, or a bare label.
    if (!isUpperText(head) && !(m[1] && (rest === '' || isUpperText(rest)))) return null;
    if (rest && !isUpperText(rest) && !/^[(“"]/.test(rest)) return null;
    return annexMarker(line, m);
  },
};

// "PHẦN I", "Phần thứ nhất", "CHƯƠNG II".
const ORDINAL_WORDS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
export const partHeading: MarkerDetector = {
  name: 'part',
  detect(line) {
    const m = /^(phan|chuong)\s+(thu\s+(nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|[ivxl]{1,6}|\d{1,2})\b\s*[:.\-–]?\s*/.exec(line.key);
    if (!m) return null;
    if (!isUpperText(line.text.slice(0, 4)) && !m[3]) return null;
    const label = line.text.slice(m[1]!.length, m[0].length).replace(/[:.\-–\s]+$/, '').trim();
    const ordinal = m[3] ? ORDINAL_WORDS[m[3]]! : /^\d/.test(m[2]!) ? Number(m[2]) : romanValue(m[2]!) ?? 0;
    return { style: 'part', depth: 0, numbering: label, ordinal: [ordinal], textStart: m[0].length };
  },
};

// "I. MỤC ĐÍCH, YÊU CẦU", "II- NHIỆM VỤ", "IV – TỔ CHỨC THỰC HIỆN", "III/ …".
export const romanHeading: MarkerDetector = {
  name: 'roman',
  detect(line) {
    const m = /^([IVXL]{1,7})\s*([.\-–:)\/])\s*/.exec(line.text);
    if (!m) return null;
    const value = romanValue(m[1]!);
    if (!value || value > 39) return null;
    const rest = line.text.slice(m[0].length);
    // "V. Lê Văn A" is an initial; a part heading starts with a capital letter.
    if (rest && !/^[\p{Lu}"“(]/u.test(rest)) return null;
    return { style: 'roman', depth: 0, numbering: m[1]!, ordinal: [value], textStart: m[0].length };
  },
};

// "A. MỤC TIÊU" (capitals only, to stay clear of initials).
export const upperLetterHeading: MarkerDetector = {
  name: 'upper',
  detect(line) {
    const m = /^([A-DĐ])\s*[.)]\s+/.exec(line.text);
    if (!m) return null;
    const rest = line.text.slice(m[0].length);
    if (rest.length < 4 || !isUpperText(rest)) return null;
    return { style: 'upper', depth: 0, numbering: m[1]!, ordinal: [letterValue(m[1]!)], textStart: m[0].length };
  },
};

// "1. Mục đích", "2.1. Đến hết năm 2025", "1.1 Về …", "3) …", "1.Mục tiêu".
export const decimalHeading: MarkerDetector = {
  name: 'decimal',
  detect(line) {
    const m = /^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\))?(?:\s+|$|(?=[\p{Lu}“"(]))/u.exec(line.text);
    if (!m) return null;
    const parts = m[1]!.split('.');
    // A bare "12 …" is a table row or a wrapped number, not a heading.
    if (parts.length === 1 && !m[2]) return null;
    const rest = line.text.slice(m[0].length);
    // "2." alone: its heading is on the next line (pdf.js breaks lines there). A bare "2" is a page number.
    if (!rest && m[2] !== '.' && m[2] !== ')') return null;
    // "1.000 người", "2.5%": numbers, not numbering; nor is "4.0" ("chợ" / "4.0 tại chợ …"): parts count from 1.
    if (/^[%‰]/.test(rest)) return null;
    if (parts.slice(1).some((p) => Number(p) === 0)) return null;
    return {
      style: 'decimal',
      depth: parts.length,
      numbering: m[1]!,
      ordinal: parts.map(Number),
      textStart: m[0].length,
    };
  },
};

// "Nhóm nhiệm vụ thứ nhất: Nâng cao nhận thức …", "Giải pháp thứ hai: …": a numbered heading
// with its number in words. Read as "1.", "2.": the group of the items under it.
const WORD_ORDINALS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
export const wordOrdinalHeading: MarkerDetector = {
  name: 'word-ordinal',
  detect(line) {
    const m = /^(?:nhom\s+)?(?:nhiem vu|giai phap|nhiem vu, giai phap|noi dung)\s+thu\s+(nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)\s*[:.\-–]\s*/.exec(line.key);
    if (!m || m[0].length >= line.text.length) return null;
    const n = WORD_ORDINALS[m[1]!]!;
    return { style: 'decimal', depth: 1, numbering: String(n), ordinal: [n], textStart: m[0].length };
  },
};

// "a) Phát triển hạ tầng", "đ) …", "b. …".
export const letteredHeading: MarkerDetector = {
  name: 'letter',
  detect(line) {
    const m = /^([a-zđ])(\)|\.(?=\s))\s*/.exec(line.text);
    if (!m) return null;
    const rest = line.text.slice(m[0].length);
    if (!rest) return null;
    // "a. " followed by lower case is usually prose ("v.v. …").
    if (m[2] === '.' && !/^[\p{Lu}"“]/u.test(rest)) return null;
    return { style: 'letter', depth: 0, numbering: m[1]!, ordinal: [letterValue(m[1]!)], textStart: m[0].length };
  },
};

// "(1) Tỷ lệ phủ sóng 5G …", "(a) …".
export const parenItem: MarkerDetector = {
  name: 'paren',
  detect(line) {
    const m = /^\((\d{1,3}|[a-zđ])\)\s*/.exec(line.text);
    if (!m) return null;
    if (m[0].length === line.text.length) return null;
    const label = m[1]!;
    const ordinal = /^\d/.test(label) ? Number(label) : letterValue(label);
    return { style: 'paren', depth: 0, numbering: label, ordinal: [ordinal], textStart: m[0].length };
  },
};

// "- …", "+ …", "• …", "* …" (Markdown), "🔹 …" (a chat), and "- " alone on a line (a table sub-row in PDF text).
export const bulletItem: MarkerDetector = {
  name: 'bullet',
  detect(line) {
    const emoji = EMOJI_BULLET.exec(line.text);
    // "🔹 Số hóa hồ sơ …", "✅ …" (a chat's bullets): marked as written
    if (emoji) return { style: 'bullet', depth: 3, numbering: emoji[1]!.replace(/\ufe0f/g, ''), ordinal: [], textStart: emoji[0].length };
    const m = /^(?:([-–—+•·▪►●○■□✓❖➢➤◦∙])(?:\s+|$|(?=[\p{Lu}\p{Ll}]))|(\*)\s+)/u.exec(line.text);
    if (!m) return null;
    const c = (m[1] ?? m[2])!;
    // "-5%" or "–2025" are numbers; "--" is decoration.
    if (/^[-–—][\d-]/.test(line.text)) return null;
    const depth = c === '+' ? 2 : c === '-' || c === '–' || c === '—' ? 1 : 3;
    return { style: 'bullet', depth, numbering: c === '–' || c === '—' ? '-' : c, ordinal: [], textStart: m[0].length };
  },
};

/** Detectors in the order they are tried; the first that matches wins. */
export const markerDetectors: MarkerDetector[] = [
  annexHeading, //       "PHỤ LỤC I", "PHỤ LỤC SỐ 01: …"
  partHeading, //        "PHẦN I", "Phần thứ nhất"
  romanHeading, //       "I. MỤC ĐÍCH, YÊU CẦU", "II- NHIỆM VỤ"
  upperLetterHeading, // "A. MỤC TIÊU"
  decimalHeading, //     "1. Mục đích", "2.1. Đến hết năm 2025"
  wordOrdinalHeading, // "Nhóm nhiệm vụ thứ nhất: …"
  letteredHeading, //    "a) Phát triển hạ tầng"
  parenItem, //          "(1) Tỷ lệ phủ sóng 5G …"
  bulletItem, //         "- …", "+ …"
];

export function detectMarker(line: Line): Marker | null {
  for (const d of markerDetectors) {
    const m = d.detect(line);
    if (m) return m;
  }
  return null;
}
