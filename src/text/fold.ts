/**
 * Keys for matching Vietnamese text. Every key has exactly the length of the
 * text it was made from (one character for one character), so an index found
 * in a key is an index into the text.
 *
 * - `looseKey`: lower case, diacritics and tone marks removed, `đ` → `d`,
 *   dashes → `-`, curly quotes → straight ones. "THỤC HIỆN" and "THỰC HIỆN"
 *   share the key "thuc hien"; so do "hoà" and "hòa".
 * - `tonalKey`: lower case with tone marks moved to one placement
 *   (`foldTonePlacement`), other diacritics kept: "bàn" and "Ban" differ.
 */

import { foldTonePlacement } from '../normalize/tone.js';

const looseCache = new Map<string, string>();

function looseChar(c: string): string {
  let r = looseCache.get(c);
  if (r !== undefined) return r;
  r = c;
  const code = c.charCodeAt(0);
  if (c === 'đ' || c === 'Đ' || c === 'Ð' || c === 'ð') r = 'd';
  else if (c === '–' || c === '—' || c === '−' || c === '‐' || c === '‑' || c === '‒') r = '-';
  else if (c === '“' || c === '”' || c === '„' || c === '«' || c === '»') r = '"';
  else if (c === '‘' || c === '’' || c === '‚') r = "'";
  else if (code >= 0x80 && /\p{L}/u.test(c)) {
    const base = c.normalize('NFD')[0] ?? c;
    const lower = base.toLowerCase();
    r = lower.length === 1 ? lower : base;
    if (/\p{M}/u.test(r)) r = c;
  } else {
    const lower = c.toLowerCase();
    r = lower.length === 1 ? lower : c;
  }
  looseCache.set(c, r);
  return r;
}

// looseChar by UTF-16 code, filled in as characters are met (0: not yet known).
const LOOSE = new Uint16Array(0x10000);
let codes = new Uint16Array(256);
const utf16 = new TextDecoder('utf-16le');

function looseCode(code: number): number {
  let r = LOOSE[code]!;
  if (r === 0) {
    r = looseChar(String.fromCharCode(code)).charCodeAt(0);
    LOOSE[code] = r;
  }
  return r;
}

export function looseKey(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 || (code >= 65 && code <= 90)) break;
  }
  if (i === n) return s;
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  for (let j = 0; j < i; j++) codes[j] = s.charCodeAt(j);
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    // Surrogate pairs stay as they are: two units in, two units out.
    codes[i] = code >= 0xd800 && code <= 0xdfff ? code : code < 0x80 ? (code >= 65 && code <= 90 ? code + 32 : code) : looseCode(code);
  }
  if (n <= 64) {
    let out = '';
    for (let j = 0; j < n; j++) out += String.fromCharCode(codes[j]!);
    return out;
  }
  return utf16.decode(codes.subarray(0, n));
}

export function tonalKey(s: string): string {
  const folded = foldTonePlacement(s);
  let out = '';
  for (const ch of folded) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** True when the text's letters are (nearly) all upper case: "KẾ HOẠCH", "PHỤ LỤC II". */
export function isUpperText(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Surrogate pairs (letters outside the BMP) count as neither.
    const c = code >= 0xd800 && code <= 0xdfff ? 3 : caseCode(code);
    if (c === 1) upper++;
    else if (c === 2) lower++;
  }
  return upper > 0 && lower <= Math.max(0, Math.floor(upper / 20));
}

// The case of each UTF-16 code, filled in as codes are met: 0 not yet known, 1 upper, 2 lower, 3 neither.
const CASE = new Uint8Array(0x10000);

function caseCode(code: number): number {
  let c = CASE[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 3;
    CASE[code] = c;
  }
  return c;
}

/** Starts with an upper-case letter (after any opening quote or bracket). */
export function startsUpper(s: string): boolean {
  // The first letter, if it is among the first three characters.
  const n = Math.min(s.length, 3);
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return startsUpperSlow(s);
    if (isLetterCode(code)) return caseCode(code) === 1;
  }
  return false;
}

/** startsUpper for text that opens with characters outside the BMP. */
function startsUpperSlow(s: string): boolean {
  const m = /\p{L}/u.exec(s);
  if (!m || m.index > 2) return false;
  const c = m[0];
  return c !== c.toLowerCase();
}

// What each UTF-16 code is, filled in as codes are met: 0 not yet known, else KNOWN with
// LETTER (\p{L}) and DIGIT (\p{N}) set as they hold.
const KNOWN = 1;
const LETTER = 2;
const DIGIT = 4;
const CHAR_CLASS = new Uint8Array(0x10000);

function charClass(code: number): number {
  let c = CHAR_CLASS[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? DIGIT : 0);
    CHAR_CLASS[code] = c;
  }
  return c;
}

/** The UTF-16 code is a letter (\p{L}); a lone surrogate is not. */
export function isLetterCode(code: number): boolean {
  return (charClass(code) & LETTER) !== 0;
}

/** The UTF-16 code is a letter or a digit ([\p{L}\p{N}]); a lone surrogate is neither. */
export function isWordCode(code: number): boolean {
  return (charClass(code) & (LETTER | DIGIT)) !== 0;
}

// Whether each UTF-16 code is white space as /\s/ has it: 0 not yet known, 1 yes, 2 no.
const SPACE = new Uint8Array(0x10000);

/** The UTF-16 code is white space (\s). */
export function isSpaceCode(code: number): boolean {
  let c = SPACE[code]!;
  if (c === 0) {
    c = /\s/.test(String.fromCharCode(code)) ? 1 : 2;
    SPACE[code] = c;
  }
  return c === 1;
}

/** `s` holds a letter (\p{L}), as /\p{L}/u finds one. */
export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return /\p{L}/u.test(s);
    if (isLetterCode(code)) return true;
  }
  return false;
}

/** The letters that end `s` (\p{L}, as /(\p{L}+)$/u finds them), or '' when it does not end on a letter. */
export function trailingLetters(s: string): string {
  let i = s.length;
  while (i > 0) {
    const code = s.charCodeAt(i - 1);
    if (code >= 0xdc00 && code <= 0xdfff && i >= 2) {
      // A letter outside the BMP: its two units together.
      if (!/^\p{L}$/u.test(s.slice(i - 2, i))) break;
      i -= 2;
      continue;
    }
    if (!isLetterCode(code)) break;
    i--;
  }
  return s.slice(i);
}
