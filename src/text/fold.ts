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

export function looseKey(s: string): string {
  let out = '';
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 || (code >= 65 && code <= 90)) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  const parts: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      // Keep surrogate pairs as they are: two units in, two units out.
      parts.push(s.slice(i, i + 2));
      i++;
      continue;
    }
    parts.push(looseChar(s[i]!));
  }
  out = parts.join('');
  return out;
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
  for (const ch of s) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  return upper > 0 && lower <= Math.max(0, Math.floor(upper / 20));
}

/** Starts with an upper-case letter (after any opening quote or bracket). */
export function startsUpper(s: string): boolean {
  const m = /\p{L}/u.exec(s);
  if (!m || m.index > 2) return false;
  const c = m[0];
  return c !== c.toLowerCase();
}
