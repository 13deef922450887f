import { franc } from 'franc';
import { InputError } from './errors.js';
import { decodeTcvn3, looksTcvn3, VIETNAMESE_ONLY } from './tcvn3.js';
import { decodeVni, looksVni } from './vni.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
  /** The encoding was told from the bytes, not by a BOM or the caller: not UTF-8, it read as a legacy Vietnamese one. */
  guessed?: boolean;
}

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // UTF-16 without a BOM: Vietnamese text in UTF-16 has a zero in every other
  // byte for its ASCII letters, spaces and digits.
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function controlRatio(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/** Share of letters only Vietnamese has (ă, đ, ơ, ư, the toned ones) in a Vietnamese text: 10–20%. */
function vietnameseShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const own = text.match(VIETNAMESE_ONLY)?.length ?? 0;
  return letters === 0 ? 0 : own / letters;
}

/**
 * Bytes that are not UTF-8 read as a legacy Vietnamese encoding: TCVN3
 * (`.VnTime` fonts) when they are full of its letters' codes, VNI (`VNI-Times`
 * fonts) when they are full of its marks, else Windows-1258 when that gives
 * Vietnamese (it writes most tones as combining marks, composed here).
 */
function legacyGuess(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  const sample = bytes.subarray(0, 200_000);
  if (looksTcvn3(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1'))) return { text: decodeTcvn3(bytes), encoding: 'tcvn3' };
  if (looksVni(new TextDecoder('windows-1252').decode(sample))) return { text: decodeVni(bytes), encoding: 'vni' };
  const text = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  if (controlRatio(text) > 0.01 || vietnameseShare(text) < 0.05) return null;
  // Western European text in Windows-1252 also decodes here (its ã, õ, ý read as ă, ơ, ư): is it Vietnamese?
  const lang = franc(text.slice(0, 2000).toLowerCase(), { minLength: 100, only: ['vie', 'por', 'spa', 'fra', 'ita', 'deu', 'eng', 'nld'] });
  return lang === 'vie' ? { text, encoding: 'windows-1258' } : null;
}

/**
 * Bytes to text: UTF-8 (a BOM is dropped), UTF-16 with a BOM (or, without
 * one, when every other byte is zero), TCVN3, VNI or Windows-1258 when the
 * bytes are not UTF-8 and read as Vietnamese in one of them, or an encoding the
 * caller names.
 * Binary input (NUL bytes, mostly invalid UTF-8) is refused with an
 * InputError that says what to do.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding | 'auto' = 'auto'): DecodedText {
  if (bytes.length === 0) throw new InputError('empty', 'the file is empty');
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new InputError('unsupported-format', 'this is a PDF: read it with parsePlanInput or parsePlanFile (PDFs are read asynchronously)');
  }
  let enc: TextEncoding;
  let start = 0;
  let bom = false;
  if (encoding !== 'auto') enc = encoding;
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    enc = 'utf-8';
    start = 3;
    bom = true;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    enc = 'utf-16le';
    start = 2;
    bom = true;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    enc = 'utf-16be';
    start = 2;
    bom = true;
  } else if (bytes.includes(0)) {
    const guess = utf16Guess(bytes);
    if (!guess) throw new InputError('binary', 'this is a binary file, not text (it contains NUL bytes)');
    enc = guess;
  } else enc = 'utf-8';
  if (encoding !== 'auto') {
    if ((enc === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (enc.startsWith('utf-16') && (bytes[0] === 0xff || bytes[0] === 0xfe) && (bytes[1] === 0xfe || bytes[1] === 0xff))) {
      start = enc === 'utf-8' ? 3 : 2;
      bom = true;
    }
  }
  if (enc === 'tcvn3') return { text: decodeTcvn3(bytes), encoding: enc, bom: false };
  if (enc === 'vni') return { text: decodeVni(bytes), encoding: enc, bom: false };
  const text = new TextDecoder(enc).decode(bytes.subarray(start));
  const bad = controlRatio(text);
  if (bad > 0.01 && encoding === 'auto') {
    if (enc === 'utf-8' && !bytes.includes(0)) {
      const legacy = legacyGuess(bytes);
      if (legacy) return { ...legacy, bom: false, guessed: true };
      throw new InputError('encoding', 'this file is not valid UTF-8, nor Vietnamese in TCVN3, VNI or Windows-1258: name its encoding with --encoding, or it is not text at all');
    }
    throw new InputError('binary', 'this is a binary file, not text');
  }
  // A stray BOM inside the text (files glued together) is dropped by the normalizers.
  return { text, encoding: enc, bom };
}
