import type { Line } from '../../normalize/lines.js';
import { GROUP_LABELS, ROW_MARKER } from '../../normalize/labels.js';
import { startsUpper } from '../../text/fold.js';
import { romanValue } from '../../structure/markers.js';
import type { TableHeader } from './header.js';
import { PIPE_SEPARATOR, detectTableHeader, headerLinesAbove, layoutSegments } from './header.js';

export type RowKind = 'roman' | 'number' | 'dash' | 'plain';

/** One row of a table as laid out: its lines, and for tabular modes its cells. */
export interface TableRow {
  kind: RowKind;
  /** As written: "II", "12", "5.25", "-"; null for a row without a number. */
  numbering: string | null;
  ordinal: number[];
  lines: Line[];
  /** Where the row's own text starts in lines[numberAt] (after "12 " or "- "). */
  textStart: number;
  /** The line that holds the row's number, when it is not the first (a number centred lower). */
  numberAt?: number;
  /** tsv, pipe and layout modes: the text pieces of each column, line by line, as ranges of `line.full` (tsv, pipe) or `line.m` (layout). */
  cells: { line: Line; from: number; to: number }[][] | null;
}

export interface RowIssue {
  code: 'numbering-gap' | 'numbering-repeat' | 'numbering-unusual' | 'page-number-in-table' | 'table-interleaved';
  message: string;
  line: Line;
}

const ROMAN_ROW = /^([IVXL]{1,6})(?:\s*[.\-–):]\s*|\s+|$)(.*)$/;
// "A Chỉ tiêu về chính quyền số", "B. KINH TẾ SỐ": groups lettered instead of numbered.
const LETTER_ROW = /^([A-HK])(?:\s*[.\-–):]\s*|\s+)(\p{Lu}.*)$/u;
const NUMBER_ROW = /^(\d{1,3})(?:\.(\d{1,3}))?\.?(?:\s+(.*)|$)/;
const DASH_ROW = /^([-–—+•])(?:\s+|$|(?=\p{L}))(.*)$/u;

interface SequenceState {
  lastLetter: number;
  lastRoman: number;
  lastTop: number;
  /** A group row (Roman) started and no numbered row has come yet: numbering may restart at 1. */
  freshGroup: boolean;
}

function nextContent(lines: readonly Line[], i: number): Line | null {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.role === 'content') return l;
  }
  return null;
}

function atPageFoot(lines: readonly Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    return l.role === 'running-header' || (/^(?:stt|tt|so tt)\b/.test(l.key) && detectTableHeader(lines, j) !== null);
  }
  return false;
}

/**
 * Group a flattened table's lines into rows. A line opens a row when it starts
 * with the number the sequence expects ("12" after "11", "1" after a group
 * row, a Roman numeral after the last group), with "-" (a sub-row), or with a
 * decimal "5.25" under row 5. Other lines continue the current row, so a
 * wrapped line that happens to start with a number stays where it is.
 */
// A header's first label, the number column's: where the header printed again after a page break starts.
// (A group column may come first: "Lĩnh vực   STT   Chỉ tiêu …".)
const HEADER_AGAIN = new RegExp(String.raw`^(?:\|\s*)?(?:(?:${GROUP_LABELS})(?:\s+|\s*\|\s*))?(?:stt|tt|so tt)\b`);

/**
 * The table's header printed again after a page break (maybe wrapped differently), when it
 * starts at lines[i]: the index of its last line, `maxLines` lines down at most; else null.
 */
function headerAgainAt(lines: readonly Line[], i: number, maxLines = Infinity): number | null {
  if (!HEADER_AGAIN.test(lines[i]!.key)) return null;
  const again = detectTableHeader(lines, i);
  return again ? lines.indexOf(again.lines[Math.min(again.lines.length, maxLines) - 1]!) : null;
}

