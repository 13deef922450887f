import type { Line } from '../normalize/lines.js';
import { joinPieces } from '../normalize/line-joins.js';
import type { Mapped } from '../text/mapped.js';
import type { LineIndex } from '../text/positions.js';
import { isUpperText, startsUpper, tonalKey, trailingLetters } from '../text/fold.js';
import { detectTableHeader, headerLinesAbove, PIPE_SEPARATOR } from '../extract/tables/header.js';
import { parseTable, type ParsedTable } from '../extract/tables/table.js';
import { targetCellScore } from '../extract/targets.js';
import type { WordPairs } from '../extract/tables/word-pairs.js';
import type { Layout } from './layout.js';
import { detectMarker, type Marker } from './markers.js';

export interface ItemBlock {
  type: 'item';
  marker: Marker;
  lines: Line[];
  /** The item's first paragraph, marker removed, lines joined. */
  text: Mapped;
}

export interface ParagraphBlock {
  type: 'paragraph';
  lines: Line[];
  text: Mapped;
}

export interface TableBlock {
  type: 'table';
  lines: Line[];
  table: ParsedTable;
}

export type Block = ItemBlock | ParagraphBlock | TableBlock;

const SENTENCE_END = /(?:[.;!?…]|\.\/\.)["”’)]*$/;

// A line that ends on one of these words stops mid-phrase: "… của" / "Bộ Chính trị". Spelled
// out: "cửa" (a door) ends a phrase where "của" (of) cannot.
const CONNECTOR_END = new Set(['của', 'và', 'về', 'với', 'cho', 'các', 'những', 'tại', 'theo', 'trong', 'trên', 'dưới', 'đến', 'từ', 'để', 'là', 'số', 'nhằm', 'hoặc', 'thuộc', 'giữa', 'bằng', 'cùng', 'do', 'ở', 'một', 'này', 'như', 'ngày', 'tháng']);

/**
 * Does a new paragraph start at `cur`, given the line before it? `heading`:
 * `prev` is an item's first line; a heading usually stops well before the
 * full width, so a shorter line there is enough.
 */
export function breaksBefore(prev: Line, cur: Line, layout: Layout, heading = false, openParen = false): boolean {
  // Inside a parenthesis nothing ends: "… Nhân dân (Cơ quan chủ trì:" / "Phòng VH-XH; thời gian: …)".
  if (openParen) return false;
  // A chat message ends its paragraph ("… thời gian: Hàng tháng 09:05" / "Lê Minh Trí - Công an xã").
  if (prev.messageEnd) return true;
  // "… như sau:" / "Tổ chức …" ends a lead-in; "… toàn trình:" / "≥ 90%." and "… cấp xã:" /
  // "Top 15 của tỉnh." go on: the line after the colon is the value.
  if (/:$/.test(prev.text)) return startsUpper(cur.text) && targetCellScore(cur.text) === 0;
  const lastWord = trailingLetters(prev.text);
  if (lastWord && CONNECTOR_END.has(tonalKey(lastWord))) return false;
  // A heading in capitals wrapped onto the next line: "I. MỤC ĐÍCH," / "YÊU CẦU".
  if (isUpperText(prev.text) && isUpperText(cur.text) && cur.text.length <= 120 && !SENTENCE_END.test(prev.text)) return false;
  const ended = SENTENCE_END.test(prev.text);
  if (!layout.wrapped) return !(!ended && /^\p{Ll}/u.test(cur.text));
  // A sentence that ends where the next line's first word would still have fit ends its paragraph.
  if (ended && startsUpper(cur.text) && prev.text.length + 1 + (/^\S+/.exec(cur.text)?.[0].length ?? 0) <= layout.width * 0.9) return true;
  if (prev.text.length >= layout.width * (heading ? 0.9 : 0.75)) return false;
  // A line that stops on a comma or a dash stops mid-sentence.
  if (/[,\-–]$/.test(prev.text)) return false;
  // A line opening with a number continues a date or a figure ("… ngày" / "5/9/2025 …");
  // one opening with "(" continues too ("… trực tuyến" / "(DVCTT) trên …").
  return ended || startsUpper(cur.text);
}

// Lines that end the body: "Trên đây là Kế hoạch …", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN".
export const CLOSING = /^tren day la\b/;
export const RECIPIENTS = /^noi nhan\b/;

export interface BlockContext {
  layout: Layout;
  index: LineIndex;
  /** Inside an annex a table runs to the annex's end; in the body it stops at the next part heading. */
  inAnnex: boolean;
  /** Words the document writes side by side (for tables read line by line). */
  pairs: WordPairs;
}

/** The first line after `j` that is not blank. */
function nextContent(lines: readonly Line[], j: number): Line | undefined {
  let k = j + 1;
  while (k < lines.length && lines[k]!.role === 'blank') k++;
  return lines[k];
}

// A table's caption: a lettered or Roman heading in one run of text ("B. NHIỆM VỤ TRỌNG TÂM").
const CAPTION = /^(?:[A-HĐ]|[IVX]{1,4})\.\s\S/u;

/** Is the next line with text after `j` (page numbers and running headers aside) a table's header? */
function opensTable(lines: readonly Line[], j: number): boolean {
  let k = j + 1;
  while (k < lines.length && lines[k]!.role !== 'content') k++;
  return k < lines.length && detectTableHeader(lines, k) !== null;
}

function tableEnd(lines: readonly Line[], start: number, mode: string, ctx: BlockContext): number {
  let end = start;
  for (let j = start; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    // "Ghi chú: …", "Lưu ý: …" under a table: a note on it, not a row; "Tổng cộng kinh phí …: 675
    // triệu đồng", its total.
    if (l.role === 'content' && (/^(?:ghi chu|luu y)\s*:/.test(l.key) || /^tong (?:cong|kinh phi|so)\b[^:]*:/.test(l.key))) break;
    if (mode === 'tsv' || mode === 'pipe') {
      const sep = mode === 'tsv' ? '\t' : '|';
      if (l.role === 'content' && !l.text.includes(sep)) break;
      // A Markdown table's header (its rule under it) opens the next table, unless it is this
      // table's header printed again after a page break.
      if (mode === 'pipe' && j > start && !PIPE_SEPARATOR.test(l.text) && PIPE_SEPARATOR.test(nextContent(lines, j)?.text ?? '') && l.key !== lines[start - 1]?.key) break;
    } else if (l.role === 'content' && CAPTION.test(l.text) && !/\S {2,}\S/.test(l.text) && opensTable(lines, j)) {
      // "B. NHIỆM VỤ TRỌNG TÂM NĂM 2026" over a table's header (across a page break, the same
      // header as this table's): the caption of the next table.
      break;
    } else if (!ctx.inAnnex) {
      const m = l.role === 'content' ? detectMarker(l) : null;
      if (m && (m.style === 'roman' || m.style === 'part' || m.style === 'annex')) break;
      if (CLOSING.test(l.key) || RECIPIENTS.test(l.key)) break;
    }
    end = j + 1;
  }
  return end;
}

// Compounds written with a spaced dash, which a line may break before the dash: "kinh tế" /
// "- xã hội hằng năm …" is no bullet.
const DASH_COMPOUNDS = /(?:^| )(?:kinh te - xa hoi|chinh tri - xa hoi|van hoa - xa hoi|quoc phong - an ninh|an ninh - quoc phong|an ninh - trat tu|kinh te - ha tang|ha tang - do thi|khoa hoc - cong nghe|khoa hoc - ky thuat|tai chinh - ke hoach|tai nguyen - moi truong|lao dong - thuong binh)(?: |$)/;

// "… đạt 80%" / "- 85%.": a range broken before its dash; the line is its high end, no bullet.
const RANGE_END = /^[-–]\s*\d+(?:[.,]\d+)?\s*%?\s*[.;,]?$/;

function splitsCompound(prev: Line, cur: Line): boolean {
  if (RANGE_END.test(cur.text) && /\d\s*%?$/.test(prev.text)) return true;
  if (!/^[-–]\s/.test(cur.text) || !/\p{L}$/u.test(prev.text)) return false;
  const tail = prev.key.split(/\s+/).slice(-3).join(' ');
  // ("- xã hội: tuyên truyền …": the compound may end on a colon or a comma.)
  const head = cur.key.replace(/^[-–]\s+/, '').replace(/[,;:.)]/g, ' ').split(/\s+/).slice(0, 3).join(' ');
  return DASH_COMPOUNDS.test(`${tail} - ${head}`);
}

