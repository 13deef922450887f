import type { Line } from '../../normalize/lines.js';
import { joinPieces } from '../../normalize/line-joins.js';
import { MappedBuilder, type Mapped } from '../../text/mapped.js';
import type { LineIndex } from '../../text/positions.js';
import type { ColumnRole, TableHeader } from './header.js';
import { cellLines, collectRows, type RowIssue, type RowKind, type TableRow } from './rows.js';
import { INTERLEAVED, segmentInterleaved, scoreCells, type CellPieces } from './interleave.js';
import { NEG, segmentRow, tokenize, type Token } from './segment.js';
import { WordPairs } from './word-pairs.js';

/** A row read into cells. Group rows ("I Đến năm 2030", "1 Nâng cao nhận thức …" over "-" rows) carry titles. */
export interface TableEntry {
  kind: 'group' | 'record';
  rowKind: RowKind;
  numbering: string | null;
  /** Titles of the enclosing group rows, outermost first. */
  groups: Mapped[];
  /** The name cell (a group's title for a group). */
  name: Mapped;
  cells: Partial<Record<ColumnRole, Mapped>>;
  /** Target cells with the year their column names ("Năm 2025"), in column order. */
  targets: { year: number | null; cell: Mapped }[];
  /** All of the row's text, its number included: the row's position. */
  whole: Mapped;
  lines: Line[];
  /** The row's cells could not be told apart with confidence. */
  uncertain: boolean;
}

export interface ParsedTable {
  header: TableHeader;
  entries: TableEntry[];
  issues: RowIssue[];
  /** The heading the table stands under inside an annex ("A. NHIỆM VỤ THƯỜNG XUYÊN"): its rows' group when they have none. */
  caption?: string;
}

function rowContent(row: TableRow): Mapped {
  const at = row.numberAt ?? 0;
  const pieces = row.lines.map((l, i) => (i === at ? l.m.slice(row.textStart) : l.m));
  return joinPieces(pieces);
}

/** A row's text without the number it opens with ("I", "II."), as a table laid out in columns keeps it. */
function withoutNumber(text: Mapped, numbering: string | null): Mapped {
  const m = numbering ? new RegExp(`^${numbering.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.?\\s+`).exec(text.text) : null;
  return m ? text.slice(m[0].length) : text;
}

/** The row's lines as they are, number and all. */
function rowText(lines: readonly Line[]): Mapped {
  return joinPieces(lines.map((l) => l.m));
}

/** "Tháng 01/2026" and "Tháng 02/2026" as one span: "Tháng 01/2026 - Tháng 02/2026". */
function spanOf(from: Mapped, to: Mapped): Mapped {
  const b = new MappedBuilder();
  b.append(from);
  const at = from.endAt(from.length - 1);
  b.appendText(' - ', at, at);
  b.append(to);
  return b.build();
}

function emptyAt(m: Mapped): Mapped {
  return m.slice(m.length, m.length);
}

interface Cut {
  name: Mapped;
  cells: Partial<Record<ColumnRole, Mapped>>;
  targets: { year: number | null; cell: Mapped }[];
  uncertain: boolean;
}

/** A flat row read both ways: cell after cell, and line by line across the cells (interleave.ts). */
interface FlatCut {
  block: Cut;
  blockScore: number;
  interleaved: Cut | null;
  interleavedScore: number;
  /** The row read line by line once the table is known to be read so. */
  settled(): Cut;
}

function flatColumns(header: TableHeader): TableHeader['columns'] {
  const columns = header.columns.filter((c) => c.role !== 'number');
  const i = columns.findIndex((c) => c.role === 'name');
  if (i > 0) columns.unshift(...columns.splice(i, 1));
  return columns;
}

function cutFromPieces(content: Mapped, tokens: Token[], columns: TableHeader['columns'], cells: CellPieces): Cut {
  const out: Partial<Record<ColumnRole, Mapped>> = {};
  const targets: { year: number | null; cell: Mapped }[] = [];
  let name = content;
  cells.forEach((pieces, c) => {
    const piece = pieces.length > 0 ? joinPieces(pieces.map(([a, b]) => content.slice(tokens[a]!.from, tokens[b - 1]!.to))) : emptyAt(content);
    const role = columns[c]!.role;
    if (role === 'name') name = piece;
    else if (role === 'target') targets.push({ year: columns[c]!.year, cell: piece });
    else if (!out[role] || out[role]!.length === 0) out[role] = piece;
  });
  return { name, cells: out, targets, uncertain: false };
}