/** The next content line after lines[i] opens the next row, the next group or the header printed again (or there is none). */
function opensNextRow(lines: readonly Line[], i: number, st: SequenceState): boolean {
  let j = i + 1;
  while (j < lines.length && lines[j]!.role !== 'content') j++;
  const l = lines[j];
  if (!l) return true;
  const r = ROMAN_ROW.exec(l.text);
  if (r && romanValue(r[1]!) === st.lastRoman + 1) return true;
  const k = NUMBER_ROW.exec(l.text);
  return (k !== null && Number(k[1]) === st.lastTop + 1 && k[2] === undefined) || headerAgainAt(lines, j) !== null;
}

function collectFlatRows(lines: readonly Line[], issues: RowIssue[]): TableRow[] {
  const rows: TableRow[] = [];
  const st: SequenceState = { lastLetter: 0, lastRoman: 0, lastTop: 0, freshGroup: true };
  let current: TableRow | null = null;
  const open = (row: TableRow) => {
    rows.push(row);
    current = row;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.role === 'blank' || line.role === 'decoration' || line.role === 'trailer' || line.role === 'footnote' || line.role === 'running-header') continue;
    // The header printed again after a page break, maybe wrapped differently.
    const againEnd = headerAgainAt(lines, i);
    if (againEnd !== null) {
      // The upper halves of its labels went to the row above: take them back out.
      const above = headerLinesAbove(lines, i);
      const row = current as TableRow | null;
      if (row && above.length > 0) row.lines = row.lines.filter((l) => !above.includes(l));
      i = againEnd;
      continue;
    }
    const text = line.text;
    const next = nextContent(lines, i);
    const r = ROMAN_ROW.exec(text);
    if (r) {
      const v = romanValue(r[1]!);
      const rest = r[2] ?? '';
      if (v && v === st.lastRoman + 1 && (rest === '' ? next !== null && startsUpper(next.text) : startsUpper(rest))) {
        st.lastRoman = v;
        // Numbering may go on from the last group ("16" after "15") or restart at 1.
        st.freshGroup = true;
        open({ kind: 'roman', numbering: r[1]!, ordinal: [v], lines: [line], textStart: text.length - rest.length, cells: null });
        continue;
      }
    }
    const letter = LETTER_ROW.exec(text);
    if (letter && letter[1]!.charCodeAt(0) - 64 === st.lastLetter + 1 && !(letter[1] === 'I' || letter[1] === 'V')) {
      st.lastLetter++;
      st.freshGroup = true;
      open({ kind: 'roman', numbering: letter[1]!, ordinal: [st.lastLetter], lines: [line], textStart: text.length - letter[2]!.length, cells: null });
      continue;
    }
    const n = NUMBER_ROW.exec(text);
    // A lone number at a page's foot, before the running header or the header printed again,
    // is the page's number, not a row's.
    if (n && (n[3] ?? '') === '' && atPageFoot(lines, i)) {
      issues.push({ code: 'page-number-in-table', message: `"${text}" read as a page number`, line });
      continue;
    }
    if (n) {
      const top = Number(n[1]);
      const sub = n[2] !== undefined ? Number(n[2]) : null;
      const rest = n[3] ?? '';
      const restStartsRow = rest === '' ? next !== null && (startsUpper(next.text) || DASH_ROW.test(next.text)) : startsUpper(rest) || /^["“(]/.test(rest);
      let accept = false;
      if (sub === null) {
        if (top === st.lastTop + 1 && (rest !== '' || restStartsRow)) accept = true;
        else if (top === 1 && st.freshGroup && restStartsRow) accept = true;
        else if (top === st.lastTop && top > 0 && restStartsRow) {
          accept = true;
          issues.push({ code: 'numbering-repeat', message: `row number ${top} is repeated`, line });
        } else if (top > st.lastTop + 1 && top <= st.lastTop + 3 && restStartsRow) {
          accept = true;
          issues.push({ code: 'numbering-gap', message: `row number ${top} follows ${st.lastTop}: ${top - st.lastTop - 1} number(s) skipped`, line });
        }
      } else if (top === st.lastTop && restStartsRow) {
        accept = true;
        issues.push({ code: 'numbering-unusual', message: `row "${top}.${n[2]}" is numbered as a decimal inside row ${top}`, line });
      }
      if (accept) {
        if (sub === null) {
          st.lastTop = top;
          st.freshGroup = false;
        }
        const numbering = sub === null ? n[1]! : `${n[1]}.${n[2]}`;
        // A number centred lower in a tall row ("1 khoa học, công nghệ, …" under "Kiện toàn Ban
        // Chỉ đạo về phát triển …"): the row's first lines went to the row above. Take them back
        // from the last of its lines that opens with a capital.
        const reclaimed: Line[] = [];
        const above = current as TableRow | null;
        if (above && /^\p{Ll}/u.test(rest) && above.lines.length > 1) {
          let j = above.lines.length - 1;
          while (j > 0 && !startsUpper(above.lines[j]!.text)) j--;
          if (j > 0) reclaimed.push(...above.lines.splice(j));
        }
        open({
          kind: sub === null ? 'number' : 'dash',
          numbering,
          ordinal: sub === null ? [top] : [top, sub],
          lines: [...reclaimed, line],
          textStart: text.length - rest.length,
          numberAt: reclaimed.length,
          cells: null,
        });
        continue;
      }
    }
    // A lone number that is no row's: the page's number where a page breaks (no other lone
    // number near it, or the next row or group opening right after it), else a cell of the row
    // ("%" / "100" / "Trung tâm …", a table copied out of a PDF a cell per line).
    if (line.role === 'page-number' && (line.pageEnd || !current || !/^\d{1,3}$/.test(text) || opensNextRow(lines, i, st))) {
      issues.push({ code: 'page-number-in-table', message: `"${text}" read as a page number`, line });
      continue;
    }
    const d = DASH_ROW.exec(text);
    if (d) {
      open({ kind: 'dash', numbering: d[1] === '+' ? '+' : '-', ordinal: [], lines: [line], textStart: text.length - (d[2] ?? '').length, cells: null });
      continue;
    }
    if (current) (current as TableRow).lines.push(line);
    else open({ kind: 'plain', numbering: null, ordinal: [], lines: [line], textStart: 0, cells: null });
  }
  return rows;
}

