import { Mapped, MappedBuilder } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import type { LineIndex } from '../text/positions.js';
import type { LineNormalizer } from './types.js';
import { nfc } from './nfc.js';
import { oddSpaces } from './spaces.js';
import { dStroke } from './d-stroke.js';
import { latexMath } from './latex.js';
import { markdown } from './markdown.js';
import { strayRules } from './stray-rules.js';
import { joinPieces } from './line-joins.js';
import { htmlTables } from './html-tables.js';
import { csvTables } from './csv-tables.js';
import { chatMarks, endsMessage } from './chat.js';
import { NUMBER_LABEL } from './labels.js';

/** Per-line normalizers, in the order they run. */
export const lineNormalizers: LineNormalizer[] = [
  nfc, //         NFD → NFC
  oddSpaces, //   NBSP, zero-width, control characters
  chatMarks, //   "2️⃣ …" → "2. …", "📌 II. MỤC TIÊU", a message's time at a line's end
  dStroke, //     Ð (U+00D0) → Đ
  latexMath, //   "$\geq 80\%$" → "≥ 80%"
  markdown, //    "**bold**", "*italic*", "## heading", "1\."
  strayRules, //  "Phòng Kinh tế | Ban Quản lý chợ" (OCR'd table rules)
];

export type LineRole =
  | 'content'
  | 'blank'
  | 'page-number' // "9", "- 12 -", "Trang 3": may still be a table row number
  | 'running-header' // a line repeated on every page (a repeated table header)
  | 'trailer' // digital-signature stamp: "Signer's office", "2025-08-07T21:50:31+0700"
  | 'footnote' // a PDF page's footnote: "1 Nghị quyết số 57-NQ/TW ngày …" (footnotes.ts)
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
  /** A page number (role 'page-number') that stands where a page breaks: no other lone number near it, or a footer beside it. */
  pageEnd?: boolean;
  /** The line ended with a chat message's time ("… Hàng tháng 09:05"): the message, and its paragraph, end here. */
  messageEnd?: boolean;
}

export function splitLines(index: LineIndex): Line[] {
  const text = index.text;
  const starts = index.starts;
  const lines: Line[] = [];
  const raws: { s: number; raw: string }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    let e = i + 1 < starts.length ? starts[i + 1]! : text.length;
    // Drop the line break itself.
    if (e > s && text.charCodeAt(e - 1) === 10) e--;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    raws.push({ s, raw: text.slice(s, e) });
  }
  const html = htmlTables(text, raws, normalizeLine, sideBySide);
  const csv = csvTables(raws);
  const grid = gridTables(raws.map((r) => r.raw));
  const layout = layoutTableRows(raws.map((r) => r.raw));
  const preamble = pipePreamble(raws.map((r) => r.raw), layout);
  const beside = besideRows(raws);
  let pendingBreak = false;
  const push = (m: Mapped, no: number, hasFormFeed: boolean, role?: LineRole) => {
    const lead = /^[ \t]*/.exec(m.text)![0].length;
    const trimmed = m.trim();
    lines.push({
      index: lines.length,
      no,
      m: trimmed,
      full: m,
      text: trimmed.text,
      key: looseKey(trimmed.text),
      indent: lead,
      role: role ?? (trimmed.text.length === 0 ? 'blank' : 'content'),
      pageBreakBefore: pendingBreak || hasFormFeed,
      ...(endsMessage(raws[no - 1]!.raw, trimmed.text) ? { messageEnd: true } : {}),
    });
    pendingBreak = hasFormFeed && trimmed.text.length === 0;
  };
  raws.forEach(({ s, raw }, i) => {
    const hasFormFeed = raw.includes('\f');
    const built = html.at.get(i)?.lines ?? csv.get(i);
    if (built) {
      for (const m of built) push(normalizeLine(m), i + 1, hasFormFeed);
      return;
    }
    const cell = grid.get(i);
    if (cell === 'rule') return push(Mapped.identity(raw, s), i + 1, hasFormFeed, 'decoration');
    if (cell === 'row') return push(gridRow(raws, i), i + 1, hasFormFeed || gridBlock(raws, i).some((r) => r.raw.includes('\f')));
    if (cell === 'inside') return;
    const title = preamble.get(i);
    if (title !== undefined) {
      if (title === null) push(Mapped.identity(raw, s), i + 1, hasFormFeed, 'decoration');
      else push(normalizeLine(Mapped.identity(raw, s).slice(title.from, title.to)), i + 1, hasFormFeed);
      return;
    }
    const besideLine = beside.get(i);
    if (besideLine) return push(besideLine, i + 1, hasFormFeed);
    if (layout.has(i)) {
      if (PIPE_RULE.test(raw)) push(Mapped.identity(raw, s), i + 1, hasFormFeed, 'decoration');
      else for (const m of layoutRowLines(raw, s)) push(m, i + 1, hasFormFeed);
      return;
    }
    push(normalizeLine(Mapped.identity(raw, s)), i + 1, hasFormFeed);
  });
  return lines;
}