/** tokens[a, b) as one piece per text line. */
function byLine(tokens: Token[], a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = a; i < b; i++) {
    if (i === a || tokens[i]!.lineStart) out.push([i, i + 1]);
    else out[out.length - 1]![1] = i + 1;
  }
  return out;
}

function cutFlat(content: Mapped, header: TableHeader, index: LineIndex, pairs: WordPairs, tryInterleaved: boolean): FlatCut {
  const columns = flatColumns(header);
  const roles = columns.map((c) => c.role);
  const tokens = tokenize(content, (o) => index.lineAt(o));
  const seg = segmentRow(tokens, roles);
  if (!seg) {
    const none: Cut = { name: content, cells: {}, targets: [], uncertain: true };
    return { block: none, blockScore: NEG, interleaved: null, interleavedScore: NEG, settled: () => none };
  }
  const blockCells: CellPieces = seg.spans.map(([a, b]) => byLine(tokens, a, b));
  const block = cutFromPieces(content, tokens, columns, blockCells);
  const inter = tryInterleaved && tokens.length <= SAMPLE_TOKENS && lineCount(tokens) <= SAMPLE_LINES ? segmentInterleaved(tokens, roles, pairs) : null;
  const interleaved = inter ? cutFromPieces(content, tokens, columns, inter.cells) : null;
  return {
    block,
    blockScore: scoreCells(tokens, roles, blockCells, pairs),
    interleaved,
    interleavedScore: inter?.score ?? NEG,
    settled: () => {
      const again = segmentInterleaved(tokens, roles, pairs, INTERLEAVED);
      return again ? cutFromPieces(content, tokens, columns, again.cells) : (interleaved ?? block);
    },
  };
}

// A schedule's mark: the row runs in this column's period.
const MARK = /^[xX✓✔●•+]$/;