/**
 * The column a piece of a space-aligned line overlaps most, and by how much.
 * Header labels are often centred over their columns, so a column runs from
 * midway between its label and the previous one's to midway between its label
 * and the next one's.
 */
function columnByOverlap(header: TableHeader, x0: number, x1: number): { column: number; overlap: number } {
  const columns = header.columns;
  const centre = (c: number) => (columns[c]!.x0 + columns[c]!.x1) / 2;
  const edge = (c: number) => (columns[c]!.role === 'number' && header.numberRight !== undefined ? header.numberRight : (centre(c) + centre(c + 1)) / 2);
  let column = -1;
  let overlap = -Infinity;
  for (let c = 0; c < columns.length; c++) {
    const a = c === 0 ? -Infinity : edge(c - 1);
    const b = c + 1 < columns.length ? edge(c) : Infinity;
    const o = Math.min(x1, b) - Math.max(x0, a);
    if (o > overlap) {
      overlap = o;
      column = c;
    }
  }
  return { column, overlap };
}

/**
 * Where the pieces of each column of a space-aligned table start: the start
 * of every piece that lies (nearly) wholly inside one column, by vote.
 */
/**
 * A cell that runs into the next with one space between ("… thủ tục hành Trung tâm Phục vụ",
 * the name's line too long for its column): the segment is cut where a word starts at the
 * next column's anchor, the place that column's pieces start on the other rows.
 */
