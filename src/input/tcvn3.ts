/**
 * TCVN3 (ABC): the 8-bit Vietnamese encoding of the `.VnTime` fonts, still
 * found in provincial files. Read as Latin-1 or Windows-1252 (a PDF whose
 * font is `.VnTime`, a Word file's text copied out), it gives mojibake:
 * "Uû ban nh©n d©n", "KÕ HO¹CH". Each byte is one letter, so converting it
 * keeps every character where it was and a record's line and column stay
 * right.
 *
 * The letters of bytes 0x80–0xFF, as TCVN 5712:1993 (VN1) sets them; TCVN3
 * (VN3) is its subset without the upper-case toned letters, which it leaves
 * to the upper-case fonts (`.VnTimeH`). Bytes 0xB0–0xB4 (VN1's combining
 * tone marks) are left as Latin-1 (°, ±, ², ³, ´): VN3 text does not use them.
 */
const HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ' + // 0x80
  'ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' + // 0x90
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' + // 0xA0
  '°±²³´àảãáạẲằẳẵắẴ' + // 0xB0
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' + // 0xC0
  'éẹềểễếệìỉỄẾỒĩíịò' + // 0xD0
  'ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ'; // 0xE0, 0xF0

// VN1's upper-case letters in control positions (bytes, not text read as Latin-1).
const LOW: Record<number, string> = { 0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ', 0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ' };

/** Letters only Vietnamese Unicode text has: ă, đ, ơ, ư (either case) and the toned letters of U+1EA0–U+1EF9. */
const VIETNAMESE_LETTER = '[\\u0102\\u0103\\u0110\\u0111\\u01a0\\u01a1\\u01af\\u01b0\\u1ea0-\\u1ef9]';
export const VIETNAMESE_ONLY = new RegExp(VIETNAMESE_LETTER, 'g');
/**
 * What TCVN3 read as Latin-1 is full of: the symbols of 0xA1–0xBF stand for
 * ă, â, ê, ô, ơ, ư, đ, à, á, ạ … (° ± ² ³ ´ left out: ordinary text has them).
 */
const HAS_VIETNAMESE = new RegExp(VIETNAMESE_LETTER);
const TCVN3_SIGNS = /[\u00a1-\u00af\u00b5-\u00bf]/g;

export interface Tcvn3Reading {
  text: string;
  /** Lines converted. */
  lines: number;
}

/**
 * Does this text (bytes read as Latin-1, or Unicode text holding TCVN3
 * mojibake) read as TCVN3? Many of its signs, of six kinds at least, and
 * few letters of Unicode Vietnamese: a Unicode plan with a "©" or "§" in it
 * is left alone.
 */
export function looksTcvn3(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const found = sample.match(TCVN3_SIGNS) ?? [];
  const signs = found.length;
  // many of them, and of many kinds (Vietnamese has them all; a "©" or "«»" here and there is not it)
  if (signs < 20 || new Set(found).size < 6) return false;
  const vietnamese = sample.match(VIETNAMESE_ONLY)?.length ?? 0;
  if (signs < 5 * vietnamese) return false;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return signs >= 0.02 * letters;
}

/** Bytes in TCVN3 (or VN1) to text. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j]!;
      chars[j] = b >= 0x80 ? HIGH[b - 0x80]! : (LOW[b] ?? String.fromCharCode(b));
    }
    out += chars.join('');
  }
  return upperCaseLines(out);
}

/**
 * Unicode text holding TCVN3 mojibake back to Vietnamese. Only lines with no
 * letter of Unicode Vietnamese are converted (a PDF can mix a `.VnTime` font
 * with a Unicode one). Characters U+0080–U+00FF are read as the bytes they
 * were; Windows-1252's “smart” punctuation (from bytes 0x80–0x9F) is kept.
 */
export function convertTcvn3Text(text: string): Tcvn3Reading {
  let lines = 0;
  const out = text.replace(/[^\n]+/g, (line) => {
    if (HAS_VIETNAMESE.test(line) || !/[\u0080-\u00ff]/.test(line)) return line;
    lines++;
    return upperCaseLine(line.replace(/[\u0080-\u00ff]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!));
  });
  return { text: out, lines };
}

function upperCaseLines(text: string): string {
  return text.replace(/[^\n]+/g, upperCaseLine);
}

/**
 * The upper-case fonts (`.VnTimeH`) draw the lower-case codes as capitals, so
 * a heading typed in one comes out "KÕ HO¹CH" → "Kế HOạCH", "ñY BAN" → "ủY
 * BAN". A word with a capital after its first letter ("HOạCH", "ủY") is made
 * capitals; so is a whole line with no small Latin letter and two words or
 * more with small Vietnamese ones ("Kế HOẠCH", "Xã XốP"). "Sè: 12/KH-UBND"
 * stays "Số": one such word.
 */
function upperCaseLine(line: string): string {
  if (!/[^\x00-\x7f]/.test(line)) return line;
  let smallWords = 0;
  const words = line.replace(/\p{L}+/gu, (word) => {
    if (!SMALL_VIETNAMESE.test(word)) return word;
    smallWords++;
    return /\p{Lu}/u.test(word.slice(1)) ? capitalsOf(word) : word;
  });
  return smallWords >= 2 && !/[a-z]/.test(line) ? capitalsOf(line) : words;
}

const SMALL_VIETNAMESE = /[^\x00-\x7f\P{Ll}]/u;

/** Upper case, keeping the length (every Vietnamese letter has a one-character capital). */
function capitalsOf(s: string): string {
  const up = s.toUpperCase();
  return up.length === s.length ? up : s;
}
