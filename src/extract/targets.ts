import { looseKey, tonalKey } from '../text/fold.js';

export type Comparator = '>=' | '>' | '<=' | '<' | '=' | 'range' | 'rank' | 'text';

export interface Target {
  raw: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

/** A target expression found inside a longer text; start/end index that text. */
export interface TargetMatch {
  start: number;
  end: number;
  target: Target;
  /** 3: a percentage, a comparison or a rank; 2: a count of something; 1: a qualifier. */
  strength: number;
}

/**
 * Vietnamese numbers: decimal comma ("1,5"), thousands dot ("1.000"), leading
 * zeros ("01"). "2.5" (a dot and one or two digits) is read as a decimal too.
 */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

// Everything below runs on looseKey(text): lower case, no diacritics, same length.
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;

const COMPARATOR_WORDS: [string, Comparator][] = [
  ['khong vuot qua', '<='], ['khong it hon', '>='], ['khong thap hon', '>='], ['khong nho hon', '>='],
  ['khong cao hon', '<='], ['khong lon hon', '<='], ['khong nhieu hon', '<='], ['khong duoi', '>='], ['khong qua', '<='],
  ['toi thieu', '>='], ['it nhat', '>='], ['toi da', '<='], ['cao hon', '>'], ['lon hon', '>'],
  ['thap hon', '<'], ['nho hon', '<'], ['tren', '>'], ['duoi', '<'], ['vuot', '>'], ['hon', '>'],
  ['≥', '>='], ['>=', '>='], ['=>', '>='], ['≤', '<='], ['<=', '<='], ['=<', '<='],
  ['>', '>'], ['<', '<'], ['=', '='], ['tu', '>='],
];
const CMP = COMPARATOR_WORDS.map(([w]) => w).join('|');
// Loose keys drop diacritics, so "tu" is "từ" but also "tử" ("điện tử 100%"), "dat" is "đạt" but
// also "đất", "duoi" is "dưới" but also "đuôi". A comparator word must be spelled as one.
const COMPARATOR_SPELLINGS = new Set([
  'không vượt quá', 'không ít hơn', 'không thấp hơn', 'không nhỏ hơn', 'không cao hơn', 'không lớn hơn', 'không nhiều hơn',
  'không dưới', 'không quá', 'tối thiểu', 'ít nhất', 'tối đa', 'cao hơn', 'lớn hơn',
  'thấp hơn', 'nhỏ hơn', 'trên', 'dưới', 'vượt', 'hơn', 'từ',
]);
const PRE_SPELLINGS = /^(?:phấn đấu\s+)?(?:đạt\s+)?$/;

function spelledAs(text: string, set: Set<string>): boolean {
  return set.has(tonalKey(text).replace(/\s+/g, ' ').trim());
}

// Nouns that say what a bare number counts: "có 02 doanh nghiệp", "05 dự án".
export const COUNT_NOUNS = [
  'doanh nghiep', 'dn', 'du an', 'sang kien', 'mo hinh', 'san pham', 'ho gia dinh', 'ho', 'luot', 'lop', 'to dan pho', 'khu pho', 'khom', 'tuyen pho', 'tuyen duong', 'ban', 'lang',
  'co so', 'truong', 'thon', 'ap', 'xa', 'nguoi', 'can bo', 'hoc sinh', 'giao vien', 'ty dong', 'trieu dong',
  'dong', 'km', 'ha', 'he thong', 'nen tang', 'ung dung', 'csdl', 'co so du lieu', 'diem', 'giai phap', 'bai',
  'de tai', 'sang che', 'nhiem vu', 'tai khoan', 'thiet bi', 'camera', 'tram', 'cot', 'to', 'cau lac bo', 'clb',
  'hop tac xa', 'htx', 'chuong trinh', 'cuoc thi', 'hoi nghi', 'video', 'tin', 'bai viet', 'dich vu', 'thu tuc',
  'ho so', 'trung tam', 'phong', 'diem truy cap', 'chuyen gia', 'nha khoa hoc', 'start-up', 'startup', 'tap the',
  'ca nhan', 'gian hang', 'don vi', 'co quan', 'to chuc', 'van ban', 'buoi', 'dot', 'cuoc', 'lan', 'ket noi',
  'thanh vien', 'hoi vien', 'doan vien', 'xom', 'cum', 'dia diem', 'website', 'trang thong tin', 'ho kinh doanh', 'tieu thuong',
  'khu du lich', 'diem du lich', 'cho', 'sieu thi', 'cua hang', 'nha van hoa', 'thiet che', 'bac',
];
const NOUNS = [...COUNT_NOUNS].sort((a, b) => b.length - a.length).join('|');
// Qualifiers, not targets: "tốc độ trên 01 Gbps", "từ 15 tuổi", "mức 2", "01 vạn dân".
const SPEED_UNITS = 'gbps|mbps|kbps|gb\\/s|mb\\/s|kb\\/s|gbit\\/s|mbit\\/s';
const NOT_TARGET_AFTER = /^\s*(?:tuoi|thang|ngay|gio|phut|giay|van dan|nghin dan|lan thu|nam (?:tro|qua|toi|gan)|nam\b(?! \d))/;
const NOT_TARGET_BEFORE = /(?:^|[^\p{L}])(?:nam|ngay|thang|so|de an|muc|cap do|cap|do|quy|giai doan|khoa|lan thu|lan|dieu|khoan|phu luc|ke hoach|nghi quyet|quyet dinh|chi thi|thong tu|nghi dinh|muc tieu|chuong|phan|tieu chi|hang|version|phien ban|lop|tang|tu \d+ den)\s*$/u;

const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,])` +
    String.raw`(?:(?<pre>(?:phan dau\s+)?(?:dat\s+)?)(?<cmp>${CMP})\s*)?` +
    String.raw`(?<num>${NUM})(?![\p{N}]|[\p{L}](?!bps|b\/s))\s*(?<pct>%|‰|phan tram)?` +
    String.raw`(?:\s*(?:-|den|toi|~)\s*(?<num2>${NUM})(?![\p{N}])\s*(?<pct2>%|‰)?)?` +
    String.raw`(?:\s*(?<after>${SPEED_UNITS}|${NOUNS})(?![\p{L}\p{N}]))?` +
    String.raw`(?:\s+(?<qual>(?:\p{L}+\s+){0,3}?)(?<tro>tro len|tro xuong)(?![\p{L}]))?`,
  'dgu',
);
// "Top 20", "Tốp 25 của tỉnh", "Phấn đấu đứng top 20 toàn tỉnh", "đạt Top 10 của tỉnh", "xếp thứ 3".
const RANK = /(?<![\p{L}\p{N}])(?:(?:phan dau\s+)?(?:dung\s+|xep\s+|lot vao\s+|thuoc\s+|dat\s+|vao\s+)?(?:(?:trong\s+)?(?:top|nhom)\s*(?<n>\d{1,3})|(?:thu|hang)\s+(?<m>\d{1,3})(?=\s|$)))(?![\p{L}\p{N}])(?:\s+(?:cua|toan|trong|cap)\s+(?:tinh|huyen|ca nuoc|khu vuc|thanh pho|vung)(?![\p{L}]))?/gu;
// "đạt 100%", "phấn đấu đạt 3%": the verb belongs to the target's raw text.
const DAT = /(?:^|\s)((?:phan dau\s+)?dat(?:\s+muc)?)\s*$/;
const SPEED = new RegExp(`^(?:${SPEED_UNITS})$`);

function comparatorOf(word: string | undefined, tro: string | undefined, hasRange: boolean): Comparator {
  if (hasRange) return 'range';
  if (tro === 'tro len') return '>=';
  if (tro === 'tro xuong') return '<=';
  if (!word) return '=';
  const w = word.replace(/\s+/g, ' ');
  for (const [k, c] of COMPARATOR_WORDS) if (k === w) return c;
  return '=';
}

export interface ScanOptions {
  /** In prose, skip numbers that are dates, document numbers, ages, levels. */
  prose: boolean;
}

/** Every target expression in `text`, in order. */
export function scanTargets(text: string, options: ScanOptions = { prose: true }): TargetMatch[] {
  const key = looseKey(text);
  const out: TargetMatch[] = [];
  RANK.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = RANK.exec(key))) {
    const n = Number(r.groups!['n'] ?? r.groups!['m']);
    // "thứ 2" counts only after "đứng"/"xếp"; "nhóm 5" only with "top"/"trong".
    if (r.groups!['m'] && !/(?:dung|xep)\s/.test(r[0])) continue;
    if (/nhom/.test(r[0]) && !/trong|top/.test(r[0])) continue;
    // "đạt" is only "đạt" when spelled so ("đất" is land).
    if (/(?:^|\s)dat\s/.test(r[0]) && !/đạt/iu.test(text.slice(r.index, r.index + r[0].length))) continue;
    out.push({
      start: r.index,
      end: r.index + r[0].length,
      target: { raw: text.slice(r.index, r.index + r[0].length), comparator: 'rank', value: n, valueMax: null, unit: null },
      strength: 3,
    });
  }
  QUANTITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUANTITY.exec(key))) {
    let g = m.groups!;
    const ix = m.indices!.groups!;
    let start = m.index;
    // A comparator word that is only spelled like one: read the number without it.
    const cmpAt = ix['cmp'];
    if (cmpAt && /^\p{L}/u.test(g['cmp']!) && !spelledAs(text.slice(cmpAt[0], cmpAt[1]), COMPARATOR_SPELLINGS)) {
      QUANTITY.lastIndex = ix['num']![0];
      continue;
    }
    if (ix['pre'] && g['pre'] && !PRE_SPELLINGS.test(tonalKey(text.slice(ix['pre'][0], ix['pre'][1])))) {
      g = { ...g, pre: "" };
      start = cmpAt ? cmpAt[0] : ix['num']![0];
    }
    const [, numEnd] = ix['num']!;
    // Where the number part ends: after "%", the second number of a range, its "%".
    const numberPartEnd = Math.max(numEnd, ix['pct']?.[1] ?? 0, ix['num2']?.[1] ?? 0, ix['pct2']?.[1] ?? 0);
    const matchEnd = m.index + m[0].trimEnd().length;
    if (out.some((o) => start < o.end && matchEnd > o.start)) continue;
    const nextChars = key.slice(numEnd, numEnd + 12);
    // Document numbers and dates: "57-NQ/TW", "71/NQ-CP", "22/12/2024", "22-12-2024".
    if (/^\s?[-/]\s?[a-z]/.test(nextChars) || /^\/\d/.test(nextChars) || /^-\d{1,2}-\d/.test(nextChars)) continue;
    if (/^g(?![\p{L}])/u.test(nextChars)) continue; // "5G"
    const value = parseNumber(g['num']!);
    if (value === null) continue;
    const hasRange = g['num2'] !== undefined;
    const pct = Boolean(g['pct'] || g['pct2']);
    const after = g['after'];
    const isSpeed = after !== undefined && SPEED.test(after);
    let strength = 0;
    if (pct) strength = 3;
    else if (g['cmp'] && g['cmp'] !== 'tu') strength = 3;
    else if (g['cmp'] === 'tu' && (g['tro'] || hasRange)) strength = 3;
    else if (after) strength = 2;
    if (isSpeed) strength = 1;
    if (options.prose) {
      // Years are never targets in prose; nor are ages, durations, levels, clause numbers.
      if (!pct && !after && value >= 1900 && value <= 2100 && Number.isInteger(value)) continue;
      if (!pct && NOT_TARGET_AFTER.test(key.slice(numberPartEnd))) continue;
      const before = key.slice(Math.max(0, start - 24), start);
      // ("tầng 3" is no target; "tăng ít nhất 05 bậc", the same letters, is one.)
      if (!pct && NOT_TARGET_BEFORE.test(before) && !(g['cmp'] && g['cmp'] !== 'tu' && /(?:^|[^\p{L}])tang\s*$/u.test(before))) continue;
      if (strength === 0) continue;
    }
    const windowStart = Math.max(0, start - 20);
    const dat = DAT.exec(key.slice(windowStart, start));
    if (dat && !g['pre']) {
      const at = windowStart + key.slice(windowStart, start).lastIndexOf(dat[1]!);
      if (PRE_SPELLINGS.test(tonalKey(text.slice(at, start)).replace(/\s+/g, ' ').trimStart())) start = at;
    }
    // In prose a counted noun stays in the name: "≥ 02 | doanh nghiệp khởi nghiệp".
    let end = matchEnd;
    if (options.prose && after && !isSpeed && !g['tro']) end = numberPartEnd;
    let unit: string | null = null;
    if (g['pct'] || g['pct2']) unit = '%';
    else if (after) {
      const [a, b] = ix['after']!;
      unit = text.slice(a, b);
    }
    out.push({
      start,
      end,
      target: {
        raw: text.slice(start, end).trim(),
        comparator: comparatorOf(g['cmp']?.trim(), g['tro'], hasRange),
        value,
        valueMax: hasRange ? parseNumber(g['num2']!) : null,
        unit,
      },
      strength,
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// Words that may come before the number in a target cell: "Phấn đấu đạt 3%", "Đứng top 20".
const CELL_LEAD = /^(?:(?:phan dau|dat|dung|xep|xep hang|khoang|muc|trong|duy tri|giu vung|tang|giam)\s+)*$/;

function opensCell(raw: string, start: number): boolean {
  return start === 0 || (start <= 24 && CELL_LEAD.test(looseKey(raw.slice(0, start))));
}

/**
 * Read a table cell that holds a target: "≥  20%", "100%.", "Tốp 25 của tỉnh",
 * "Phấn đấu đạt 3%", "> 80", "15-17%", "Tiên tiến, hiện đại" (qualitative).
 * `raw` is the whole cell as written (white space collapsed).
 */
export function readTarget(cell: string): Target | null {
  const raw = cell.replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  const found = scanTargets(raw, { prose: false });
  const first = found[0];
  // The expression must open the cell (after "Phấn đấu", "Đạt", "Đứng").
  if (first && opensCell(raw, first.start)) {
    return { ...first.target, raw };
  }
  return { raw, comparator: 'text', value: null, valueMax: null, unit: null };
}

/** How strongly a cell reads as a target: used to tell a target cell from its neighbours. */
export function targetCellScore(cell: string): number {
  return readTargetCell(cell).score;
}

/**
 * How strongly a cell reads as a target (0, 2 or 3), and how many words
 * follow the target expression ("≥ 80% vụ hành chính": 3; a target cell
 * rarely goes on after its figure and unit).
 */
export function readTargetCell(cell: string): { score: number; rest: number } {
  const raw = cell.trim();
  if (!raw) return { score: 0, rest: 0 };
  const found = scanTargets(raw, { prose: false });
  const first = found[0];
  if (!first || !opensCell(raw, first.start)) return { score: 0, rest: 0 };
  const rest = raw.slice(first.end).trim();
  return {
    score: first.target.comparator === 'rank' || first.strength >= 2 ? 3 : 2,
    rest: rest && /[\p{L}\p{N}]/u.test(rest) ? rest.split(/\s+/).length : 0,
  };
}