function splitAtAnchors(line: Line, segments: ReturnType<typeof layoutSegments>, header: TableHeader): ReturnType<typeof layoutSegments> {
  if (!header.anchors || header.anchors.size === 0) return segments;
  return segments.flatMap((s) => {
    const own = header.anchors!.get(s.x0) ?? columnByOverlap(header, s.x0, s.x1).column;
    const out: typeof segments = [];
    let from = s.from;
    for (let k = s.from + 1; k < s.to; k++) {
      const column = header.anchors!.get(line.indent + k);
      // (A word in small letters, then a capitalised one: not a group's title in capitals running across the columns.)
      if (column === undefined || column <= own || line.text[k - 1] !== ' ' || !/^\p{Lu}\p{Ll}/u.test(line.text.slice(k, k + 2)) || !/\p{Ll}/u.test(line.text[k - 2] ?? '')) continue;
      out.push({ x0: line.indent + from, x1: line.indent + k - 1, from, to: k - 1 });
      from = k;
    }
    out.push({ x0: line.indent + from, x1: s.x1, from, to: s.to });
    return out;
  });
}

function layoutAnchors(lines: readonly Line[], header: TableHeader): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (const l of lines) {
    if (l.role !== 'content') continue;
    for (const s of layoutSegments(l)) {
      const { column, overlap } = columnByOverlap(header, s.x0, s.x1);
      if (s.x1 - s.x0 < 4 || overlap < 0.8 * (s.x1 - s.x0)) continue;
      const v = votes.get(s.x0) ?? new Map<number, number>();
      v.set(column, (v.get(column) ?? 0) + 1);
      votes.set(s.x0, v);
    }
  }
  const anchors = new Map<number, number>();
  for (const [x, v] of votes) {
    const [column, n] = [...v].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= 2) anchors.set(x, column);
  }
  return anchors;
}

/**
 * Tab-separated rows whose cells hold line breaks. A spreadsheet quotes such a cell:
 * `7\t"Tái cấu trúc …;` / `hướng dẫn … lệ phí"\tNăm 2026\t…`. A Word table pasted as text
 * does not: `3\tTỷ lệ văn bản … điện tử` / `(trừ văn bản mật)\t%\t100%\tVăn phòng`, a row's
 * lines holding its `columns` cells between them. For each line whose first cell goes on a
 * cell of the line above, the column it goes on and whether that cell is quoted (lines not
 * listed start at the first column).
 *
 * An unquoted row is open while it has fewer cells than the header; the next line goes on it
 * when its cells fit in the rest, unless it opens with a row number of its own: after a group
 * row ("II\tKINH TẾ SỐ") always, after a numbered row unless it fills the row exactly
 * ("… mức" / "2\t%\t≥ 95%\t…").
 */
function tsvCarry(lines: readonly Line[], columns: number): Map<Line, { column: number; quoted: boolean }> {
  const carry = new Map<Line, { column: number; quoted: boolean }>();
  let quoted = -1; // the column of a quoted cell still open at the end of the line before
  let partial: { col: number; group: boolean } | null = null; // an unquoted row with cells to come
  for (const l of lines) {
    if (l.role === 'blank') continue;
    const parts = l.full.text.replace(/[\r\n]+$/, '').split('\t');
    const first = parts[0]!.trim();
    let start = 0;
    let group = /^(?:[IVXL]{1,6}|[A-HK])\.?$/.test(first);
    let goesOn = false;
    const inQuoted = quoted >= 0;
    if (inQuoted) {
      start = quoted;
      goesOn = true;
    } else if (partial && partial.col + parts.length - 1 <= columns - 1) {
      const numbered = ROW_MARKER.test(first);
      if (!numbered || (!partial.group && partial.col + parts.length === columns)) {
        start = partial.col;
        group = partial.group;
        goesOn = true;
      }
    }
    if (goesOn) carry.set(l, { column: start, quoted: inQuoted });
    let col = start;
    let inQuote = inQuoted;
    for (let c = 0; c < parts.length; c++, col++) {
      const body = parts[c]!.trim();
      if (inQuote) {
        if (body.endsWith('"')) inQuote = false;
      } else if (body.startsWith('"') && !(body.length > 1 && body.endsWith('"'))) inQuote = true;
      if (inQuote && c === parts.length - 1) break;
    }
    quoted = inQuote ? col : -1;
    const last = start + parts.length - 1;
    partial = !inQuote && last < columns - 1 && (parts.length > 1 || goesOn) ? { col: last, group } : null;
  }
  return carry;
}