/** The periods a schedule's row marks, as a timeline cell: "Quý II", "Quý I - Quý III" (a run), "Quý II, Quý IV". */
function periodsOf(marks: { period: string; cell: Mapped; index: number }[]): Mapped {
  const b = new MappedBuilder();
  const at = marks[0]!.cell.endAt(0);
  const runs: string[][] = [];
  marks.forEach((m, k) => (k > 0 && marks[k - 1]!.index === m.index - 1 ? runs[runs.length - 1]!.push(m.period) : runs.push([m.period])));
  b.appendText(runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]} - ${r[r.length - 1]}`)).join(', '), at, at);
  return b.build();
}

function cutTabular(row: TableRow, header: TableHeader): Cut {
  const cells: Partial<Record<ColumnRole, Mapped>> = {};
  const targets: { year: number | null; cell: Mapped }[] = [];
  let name: Mapped | null = null;
  const marks: { period: string; cell: Mapped; index: number }[] = [];
  header.columns.forEach((col, c) => {
    const pieces = (row.cells?.[c] ?? []).map((p) => (header.mode === 'layout' || header.mode === 'cells' ? p.line.m : p.line.full).slice(p.from, p.to));
    const joined = joinPieces(pieces);
    if (col.period && MARK.test(joined.text.trim())) marks.push({ period: col.period, cell: joined, index: c });
    else if (col.role === 'name') name = joined;
    else if (col.role === 'target') targets.push({ year: col.year, cell: joined });
    else if (col.role !== 'number' && (!cells[col.role] || cells[col.role]!.length === 0)) cells[col.role] = joined;
    // "Thời gian bắt đầu" and "Thời gian hoàn thành": one timeline, from the one to the other.
    else if (col.role === 'timeline' && joined.length > 0) cells.timeline = spanOf(cells.timeline!, joined);
  });
  // (A schedule's row that writes its time across the periods, "Thường xuyên", keeps it.)
  if (marks.length > 0 && !(cells.timeline && cells.timeline.length > 0)) cells.timeline = periodsOf(marks);
  const whole = rowContent(row);
  return { name: name ?? emptyAt(whole), cells, targets, uncertain: false };
}

function hasOwnCells(cut: Cut): boolean {
  return Object.values(cut.cells).some((m) => m && m.length > 0) || cut.targets.some((t) => t.cell.length > 0);
}

/**
 * In a table whose numbered rows are group titles over "-" rows, a numbered
 * row with no "-" rows under it can still hold one task written without a
 * dash: its title spans the table's width, the task's lines do not.
 */
function splitTitle(row: TableRow, wide: number): { title: Line[]; rest: Line[] } {
  const lines = row.lines;
  let i = 0;
  // A bare "8" line: the title starts on the next line.
  if (row.lines[0]!.text.length <= row.textStart) i = 1;
  const title: Line[] = lines.slice(0, i + 1);
  for (let j = i + 1; j < lines.length; j++) {
    const prev = lines[j - 1]!;
    if (prev.text.length < wide) break;
    title.push(lines[j]!);
  }
  return { title, rest: lines.slice(title.length) };
}

/**
 * The same for a table with columns: the title is the row's first lines,
 * which hold nothing but its number and name; the task starts at the first
 * line with other cells (a title row over a task row that has no number).
 */
function splitTabularTitle(row: TableRow, header: TableHeader): { title: Line[]; rest: Line[] } {
  const own = header.columns.map((c, k) => (c.role === 'number' || c.role === 'name' ? -1 : k)).filter((k) => k >= 0);
  const hasCells = (l: Line) => own.some((k) => row.cells?.[k]?.some((p) => p.line === l && p.to > p.from));
  const first = row.lines.findIndex(hasCells);
  if (first <= 0) return { title: row.lines, rest: [] };
  return { title: row.lines.slice(0, first), rest: row.lines.slice(first) };
}

/**
 * Read a table from its lines, header first. Blank lines are read only where they may be
 * empty cells (a table with a line per cell, cellLines).
 */
export function parseTable(lines: readonly Line[], found: TableHeader, index: LineIndex, pairs = new WordPairs()): ParsedTable {
  const issues: RowIssue[] = [];
  const below = lines.filter((l) => !found.lines.includes(l));
  const body = below.filter((l) => l.role !== 'blank');
  const lineColumns = cellLines(below, found);
  const header: TableHeader = lineColumns ? { ...found, mode: 'cells', lineColumns } : found;
  const rows = collectRows(body, header, issues);
  // A flat table is read cell after cell unless its rows read clearly better line by line.
  const flatCuts = new Map<string, FlatCut>();
  let interleaved = false;
  let gain = 0;
  let compared = 0;
  const cut = (row: TableRow, content: Mapped): Cut => {
    if (header.mode !== 'flat') return cutTabular(row, header);
    const id = `${content.length > 0 ? content.startAt(0) : -1}:${content.length}`;
    let f = flatCuts.get(id);
    if (!f) {
      // Once a few rows have read no better line by line, the rest are read in block order only.
      const tryInterleaved = compared < INTERLEAVED_SAMPLE || gain > 1;
      f = cutFlat(content, header, index, pairs, tryInterleaved);
      flatCuts.set(id, f);
      if (f.interleaved && f.blockScore > NEG) {
        gain += f.interleavedScore - f.blockScore;
        compared++;
      }
    }
    return interleaved ? f.settled() : f.block;
  };
  const entries = readRows(rows, header, body, cut);
  groupsFromColumn(rows, header, entries, lines);
  if (header.mode === 'layout') for (const role of MERGED_ROLES) spreadMergedCells(entries, role);
  if (header.mode === 'flat' && compared > 0 && gain > interleavedMargin(compared)) {
    interleaved = true;
    issues.push({ code: 'table-interleaved', message: 'the table\'s rows hold their cells side by side, line by line; read so', line: header.lines[0]! });
    return { header, entries: readRows(rows, header, body, cut), issues };
  }
  return { header, entries, issues };
}

/**
 * A group column ("Lĩnh vực") holds one merged cell per group, printed once, centred against
 * its rows: "Chính quyền số" on the third row's second line. The rows between two blank lines
 * are one group; its name is what the column holds on their lines, and it comes before the
 * groups the rows have. In a table of a row per line (Markdown, tab-separated) each row has
 * its cell: the merged cell's text on every row it spans (docling) or on its first (the rows
 * under it, empty, go on in it).
 */
function groupsFromColumn(rows: readonly TableRow[], header: TableHeader, entries: TableEntry[], lines: readonly Line[]): void {
  const col = header.columns.findIndex((c) => c.role === 'group');
  if (col < 0 || rows.some((r) => !r.cells)) return;
  // (A row per line, or a cell on every row: each row names its own group.)
  const everyRow = rows.every((r) => r.cells![col]!.some((p) => p.to > p.from));
  const groupOf = header.mode === 'pipe' || header.mode === 'tsv' || everyRow ? groupsByRow(rows, header, col) : groupsByBlock(rows, header, col, lines);
  for (const e of entries) {
    const g = e.lines[0] ? groupOf.get(e.lines[0]) : undefined;
    if (g) e.groups = [g, ...e.groups];
  }
}

/** Each row's group cell, or the last one above it when its own is empty. */
function groupsByRow(rows: readonly TableRow[], header: TableHeader, col: number): Map<Line, Mapped> {
  const groupOf = new Map<Line, Mapped>();
  let last: Mapped | null = null;
  for (const r of rows) {
    const pieces = r.cells![col]!.map((p) => (header.mode === 'layout' || header.mode === 'cells' ? p.line.m : p.line.full).slice(p.from, p.to));
    if (pieces.some((p) => p.text.trim() !== '')) last = joinPieces(pieces);
    if (last) for (const l of r.lines) groupOf.set(l, last);
  }
  return groupOf;
}

/**
 * The group of the rows between two blank lines: what the column holds on their lines; where
 * a block holds several names, each its rows (`namedParts`).
 */
function groupsByBlock(rows: readonly TableRow[], header: TableHeader, col: number, lines: readonly Line[]): Map<Line, Mapped> {
  // Rows part where more lines stand between them than between most rows: a blank line (or a
  // page break), or two where the text has a blank line after every line.
  const gaps = rows.map((row, i) => (i === 0 ? 0 : row.lines[0]!.index - rows[i - 1]!.lines[rows[i - 1]!.lines.length - 1]!.index));
  const least = Math.min(...gaps.slice(1));
  const blocks: TableRow[][] = [];
  rows.forEach((row, i) => {
    if (i === 0 || gaps[i]! > least) blocks.push([]);
    blocks[blocks.length - 1]!.push(row);
  });
  const groupOf = new Map<Line, Mapped>();
  const piecesOf = (r: TableRow) => r.cells![col]!.map((p) => (header.mode === 'layout' || header.mode === 'cells' ? p.line.m : p.line.full).slice(p.from, p.to));
  const hasName = (r: TableRow) => piecesOf(r).some((p) => p.text.trim() !== '');
  // Names printed at their group's first row, or centred against its rows (then a group that a
  // page break cuts goes on past it by as many rows as its name stands below its first).
  const topAligned = blocks[0]!.length > 0 && hasName(blocks[0]![0]!);
  let last: Mapped | null = null;
  let carry = 0;
  let prevEnd = -1;
  for (const block of blocks) {
    const parts = namedParts(block, hasName, topAligned);
    // Rows before the block's first name, after a page break: the group above goes on (the break cut it).
    const start = block[0]!.lines[0]!.index;
    const broken = lines.some((l) => l.index > prevEnd && l.index <= start && (l.pageBreakBefore || l.role === 'page-number'));
    prevEnd = block[block.length - 1]!.lines.at(-1)!.index;
    const first = parts[0]!.findIndex(hasName);
    const before = first < 0 || !broken ? 0 : topAligned ? first : Math.min(first, carry);
    if (last && before > 0) for (const r of parts[0]!.splice(0, before)) for (const l of r.lines) groupOf.set(l, last);
    for (const part of parts) {
      const pieces = part.flatMap(piecesOf);
      // (Rows after a page break, with nothing in the column, go on in the group above.)
      const name: Mapped | null = pieces.length > 0 ? joinPieces(pieces) : last;
      last = name;
      if (name && name.length > 0) for (const r of part) for (const l of r.lines) groupOf.set(l, name);
    }
    // A centred name as many rows below its group's first as above its last: the rows it lacks below go on after the break.
    const tail = parts[parts.length - 1]!;
    const at = tail.findIndex(hasName);
    let end = at;
    while (end >= 0 && end < tail.length && hasName(tail[end]!)) end++;
    carry = at < 0 ? 0 : Math.max(0, at - (tail.length - end));
  }
  return groupOf;
}

/**
 * A block's rows by the group names in it. With no blank line between groups (a ruled table)
 * a block can hold several: each name (its rows in a run: "Hạ tầng số, an" / "toàn thông
 * tin") is the group of the rows from it to the next (`topAligned`), or of those nearer to it
 * than to the next when names are centred ("Chính quyền số" against rows 1–6).
 */
function namedParts(block: TableRow[], hasName: (r: TableRow) => boolean, topAligned: boolean): TableRow[][] {
  const names: number[][] = [];
  block.forEach((r, k) => {
    if (!hasName(r)) return;
    const run = names[names.length - 1];
    if (run && run[run.length - 1] === k - 1) run.push(k);
    else names.push([k]);
  });
  if (names.length < 2) return [block];
  const bounds = names.slice(1).map((run, n) => (topAligned ? run[0]! - 0.5 : (mean(names[n]!) + mean(run)) / 2));
  const parts: TableRow[][] = names.map(() => []);
  let n = 0;
  block.forEach((r, k) => {
    while (n < bounds.length && k > bounds[n]!) n++;
    parts[n]!.push(r);
  });
  return parts;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// Cells a PDF table merges over several rows: one unit leads a block of tasks, one time covers them.
const MERGED_ROLES: ColumnRole[] = ['lead', 'support', 'timeline'];

/**
 * A cell merged over a block of rows, its text centred against them ("Phòng Văn hóa -" on the
 * third row's last line, "Xã hội" on the fourth's first, nothing on the rows above and below):
 * where a row's cell is empty, the rows next to it hold the text, and as many rows below that
 * text are empty as above it (give or take one), the text is the cell of every row of the block.
 * Group rows bound a block.
 */
function spreadMergedCells(entries: TableEntry[], role: ColumnRole): void {
  const filled = (e: TableEntry) => (e.cells[role]?.text.trim() ?? '') !== '';
  const records = entries.filter((e) => e.kind === 'record');
  if (records.every(filled) || !records.some(filled)) return;
  for (let a = 0; a < entries.length; a++) {
    if (entries[a]!.kind !== 'record' || !filled(entries[a]!) || (a > 0 && entries[a - 1]!.kind === 'record' && filled(entries[a - 1]!))) continue;
    let b = a;
    while (b + 1 < entries.length && entries[b + 1]!.kind === 'record' && filled(entries[b + 1]!)) b++;
    let up = 0;
    while (a - up - 1 >= 0 && entries[a - up - 1]!.kind === 'record' && !filled(entries[a - up - 1]!)) up++;
    let down = 0;
    while (b + down + 1 < entries.length && entries[b + down + 1]!.kind === 'record' && !filled(entries[b + down + 1]!)) down++;
    if (up === 0 || down === 0 || Math.abs(up - down) > 1 || b - a > 2) continue;
    const text = joinPieces(entries.slice(a, b + 1).map((e) => e.cells[role]!));
    for (const e of entries.slice(a - up, b + down + 1)) e.cells[role] = text;
    a = b + down;
  }
}

/** How many rows are read both ways before a table that reads no better line by line stops trying. */
const INTERLEAVED_SAMPLE = 3;
/** Rows read both ways to decide are short ones (the search grows fast with a row's lines and words). */
const SAMPLE_LINES = 4;
const SAMPLE_TOKENS = 48;

function lineCount(tokens: Token[]): number {
  let n = tokens.length > 0 ? 1 : 0;
  for (const t of tokens) if (t.lineStart) n++;
  return n;
}

/** How much better line-by-line reading must score, over a table's rows, to be chosen. */
function interleavedMargin(rows: number): number {
  return 2 + 0.5 * rows;
}

function readRows(rows: TableRow[], header: TableHeader, body: Line[], cut: (row: TableRow, content: Mapped) => Cut): TableEntry[] {
  const entries: TableEntry[] = [];

  // Which numbered rows have "-" rows under them?
  const hasChildren = rows.map((r, i) => {
    if (r.kind !== 'number') return false;
    for (let j = i + 1; j < rows.length; j++) {
      const k = rows[j]!.kind;
      if (k === 'dash') return true;
      if (k === 'number' || k === 'roman') return false;
    }
    return false;
  });
  const numbered = rows.filter((r) => r.kind === 'number').length;
  const groupsTable = numbered >= 2 && hasChildren.filter(Boolean).length * 2 >= numbered;
  const longest = Math.max(0, ...body.map((l) => l.text.length));

  let roman: Mapped | null = null;
  let numberGroup: Mapped | null = null;
  // A sub-numbered row ("3.2") over "-" rows is their group too.
  let subGroup: Mapped | null = null;
  const groupsNow = (): Mapped[] => [roman, numberGroup, subGroup].filter((g): g is Mapped => g !== null && g.length > 0);
  const bareDash = (r: TableRow | undefined) => r !== undefined && r.kind === 'dash' && !/\d/.test(r.numbering ?? '');

  rows.forEach((row, i) => {
    const content = rowContent(row);
    const whole = rowText(row.lines);
    if (!bareDash(row)) subGroup = null;
    if (row.kind === 'roman') {
      const tabularName = header.mode === 'flat' ? null : cutTabular(row, header).name;
      // (A title that starts left of the name column, "I   NÂNG CAO NHẬN THỨC …" across a
      // timeline column put first: the row's text after its number.)
      const title = tabularName && tabularName.length > 0 ? tabularName : withoutNumber(content, row.numbering);
      roman = title;
      numberGroup = null;
      entries.push({ kind: 'group', rowKind: 'roman', numbering: row.numbering, groups: [], name: title, cells: {}, targets: [], whole, lines: row.lines, uncertain: false });
      return;
    }
    if (row.kind === 'number') {
      numberGroup = null;
      if (hasChildren[i]) {
        const c = cut(row, content);
        const own = hasOwnCells(c);
        const title = own ? c.name : header.mode === 'flat' ? content : c.name;
        if (own) entries.push({ kind: 'record', rowKind: 'number', numbering: row.numbering, groups: groupsNow(), name: c.name, cells: c.cells, targets: c.targets, whole, lines: row.lines, uncertain: c.uncertain });
        entries.push({ kind: 'group', rowKind: 'number', numbering: row.numbering, groups: groupsNow(), name: title, cells: {}, targets: [], whole, lines: row.lines, uncertain: false });
        numberGroup = title;
        return;
      }
      if (groupsTable) {
        const { title, rest } = header.mode === 'flat' ? splitTitle(row, longest * 0.8) : splitTabularTitle(row, header);
        if (rest.length > 0) {
          const titleRow: TableRow = { ...row, lines: title, cells: row.cells && row.cells.map((col) => col.filter((p) => title.includes(p.line))) };
          const titleText = header.mode === 'flat' ? rowContent(titleRow) : cutTabular(titleRow, header).name;
          entries.push({ kind: 'group', rowKind: 'number', numbering: row.numbering, groups: groupsNow(), name: titleText, cells: {}, targets: [], whole: rowText(title), lines: title, uncertain: false });
          numberGroup = titleText;
          const child: TableRow = { kind: 'plain', numbering: null, ordinal: [], lines: rest, textStart: 0, cells: row.cells && row.cells.map((col) => col.filter((p) => rest.includes(p.line))) };
          const childContent = rowContent(child);
          const c = cut(child, childContent);
          entries.push({ kind: 'record', rowKind: 'plain', numbering: null, groups: groupsNow(), name: c.name, cells: c.cells, targets: c.targets, whole: rowText(rest), lines: rest, uncertain: c.uncertain });
          return;
        }
      }
    }
    if (content.length === 0) return;
    const c = cut(row, content);
    if (c.name.length === 0 && !hasOwnCells(c)) return;
    entries.push({ kind: 'record', rowKind: row.kind, numbering: row.numbering, groups: groupsNow(), name: c.name.length > 0 ? c.name : content, cells: c.cells, targets: c.targets, whole, lines: row.lines, uncertain: c.uncertain });
    if (/^\d+\.\d+$/.test(row.numbering ?? '') && bareDash(rows[i + 1]) && c.name.length > 0) subGroup = c.name;
  });
  return entries;
}
