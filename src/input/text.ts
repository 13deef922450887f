import { InputError } from './errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
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

/**
 * Bytes to text: UTF-8 (a BOM is dropped), UTF-16 with a BOM (or, without
 * one, when every other byte is zero), or an encoding the caller names.
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
  const text = new TextDecoder(enc).decode(bytes.subarray(start));
  const bad = controlRatio(text);
  if (bad > 0.01 && encoding === 'auto') {
    if (enc === 'utf-8' && !bytes.includes(0)) {
      throw new InputError('encoding', 'this file is not valid UTF-8: it may be in a legacy Vietnamese encoding (try --encoding windows-1258) or not text at all');
    }
    throw new InputError('binary', 'this is a binary file, not text');
  }
  // A stray BOM inside the text (files glued together) is dropped by the normalizers.
  return { text, encoding: enc, bom };
}