/**
 * A flat table whose header has one label per line may be a Word table saved as text:
 * a row is its number's line and then one line per cell, an empty cell a blank line or
 * "-", and a group row ("I" / "CHÍNH QUYỀN SỐ") its number and title. The column of each
 * line that holds a cell when every row reads so (the next row's number comes right after
 * each row's cells), else null.
 */
export function cellLines(lines: readonly Line[], header: TableHeader): Map<Line, number> | null {
  if (header.mode !== 'flat' || header.lines.length !== header.columns.length || header.columns[0]?.role !== 'number') return null;
  const k = header.columns.length - 1;
  // The lines a row may take: blank lines count (empty cells), page artefacts and the
  // header printed again after a page break do not.
  let slots: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.role === 'trailer' || l.role === 'decoration' || l.role === 'footnote' || l.role === 'running-header') continue;
    // A number alone on its line reads as a page number, but here it is a row's or a cell's.
    if (l.role === 'page-number' && !/^\d{1,3}$/.test(l.text)) continue;
    const againEnd = headerAgainAt(lines, i);
    if (againEnd !== null) {
      i = againEnd;
      continue;
    }
    slots.push(l);
  }
  while (slots.length > 0 && slots[slots.length - 1]!.role === 'blank') slots.pop();
  while (slots.length > 0 && slots[0]!.role === 'blank') slots.shift();
  // A blank line after every line (a converter's paragraph spacing) says nothing: the lines
  // in between are the cells, a blank one among them an empty cell.
  if (slots.length > 2 && slots.every((l, i) => i % 2 === 0 || l.role === 'blank')) slots = slots.filter((_, i) => i % 2 === 0);
  const columns = new Map<Line, number>();
  // Where the next row may start at or after slot j: blank lines between rows are skipped.
  const rowAt = (j: number) => {
    while (j < slots.length && slots[j]!.role === 'blank') j++;
    return j;
  };
  // The number of the last numbered row: the next row's number follows it (a cell "100" does not).
  let last = 0;
  const startsRow = (j: number) => {
    if (j >= slots.length) return true;
    const t = slots[j]!.text;
    if (!ROW_MARKER.test(t)) return false;
    const top = /^(\d+)/.exec(t);
    return !top || [1, last, last + 1].includes(Number(top[1]));
  };
  let records = 0;
  for (let j = rowAt(0); j < slots.length; ) {
    const text = slots[j]!.text;
    if (!ROW_MARKER.test(text)) return null;
    columns.set(slots[j]!, 0);
    const roman = /^[IVXL]/.test(text);
    const top = /^(\d+)/.exec(text);
    if (top) last = Number(top[1]);
    // As many cells as the table has columns, else a title alone (a group row, as a Roman
    // numeral's row is whenever a row can start after its title).
    let n = k;
    if ((roman && startsRow(rowAt(j + 2))) || !startsRow(rowAt(j + 1 + k))) n = 1;
    if (n === 1 && !startsRow(rowAt(j + 2))) return null;
    for (let c = 1; c <= n; c++) {
      const l = slots[j + c];
      if (!l) return null;
      if (l.role !== 'blank' && !/^[-–]$/.test(l.text)) columns.set(l, c);
    }
    if (n === k) records++;
    j = rowAt(j + 1 + n);
  }
  return records >= 2 ? columns : null;
}