function normalizeLine(m: Mapped): Mapped {
  for (const n of lineNormalizers) if (n.applies(m.text)) m = n.apply(m);
  return m;
}

// Grid tables (pandoc's "+----+----+", box drawing "┌───┬───┐" from w3m or a terminal): a row
// holds its cells' wrapped lines between two rules.
const GRID_RULE = /^\s*(?:\+(?:[-=:]{2,}\+)+|[┌├└╞╘╔╠╚][─━═┬┼┴╪╤╧╦╬╩]*[─━═][─━═┬┼┴╪╤╧╦╬╩]*[┐┤┘╡╛╗╣╝])\s*$/;
const GRID_LINE = /^\s*[|│║].*[|│║]\s*$/;

/**
 * The lines of grid tables: 'rule' for a rule, 'row' for a row's first line
 * (the row is read from all its lines, `gridRow`), 'inside' for its others.
 * A grid opens and closes with a rule.
 */
function gridTables(raws: string[]): Map<number, 'rule' | 'row' | 'inside'> {
  const out = new Map<number, 'rule' | 'row' | 'inside'>();
  const blank = (k: number) => raws[k]!.trim() === '';
  // (Blank lines between a grid's lines, as text pulled out of a PDF has after every line, are skipped.)
  const nextLine = (k: number) => {
    let j = k + 1;
    while (j < raws.length && blank(j)) j++;
    return j;
  };
  for (let i = 0; i < raws.length; i++) {
    if (!GRID_RULE.test(raws[i]!) || !GRID_LINE.test(raws[nextLine(i)] ?? '')) continue;
    let lastRule = i;
    for (let j = i; j < raws.length && (blank(j) || GRID_RULE.test(raws[j]!) || GRID_LINE.test(raws[j]!)); j++) if (GRID_RULE.test(raws[j]!)) lastRule = j;
    let afterRule = false;
    for (let k = i; k <= lastRule; k++) {
      if (blank(k)) out.set(k, 'inside');
      else if (GRID_RULE.test(raws[k]!)) {
        out.set(k, 'rule');
        afterRule = true;
      } else {
        out.set(k, afterRule ? 'row' : 'inside');
        afterRule = false;
      }
    }
    i = lastRule;
  }
  return out;
}

/** The lines of the grid row that starts at line i. */
function gridBlock(raws: readonly { s: number; raw: string }[], i: number): { s: number; raw: string }[] {
  let j = i;
  while (j < raws.length && !GRID_RULE.test(raws[j]!.raw)) j++;
  return raws.slice(i, j);
}

/**
 * A grid row as one pipe row: "| 1 | Tỷ lệ … toàn trình | % | 100% |", each cell its
 * lines' pieces joined (as wrapped lines are), each piece mapped to where it stands.
 * The columns are the row's separators (a group row that spans the table has fewer).
 */
