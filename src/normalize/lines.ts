import { Mapped } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import type { LineIndex } from '../text/positions.js';
import type { LineNormalizer } from './types.js';
import { nfc } from './nfc.js';
import { oddSpaces } from './spaces.js';
import { dStroke } from './d-stroke.js';
import { latexMath } from './latex.js';
import { markdown } from './markdown.js';

/** Per-line normalizers, in the order they run. */
export const lineNormalizers: LineNormalizer[] = [
  nfc, //         NFD → NFC
  oddSpaces, //   NBSP, zero-width, control characters
  dStroke, //     Ð (U+00D0) → Đ
  latexMath, //   "$\geq 80\%$" → "≥ 80%"
  markdown, //    "**bold**", "*italic*", "## heading", "1\."
];

export type LineRole =
  | 'content'
  | 'blank'
  | 'page-number' // "9", "- 12 -", "Trang 3": may still be a table row number
  | 'running-header' // a line repeated on every page (a repeated table header)
  | 'trailer' // digital-signature stamp: "Signer's office", "2025-08-07T21:50:31+0700"
  | 'decoration'; // "-------", "______"

export interface Line {
  /** 0-based index among all lines of the input. */
  index: number;
  /** 1-based line number in the original input. */
  no: number;
  /** Normalized text, trimmed; tabs kept (they separate table cells). */
  m: Mapped;
  /** Normalized text before trimming: a row of a tab-separated table may start with a tab (an empty first cell). */
  full: Mapped;
  /** Same as m.text. */
  text: string;
  /** looseKey(text): same length as text. */
  key: string;
  /** Leading white space of the normalized line, in characters (a tab counts 1). */
  indent: number;
  role: LineRole;
  /** A form feed (page break) came before or at the start of this line. */
  pageBreakBefore: boolean;
}

export function splitLines(index: LineIndex): Line[] {
  const text = index.text;
  const starts = index.starts;
  const lines: Line[] = [];
  let pendingBreak = false;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    let e = i + 1 < starts.length ? starts[i + 1]! : text.length;
    // Drop the line break itself.
    if (e > s && text.charCodeAt(e - 1) === 10) e--;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    const raw = text.slice(s, e);
    const hasFormFeed = raw.includes('\f');
    let m = Mapped.identity(raw, s);
    for (const n of lineNormalizers) if (n.applies(m.text)) m = n.apply(m);
    const lead = /^[ \t]*/.exec(m.text)![0].length;
    const trimmed = m.trim();
    const line: Line = {
      index: i,
      no: i + 1,
      m: trimmed,
      full: m,
      text: trimmed.text,
      key: looseKey(trimmed.text),
      indent: lead,
      role: trimmed.text.length === 0 ? 'blank' : 'content',
      pageBreakBefore: pendingBreak || hasFormFeed,
    };
    pendingBreak = hasFormFeed && trimmed.text.length === 0;
    lines.push(line);
  }
  return lines;
}

/**
 * Two columns printed side by side on one line (pdftotext -layout): "Nơi nhận:      KT. CHỦ
 * TỊCH", "- Lưu: VT.      Đỗ Thị Thu Hà". Splits the line where four or more spaces separate
 * its parts; each part keeps its positions.
 */
export function splitColumns(line: Line): Line[] {
  if (!/\S(?: {4,}|\t+)\S/.test(line.text)) return [line];
  const out: Line[] = [];
  const re = /[^\s]+(?: {1,3}[^\s]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.text))) {
    const part = line.m.slice(m.index, m.index + m[0].length);
    out.push({ ...line, m: part, text: part.text, key: line.key.slice(m.index, m.index + m[0].length), indent: line.indent + m.index });
  }
  return out;
}