/** Cells of one line of a tabular table, as [from, to) ranges of line.text per column. */
function lineCells(line: Line, header: TableHeader, firstColumn = 0, inQuotes = false): { from: number; to: number }[] {
  const columns = header.columns;
  const out: { from: number; to: number }[] = columns.map(() => ({ from: 0, to: 0 }));
  if (header.mode === 'cells') {
    const c = header.lineColumns?.get(line);
    if (c !== undefined) out[c] = { from: 0, to: line.text.length };
    return out;
  }
  if (header.mode === 'layout') {
    // Each segment goes to the column it overlaps most. Header labels are often centred over
    // their columns, so a column runs from midway between its label and the previous one's to
    // midway between its label and the next one's.
    for (const s of splitAtAnchors(line, layoutSegments(line), header)) {
      // Cells are left-aligned: a piece that starts where the table's pieces of one column
      // start belongs there ("Văn phòng HĐND và" / "UBND"), however short it is.
      const anchored = header.anchors?.get(s.x0);
      const best = anchored ?? columnByOverlap(header, s.x0, s.x1).column;
      const cell = out[best]!;
      if (cell.to === 0) {
        cell.from = s.from;
        cell.to = s.to;
      } else cell.to = s.to;
    }
    return out;
  }
  const sep = header.mode === 'tsv' ? '\t' : '|';
  // Untrimmed: "\tminh cấp xã …" continues the row above with an empty number cell.
  let text = line.full.text.replace(/[\r\n]+$/, '');
  let offset = 0;
  if (header.mode === 'pipe') {
    const lead = text.length - text.trimStart().length;
    text = text.trimStart();
    offset = lead;
  }
  if (header.mode === 'pipe') {
    if (text.startsWith('|')) {
      text = text.slice(1);
      offset += 1;
    }
    text = text.replace(/\|\s*$/, '');
  }
  const parts = text.split(sep);
  let at = offset;
  for (let c = 0; c < parts.length; c++) {
    const p = parts[c]!;
    let lead = p.length - p.trimStart().length;
    let body = p.trim();
    // A spreadsheet's quotes around a cell are not its text.
    if (header.mode === 'tsv' && body.startsWith('"')) {
      lead++;
      body = body.slice(1);
    }
    if (header.mode === 'tsv' && body.endsWith('"') && (p.trim().startsWith('"') || (c === 0 && inQuotes))) body = body.slice(0, -1);
    // Extra cells beyond the header go to the last column.
    const target = Math.min(c + firstColumn, columns.length - 1);
    const cell = out[target]!;
    if (body) {
      if (cell.to === 0) {
        cell.from = at + lead;
        cell.to = at + lead + body.length;
      } else cell.to = at + lead + body.length;
    }
    at += p.length + 1;
  }
  return out;
}

/** lines[i] is the last of its page: a page break, a running header or the end comes next. */
function endsPage(lines: readonly Line[], i: number): boolean {
  // A page's footer right above ("Scanned with CamScanner" / "6"), or the next page's start below.
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    if (l.role === 'running-header') return true;
    break;
  }
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    return l.pageBreakBefore || l.role === 'running-header';
  }
  return true;
}

const COLUMN_NUMBERS = /^(?:[|\t ]*\(\d{1,2}\)){3,}[|\t ]*$/;

/**
 * Rows of a tab-separated, pipe or space-aligned table: a row starts where the
 * number column has text; a line whose number cell is empty continues the row
 * above it cell by cell (a wrapped cell).
 */