function gridRow(raws: readonly { s: number; raw: string }[], i: number): Mapped {
  const block = gridBlock(raws, i);
  // Each line's own separators (in NFD text the columns of two lines differ in code units).
  const sepsOf = (raw: string) => {
    const out: number[] = [];
    for (let k = 0; k < raw.length; k++) if (raw[k] === '|' || raw[k] === '│' || raw[k] === '║') out.push(k);
    return out;
  };
  const seps = sepsOf(block[0]!.raw);
  const lineSeps = block.map(({ raw }) => {
    const own = sepsOf(raw);
    return own.length === seps.length ? own : seps;
  });
  const b = new MappedBuilder();
  for (let c = 0; c + 1 < seps.length; c++) {
    b.appendText(c === 0 ? '| ' : ' | ', block[0]!.s + seps[c]!, block[0]!.s + seps[c]! + 1);
    const pieces = block.map(({ s, raw }, k) => normalizeLine(Mapped.identity(raw, s).slice(lineSeps[k]![c]! + 1, Math.min(lineSeps[k]![c + 1]!, raw.length))));
    b.append(joinPieces(pieces));
  }
  const end = block[0]!.s + seps[seps.length - 1]!;
  b.appendText(' |', end, end + 1);
  return b.build();
}

const PIPE_ROW = /^\s{0,3}\|/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * The rows a converter puts above a pipe table's real header (markitdown makes the Word
 * table's first row the Markdown header, however it reads): "|  |  |  |", "| **PHỤ LỤC II** |  |  |",
 * "| **DANH MỤC NHIỆM VỤ …** |  |  |" over "| **STT** | **Nhiệm vụ** | …". A row of them that holds
 * nothing but its first cell is that cell's text, a line of its own; an empty one and the rule
 * under it are decoration. Index → the first cell's range in the line, or null for decoration.
 */
function pipePreamble(raws: string[], layout: Set<number>): Map<number, { from: number; to: number } | null> {
  const out = new Map<number, { from: number; to: number } | null>();
  const blank = (k: number) => raws[k]!.trim() === '';
  const label = (k: number) => looseKey(pipeCells(raws[k]!)[0]?.text.replace(/[*_\\]/g, '').trim() ?? '');
  // A table starts at the row above its rule ("| --- | --- |"); a blank line between, as after
  // every line of some converters' text, changes nothing.
  for (let r = 0; r < raws.length; r++) {
    if (!PIPE_RULE.test(raws[r]!) || !/-/.test(raws[r]!) || layout.has(r)) continue;
    let f = r - 1;
    while (f >= 0 && blank(f)) f--;
    if (f < 0 || !PIPE_ROW.test(raws[f]!) || PIPE_RULE.test(raws[f]!) || NUMBER_LABEL.test(label(f))) continue;
    const rows: number[] = [];
    let h = -1;
    for (let k = f; k < raws.length && rows.length < 6; k++) {
      if (blank(k)) {
        if (blank(k + 1) || !PIPE_ROW.test(raws[k + 1] ?? '')) break;
        continue;
      }
      if (!PIPE_ROW.test(raws[k]!)) break;
      if (!PIPE_RULE.test(raws[k]!) && NUMBER_LABEL.test(label(k))) {
        h = k;
        break;
      }
      rows.push(k);
    }
    if (h < 0) continue;
    for (const k of rows) {
      const cells = pipeCells(raws[k]!);
      if (PIPE_RULE.test(raws[k]!) || cells.every((c) => c.text.trim() === '')) out.set(k, null);
      else if (cells.slice(1).every((c) => c.text.trim() === '')) out.set(k, { from: cells[0]!.from, to: cells[0]!.to });
      else break;
    }
  }
  return out;
}

/**
 * Markdown pipe tables that lay out the page rather than hold data: the
 * header's two columns (issuing body beside the motto, number beside the
 * date), the recipients beside the signature. Their cells hold several lines
 * joined by "<br>". Rows of a pipe table whose first row does not open with a
 * number column (STT), three columns at most.
 */