/** The depth of open parentheses after `text`, from `depth` before it (a stray ")" closes nothing). */
function parenDepth(depth: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth;
}

/**
 * Group lines into items (a numbered or bulleted line and its continuation),
 * paragraphs and tables. Blank lines are ignored: PDF text puts them in the
 * middle of sentences, or after every line.
 */
export function buildBlocks(lines: readonly Line[], ctx: BlockContext): Block[] {
  const blocks: Block[] = [];
  // `depth`: parentheses the open block's lines leave open.
  let open: { marker: Marker | null; lines: Line[]; depth: number } | null = null;
  const add = (line: Line) => {
    open!.lines.push(line);
    open!.depth = parenDepth(open!.depth, line.text);
  };
  const close = () => {
    if (!open) return;
    const pieces = open.lines.map((l, i) => (i === 0 && open!.marker ? l.m.slice(open!.marker.textStart) : l.m));
    const text = joinPieces(pieces);
    if (open.marker) blocks.push({ type: 'item', marker: open.marker, lines: open.lines, text });
    else if (text.length > 0) blocks.push({ type: 'paragraph', lines: open.lines, text });
    open = null;
  };
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.role === 'blank') blanks++;
    if (line.role !== 'content') continue;
    const blanksBefore = blanks;
    blanks = 0;
    const header = detectTableHeader(lines, i);
    if (header) {
      // A paragraph of nothing but the upper halves of the header's labels is part of the header.
      const above = headerLinesAbove(lines, i);
      if (open && !open.marker && above.length > 0 && open.lines.every((l) => above.includes(l))) open = null;
      close();
      const end = tableEnd(lines, i + 1, header.mode, ctx);
      const tableLines = lines.slice(i, end);
      blocks.push({ type: 'table', lines: tableLines.filter((l) => l.role !== 'blank'), table: parseTable(tableLines, header, ctx.index, ctx.pairs) });
      i = end - 1;
      continue;
    }
    const marker = detectMarker(line);
    if (open && marker && splitsCompound(open.lines[open.lines.length - 1]!, line)) {
      add(line);
      continue;
    }
    if (marker) {
      close();
      open = { marker, lines: [line], depth: parenDepth(0, line.text) };
      continue;
    }
    if (open) {
      const prev = open.lines[open.lines.length - 1]!;
      const markerOnly = open.marker !== null && open.lines.length === 1 && prev.text.length <= open.marker.textStart;
      // A numbered heading stops short of the full width; a bullet is a sentence that wraps.
      const headingLine = open.marker !== null && open.marker.style !== 'bullet' && open.lines.length === 1;
      // "4. Bảo đảm an toàn thông tin …, đơn vị." / (blank) / "Nhiệm vụ cụ thể … tại Phụ lục."
      const paragraphEnds = blanksBefore > ctx.layout.blankRun && SENTENCE_END.test(prev.text) && startsUpper(line.text);
      if (markerOnly || (!paragraphEnds && !breaksBefore(prev, line, ctx.layout, headingLine, open.depth > 0))) {
        add(line);
        continue;
      }
      close();
    }
    open = { marker: null, lines: [line], depth: parenDepth(0, line.text) };
  }
  close();
  return blocks;
}