function collectTabularRows(lines: readonly Line[], header: TableHeader, issues: RowIssue[]): TableRow[] {
  const rows: TableRow[] = [];
  const numberCol = header.columns.findIndex((c) => c.role === 'number');
  const nameCol = header.columns.findIndex((c) => c.role === 'name');
  if (header.mode === 'layout' && numberCol === 0) {
    // The number column ends just after the longest row number ("23", "III"), so a short
    // wrapped word under the names ("dân") is not read as a row number.
    let right = header.columns[0]!.x1;
    for (const l of lines) {
      const first = layoutSegments(l)[0];
      if (first && first.x0 <= header.columns[0]!.x1 && ROW_MARKER.test(l.text.slice(first.from, first.to))) right = Math.max(right, first.x1);
    }
    header.numberRight = right + 1;
  }
  if (header.mode === 'layout') header.anchors = layoutAnchors(lines, header);
  const carry = header.mode === 'tsv' ? tsvCarry(lines, header.columns.length) : null;
  const read = (l: Line) => {
    const ranges = lineCells(l, header, carry?.get(l)?.column ?? 0, carry?.get(l)?.quoted ?? false);
    const src = header.mode === 'layout' || header.mode === 'cells' ? l.text : l.full.text;
    const cell = (c: number) => (c >= 0 ? src.slice(ranges[c]!.from, ranges[c]!.to).trim() : '');
    return { ranges, num: cell(numberCol), name: cell(nameCol), others: ranges.some((x, c) => c !== nameCol && c !== numberCol && x.to > x.from) };
  };
  /** The text of a row's name cell on its last line that has one. */
  const lastNameText = (row: TableRow): string => {
    const part = row.cells?.[nameCol]?.at(-1);
    return part ? (header.mode === 'layout' || header.mode === 'cells' ? part.line.text : part.line.full.text).slice(part.from, part.to).trim() : '';
  };
  // The lines that can hold cells: not blank, not a page number (unless it sits in the number
  // column), not the header printed again after a page break (maybe wrapped differently).
  const usable: Line[] = [];
  // Lines that come right after a page break (a page number, the header printed again).
  const afterBreak = new Set<Line>();
  let pageBreak = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.role === 'blank' || l.role === 'trailer' || l.role === 'decoration' || l.role === 'footnote') continue;
    if (header.mode === 'pipe' && PIPE_SEPARATOR.test(l.text)) continue;
    // "(1)  (2)  (3) …" under the header: the columns' numbers.
    if (COLUMN_NUMBERS.test(l.text)) continue;
    // No more lines than the header had the first time: below its last label's wrap
    // ("hoàn" / "thành") may come the rest of a cell split by the break ("và Công").
    const againEnd = headerAgainAt(lines, i, header.lines.length);
    if (againEnd !== null) {
      for (const l of headerLinesAbove(lines, i)) if (usable[usable.length - 1] === l) usable.pop();
      i = againEnd;
      pageBreak = true;
      continue;
    }
    if (l.role === 'running-header') continue;
    // A number alone under the names is a page number where a page starts or ends, else a
    // wrapped word of a cell ("… mức" / "2").
    if (l.role === 'page-number' && !header.lineColumns?.has(l) && (header.mode !== 'layout' || ((read(l).name !== '' || read(l).others) && (l.pageBreakBefore || endsPage(lines, i))))) {
      issues.push({ code: 'page-number-in-table', message: `"${l.text}" read as a page number`, line: l });
      pageBreak = true;
      continue;
    }
    if (pageBreak) afterBreak.add(l);
    pageBreak = false;
    usable.push(l);
  }
  let lastTop = 0;
  let lastRoman = 0;
  let lastGroup = 0;
  let lastSub = 0;
  for (let k = 0; k < usable.length; k++) {
    const line = usable[k]!;
    const here = read(line);
    const { ranges, num: numText, name: nameText } = here;
    const current = rows[rows.length - 1];
    // "… kinh tế" / "- xã hội; …": a compound's dash that the wrap put first on the line goes on the cell.
    const dash = DASH_ROW.exec(nameText);
    const carriesOn = dash && current && /^\p{Ll}/u.test(dash[2] ?? '') && /[\p{L}\d]$/u.test(lastNameText(current));
    if (!numText && !(dash && nameText.length > 1 && !carriesOn) && current) {
      ranges.forEach((r, c) => {
        if (r.to > r.from) current.cells![c]!.push({ line, ...r });
      });
      current.lines.push(line);
      continue;
    }
    let kind: RowKind = 'plain';
    let ordinal: number[] = [];
    const roman = romanValue(numText.replace(/[.)]$/, '')) ?? (/^[A-HK]\.?$/.test(numText) ? numText.charCodeAt(0) - 64 : null);
    const num = /^(\d{1,3})(?:\.(\d{1,3}))?\.?$/.exec(numText);
    let freshGroup = false;
    if (roman && !num) {
      kind = 'roman';
      ordinal = [roman];
      if (roman !== lastRoman + 1) issues.push({ code: roman === lastRoman ? 'numbering-repeat' : 'numbering-gap', message: `group ${numText} follows ${lastRoman || 'the header'}`, line });
      lastRoman = roman;
      freshGroup = true;
    } else if (num) {
      const top = Number(num[1]);
      if (num[2] !== undefined) {
        kind = 'dash';
        const sub = Number(num[2]);
        ordinal = [top, sub];
        // "2.2" then "2.4": a sub-row skipped; "2.2" twice: repeated. A new group starts at .1.
        if (top === lastGroup) {
          if (sub === lastSub) issues.push({ code: 'numbering-repeat', message: `row number ${numText} is repeated`, line });
          else if (sub > lastSub + 1) issues.push({ code: 'numbering-gap', message: `row number ${numText} follows ${top}.${lastSub}: ${sub - lastSub - 1} number(s) skipped`, line });
        }
        lastGroup = top;
        lastSub = sub;
      } else {
        kind = 'number';
        ordinal = [top];
        // Numbering restarts at 1 in each group, or runs on across groups.
        const restart = top === 1 && (rows[rows.length - 1]?.kind === 'roman' || lastTop === 0);
        if (!restart) {
          if (top === lastTop) issues.push({ code: 'numbering-repeat', message: `row number ${top} is repeated`, line });
          else if (top > lastTop + 1) issues.push({ code: 'numbering-gap', message: `row number ${top} follows ${lastTop}: ${top - lastTop - 1} number(s) skipped`, line });
          else if (top < lastTop) issues.push({ code: 'numbering-unusual', message: `row number ${top} follows ${lastTop}`, line });
        }
        lastTop = top;
      }
    } else if (/^[-–—+•]$/.test(numText) || dash) kind = 'dash';
    void freshGroup;
    const cells: { line: Line; from: number; to: number }[][] = header.columns.map(() => []);
    // A number centred lower in a tall row: the row's first lines went to the row above. Its
    // name goes on in lower case after the number ("7   đối với thủ tục …"); take back the
    // row above's lines from the last one whose name starts with a capital ("Rà soát, …").
    // After a page break the same holds for a row whose first lines open with a capital: a row
    // that goes on across the break goes on in lower case.
    const reclaimed: Line[] = [];
    const above = rows[rows.length - 1];
    if (header.mode === 'layout' && above && num) {
      let j = -1;
      if (/^\p{Ll}/u.test(nameText)) {
        j = above.lines.length - 1;
        while (j > 0 && !/^\p{Lu}/u.test(read(above.lines[j]!).name)) j--;
      } else {
        const broken = above.lines.findIndex((l) => afterBreak.has(l));
        if (broken > 0 && /^\p{Lu}/u.test(read(above.lines[broken]!).name)) j = broken;
      }
      if (j > 0) {
        reclaimed.push(...above.lines.splice(j));
        above.cells!.forEach((col, c) => {
          const moved = col.filter((p) => reclaimed.includes(p.line));
          above.cells![c] = col.filter((p) => !reclaimed.includes(p.line));
          cells[c]!.push(...moved);
        });
      }
    }
    ranges.forEach((r, c) => {
      if (r.to > r.from) cells[c]!.push({ line, ...r });
    });
    // "- Tỷ lệ …" written in the name cell: drop the dash from the name.
    if (dash && nameCol >= 0 && cells[nameCol]!.length > 0) {
      const cell = cells[nameCol]![cells[nameCol]!.length - 1]!;
      cell.from += nameText.length - (dash[2] ?? '').length;
    }
    // "1." and "II." are numbered 1 and II, as rows in flattened text are.
    const numbering = num || roman ? numText.replace(/\.$/, '') : numText;
    rows.push({ kind, numbering: numbering || (kind === 'dash' ? '-' : null), ordinal, lines: [...reclaimed, line], textStart: 0, cells });
  }
  return rows;
}

export function collectRows(lines: readonly Line[], header: TableHeader, issues: RowIssue[]): TableRow[] {
  return header.mode === 'flat' ? collectFlatRows(lines, issues) : collectTabularRows(lines, header, issues);
}