function layoutTableRows(raws: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < raws.length; ) {
    if (!PIPE_ROW.test(raws[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < raws.length && PIPE_ROW.test(raws[j]!)) j++;
    const first = pipeCells(raws[i]!);
    const label = looseKey(first[0]?.text.replace(/[*_\\]/g, '').trim() ?? '');
    if (first.length <= 3 && !NUMBER_LABEL.test(label) && !PIPE_RULE.test(raws[i]!)) for (let k = i; k < j; k++) out.add(k);
    i = j;
  }
  return out;
}

/**
 * The recipients beside the signature written as rows with a " | " between
 * them and no outer pipes ("Nơi nhận: | TM. ỦY BAN NHÂN DÂN", "- Các tổ dân
 * phố; | Đỗ Thị Minh Phương"): each row laid out as a line, the columns of all
 * the rows lined up.
 */
function besideRows(raws: readonly { s: number; raw: string }[]): Map<number, Mapped> {
  const out = new Map<number, Mapped>();
  const bare = (k: number) => k < raws.length && raws[k]!.raw.includes('|') && !PIPE_ROW.test(raws[k]!.raw);
  for (let i = 0; i < raws.length; i++) {
    if (!bare(i) || !RECIPIENTS_BESIDE.test(raws[i]!.raw.normalize('NFC'))) continue;
    // (A blank line after every line, as some converters write, goes on with the rows.)
    const rows: number[] = [];
    for (let j = i; bare(j); j++) {
      rows.push(j);
      while (j + 1 < raws.length && raws[j + 1]!.raw.trim() === '' && bare(j + 2)) j++;
    }
    const cells = rows.map((k) => {
      const { s, raw } = raws[k]!;
      const whole = Mapped.identity(raw, s);
      const cuts = [...raw.matchAll(/\|/g)].map((m) => m.index);
      return [0, ...cuts.map((c) => c + 1)].map((from, c) => normalizeLine(whole.slice(from, cuts[c] ?? raw.length)).trim());
    });
    const widths: number[] = [];
    for (const row of cells) row.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 0, c.length)));
    rows.forEach((k, r) => out.set(k, sideBySide(cells[r]!.map((c) => [c]), raws[k]!.s, widths)[0]!));
    i = rows[rows.length - 1]!;
  }
  return out;
}
const RECIPIENTS_BESIDE = /^\s*nơi nhận\s*:?\s*\|/iu;

/** The cells of a pipe row: [from, to) in the raw line, outer pipes dropped. */
function pipeCells(raw: string): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  let start = raw.indexOf('|') + 1;
  for (let i = start; i <= raw.length; i++) {
    if (i < raw.length && (raw[i] !== '|' || raw[i - 1] === '\\')) continue;
    if (i < raw.length || raw.slice(start).trim() !== '') out.push({ from: start, to: i, text: raw.slice(start, i) });
    start = i + 1;
  }
  return out;
}

// Where a layout cell's lines part: "<br>", and (markitdown joins a Word cell's paragraphs with
// a space) where one bold paragraph ends and the next begins: "**TM. ỦY BAN NHÂN DÂN** **CHỦ TỊCH**".
const BR = /<br\s*\/?>|(?<=\*\*)\s+(?=\*\*)/gi;
const GAP = 6;

/**
 * A layout row as the lines it shows: the first lines of all its cells side by
 * side, then the second lines, and so on, each cell in its own column (as
 * pdftotext -layout prints two columns).
 */
function layoutRowLines(raw: string, offset: number): Mapped[] {
  const whole = Mapped.identity(raw, offset);
  const cells = pipeCells(raw).map((c) => {
    const pieces: Mapped[] = [];
    let at = c.from;
    for (const m of c.text.matchAll(BR)) {
      pieces.push(whole.slice(at, c.from + m.index));
      at = c.from + m.index + m[0].length;
    }
    pieces.push(whole.slice(at, c.to));
    return pieces.map((p) => normalizeLine(p).trim());
  });
  return sideBySide(cells, offset);
}

/** Cells of a layout row (each its lines) as the lines they show side by side (each column as wide as `widths` says, else as its widest line). */
function sideBySide(cells: Mapped[][], offset: number, widths = cells.map((pieces) => Math.max(0, ...pieces.map((p) => p.length)))): Mapped[] {
  const height = Math.max(0, ...cells.map((p) => p.length));
  const out: Mapped[] = [];
  for (let k = 0; k < height; k++) {
    const b = new MappedBuilder();
    cells.forEach((pieces, c) => {
      const piece = pieces[k];
      if (c > 0) {
        const pad = widths.slice(0, c).reduce((x, w) => x + w + GAP, 0) - b.length;
        if (pad > 0) b.appendText(' '.repeat(pad), offset, offset);
      }
      if (piece && piece.length > 0) b.append(piece);
    });
    out.push(b.build());
  }
  return out;
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
