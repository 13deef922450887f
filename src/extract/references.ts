import { looseKey } from '../text/fold.js';

export interface DocumentRef {
  number: string;
  type: string | null;
  date: string | null;
  issuer: string | null;
}

// Type codes inside document numbers: 57-NQ/TW, 71/NQ-CP, 179/2025/NĐ-CP.
const TYPE_CODES: Record<string, string> = {
  NQ: 'nghị quyết', KH: 'kế hoạch', NĐ: 'nghị định', QĐ: 'quyết định', TB: 'thông báo', CTR: 'chương trình',
  TT: 'thông tư', CT: 'chỉ thị', KL: 'kết luận', HD: 'hướng dẫn', CV: 'công văn', ĐA: 'đề án', QC: 'quy chế',
  QĐI: 'quy định', QĐINH: 'quy định', BC: 'báo cáo', TTR: 'tờ trình', L: 'luật', PL: 'pháp lệnh',
};
// Type words written before a number, as loose keys, longest first.
const TYPE_WORDS: [string, string][] = [
  ['ke hoach hanh dong', 'kế hoạch'], ['chuong trinh hanh dong', 'chương trình'], ['nghi quyet', 'nghị quyết'],
  ['ke hoach', 'kế hoạch'], ['quyet dinh', 'quyết định'], ['nghi dinh', 'nghị định'], ['thong tu', 'thông tư'],
  ['chi thi', 'chỉ thị'], ['ket luan', 'kết luận'], ['thong bao', 'thông báo'], ['chuong trinh', 'chương trình'],
  ['cong van', 'công văn'], ['huong dan', 'hướng dẫn'], ['de an', 'đề án'], ['quy dinh', 'quy định'], ['luat', 'luật'],
];

// "57-NQ/TW", "71/NQ-CP", "179/2025/NĐ-CP", "02-KH/BCĐTW", "89- CTr/TU", "17-TB/CQTTBCĐ"; a
// law of the National Assembly, "72/2025/QH15".
const NUMBER = /(?<![\p{L}\p{N}/])(\d{1,5}(?:\/\d{4})?)\s?([-/])\s?((?:\p{Lu}[\p{L}]{0,7})(?:[-/]\p{Lu}[\p{L}\p{N}]{0,11}){1,3}|(?<=\d{4}\/)QH\d{1,2})(?![\p{L}\p{N}])/gu;
// OCR reads "1" as "l" or "I" and "0" as "O" now and then: "ngày 0l/4/2025".
const DATE_NUMERIC = /^[,\s]*(?:ngày\s+){1,2}(\d[\dlIoO]?|[lIoO]\d)\s*[/\-.]\s*(\d[\dlIoO]?|[lIoO]\d)\s*[/\-.]\s*(\d{4})/iu;
const ocrDigits = (s: string) => s.replace(/[lI]/g, '1').replace(/[oO]/g, '0');
const DATE_WORDS = /^[,\s]*(?:ngày\s+){1,2}(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
// "của Bộ Chính trị về …", "của Ban Thường vụ Tỉnh ủy Đồng Nai về việc …".
const ISSUER = /^[,\s]*(?:\([^)]{0,80}\)\s*)?(?:,\s*)?của\s+(.{2,120}?)(?=\s+(?:về|thực hiện|triển khai|sửa đổi|ban hành|quy định|phê duyệt|hướng dẫn|đối với|tại|trên|nhằm|và\s+(?:Kế hoạch|Nghị quyết|Quyết định|Chương trình))(?![\p{L}])|[,;.:(“"]|$)/u;

export function isoDate(d: string | number, m: string | number, y: string | number): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function typeFromCode(code: string): string | null {
  const first = code.split(/[-/]/)[0]!.toUpperCase();
  return TYPE_CODES[first] ?? null;
}

/** The documents a passage cites, each once (the first mention that gives a date or issuer wins). */
export function readReferences(text: string): DocumentRef[] {
  const out: DocumentRef[] = [];
  const key = looseKey(text);
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text))) {
    const [whole, num, sep, code] = m as unknown as [string, string, string, string];
    // A date "22/12/2024" or a ratio is not a document number; codes are capitals.
    if (!/\p{Lu}{2}|\p{Lu}[A-Za-z]*\/|\//u.test(code) || /^\d{1,2}$/.test(code)) continue;
    const number = `${num}${sep}${code}`;
    const before = key.slice(Math.max(0, m.index - 30), m.index).replace(/\s+so\s*:?\s*$|\s+$/, '');
    let type: string | null = null;
    for (const [w, t] of TYPE_WORDS) if (before.endsWith(w)) {
      type = t;
      break;
    }
    // "Luật Tổ chức chính quyền địa phương số 72/2025/QH15": a law of the National Assembly,
    // its name between the word and the number.
    if (type === null && /^QH\d/.test(code) && /\bluat\b/.test(key.slice(Math.max(0, m.index - 120), m.index))) type = 'luật';
    type ??= typeFromCode(code);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 200);
    let date: string | null = null;
    let rest = after;
    const dn = DATE_NUMERIC.exec(after) ?? DATE_WORDS.exec(after);
    if (dn) {
      date = isoDate(ocrDigits(dn[1]!), ocrDigits(dn[2]!), dn[3]!);
      rest = after.slice(dn[0].length);
    }
    const iss = ISSUER.exec(rest);
    const issuer = iss ? iss[1]!.trim().replace(/\s+/g, ' ') : null;
    const existing = out.find((r) => r.number === number);
    if (existing) {
      existing.date ??= date;
      existing.issuer ??= issuer;
      existing.type ??= type;
      continue;
    }
    out.push({ number, type, date, issuer });
  }
  return out;
}
