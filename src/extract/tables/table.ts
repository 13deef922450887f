import type { Line } from '../../normalize/lines.js';
import { joinPieces } from '../../normalize/line-joins.js';
import type { Mapped } from '../../text/mapped.js';
import type { LineIndex } from '../../text/positions.js';
import type { ColumnRole, TableHeader } from './header.js';
import { collectRows, type RowIssue, type RowKind, type TableRow } from './rows.js';
import { segmentRow, tokenize } from './segment.js';

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
}

function rowContent(row: TableRow): Mapped {
  const pieces = row.lines.map((l, i) => (i === 0 ? l.m.slice(row.textStart) : l.m));
  return joinPieces(pieces);
}

/** The row's lines as they are, number and all. */
function rowText(lines: readonly Line[]): Mapped {
  return joinPieces(lines.map((l) => l.m));
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

function cutFlat(content: Mapped, header: TableHeader, index: LineIndex): Cut {
  const columns = header.columns.filter((c) => c.role !== 'number');
  const roles = columns.map((c) => c.role);
  if (roles[0] !== 'name') {
    const i = roles.indexOf('name');
    if (i > 0) {
      roles.splice(i, 1);
      roles.unshift('name');
      const [c] = columns.splice(i, 1);
      columns.unshift(c!);
    }
  }
  const tokens = tokenize(content, (o) => index.point(o).line);
  const seg = segmentRow(tokens, roles);
  const cells: Partial<Record<ColumnRole, Mapped>> = {};
  const targets: { year: number | null; cell: Mapped }[] = [];
  if (!seg) return { name: content, cells, targets, uncertain: true };
  let name = content;
  seg.spans.forEach(([a, b], c) => {
    const piece = a < b ? content.slice(tokens[a]!.from, tokens[b - 1]!.to) : emptyAt(content);
    const role = roles[c]!;
    if (role === 'name') name = piece;
    else if (role === 'target') targets.push({ year: columns[c]!.year, cell: piece });
    else if (!cells[role] || cells[role]!.length === 0) cells[role] = piece;
  });
  return { name, cells, targets, uncertain: false };
}

function cutTabular(row: TableRow, header: TableHeader): Cut {
  const cells: Partial<Record<ColumnRole, Mapped>> = {};
  const targets: { year: number | null; cell: Mapped }[] = [];
  let name: Mapped | null = null;
  header.columns.forEach((col, c) => {
    const pieces = (row.cells?.[c] ?? []).map((p) => (header.mode === 'layout' ? p.line.m : p.line.full).slice(p.from, p.to));
    const joined = joinPieces(pieces);
    if (col.role === 'name') name = joined;
    else if (col.role === 'target') targets.push({ year: col.year, cell: joined });
    else if (col.role !== 'number' && (!cells[col.role] || cells[col.role]!.length === 0)) cells[col.role] = joined;
  });
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

export function parseTable(lines: readonly Line[], header: TableHeader, index: LineIndex): ParsedTable {
  const issues: RowIssue[] = [];
  const body = lines.filter((l) => !header.lines.includes(l));
  const rows = collectRows(body, header, issues);
  const entries: TableEntry[] = [];
  const cut = (row: TableRow, content: Mapped): Cut => (header.mode === 'flat' ? cutFlat(content, header, index) : cutTabular(row, header));

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
  const groupsNow = (): Mapped[] => [roman, numberGroup].filter((g): g is Mapped => g !== null && g.length > 0);

  rows.forEach((row, i) => {
    const content = rowContent(row);
    const whole = rowText(row.lines);
    if (row.kind === 'roman') {
      const tabularName = header.mode === 'flat' ? null : cutTabular(row, header).name;
      const title = tabularName && tabularName.length > 0 ? tabularName : content;
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
      if (groupsTable && header.mode === 'flat') {
        const { title, rest } = splitTitle(row, longest * 0.8);
        if (rest.length > 0) {
          const titleRow: TableRow = { ...row, lines: title };
          const titleText = rowContent(titleRow);
          entries.push({ kind: 'group', rowKind: 'number', numbering: row.numbering, groups: groupsNow(), name: titleText, cells: {}, targets: [], whole: rowText(title), lines: title, uncertain: false });
          numberGroup = titleText;
          const child: TableRow = { kind: 'plain', numbering: null, ordinal: [], lines: rest, textStart: 0, cells: null };
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
  });
  return { header, entries, issues };
}
