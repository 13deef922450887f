import { looseKey } from '../text/fold.js';
import { Mapped, MappedBuilder } from '../text/mapped.js';
import { NUMBER_LABEL } from './labels.js';
import { joinPieces } from './line-joins.js';

/**
 * HTML tables left in text: pandoc writes a Word table that Markdown cannot
 * hold (merged cells, cells of several paragraphs) as raw HTML, a tag or a
 * cell per line:
 *
 *   <tr>
 *   <td style="text-align: center;">2.</td>
 *   <td>Tỷ lệ hộ kinh doanh … sử dụng hóa
 *   đơn điện tử</td>
 *   <td rowspan="2">Công an phường</td>
 *
 * A data table (its first row opens with a number column, STT, or has more than
 * three cells) becomes one pipe row per <tr>, at the line of its first cell: each
 * cell's paragraphs and wrapped lines joined, tags dropped, entities decoded; a
 * cell spanning N columns is followed by N - 1 empty ones, a cell spanning N rows
 * is read again in the rows below. A table that lays out the page (the issuer
 * beside the motto, the recipients beside the signature) becomes its cells'
 * paragraphs side by side, as the same layout in a Markdown pipe table.
 */

export interface HtmlTableLines {
  /** Raw line index → the lines to put there (none: the line is inside a table). */
  at: Map<number, { lines: Mapped[]; layout: boolean }>;
}

const TABLE_OPEN = /^\s*<table\b[^>]*>/i;
const TABLE_CLOSE = /<\/table\s*>/gi;
const ROW = /<tr\b[^>]*>/gi;
const CELL = /<t([dh])\b([^>]*)>/gi;
const ROW_END = /<\/tr\s*>|<tr\b|<\/t(?:head|body|foot)\s*>/gi;
const CELL_END = /<\/t[dh]\s*>|<t[dh]\b/gi;
// Where a cell's paragraphs part: <p>, </p>, <br>, and nested lists' items.
const PARAGRAPH = /<\/?p\b[^>]*>|<br\s*\/?>|<\/?li\b[^>]*>/gi;
const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi;
const NAMED: Record<string, string> = { gt: '>', lt: '<', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', ge: '≥', le: '≤', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

function decodeEntity(m: RegExpExecArray): string {
  if (m[1] || m[2]) {
    const code = m[1] ? Number(m[1]) : parseInt(m[2]!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m[0];
  }
  return NAMED[m[3]!.toLowerCase()] ?? m[0];
}

/** Where `re` (global) first matches in text[from, to), else `to`. */
function nextMatch(text: string, re: RegExp, from: number, to: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index : to;
}

interface Cell {
  /** The cell's paragraphs, tags dropped and entities decoded. */
  paragraphs: Mapped[];
  colspan: number;
  rowspan: number;
  start: number;
}

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,2})`, 'i').exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
}

function readCell(text: string, from: number, to: number, attrs: string, clean: (m: Mapped) => Mapped): Cell {
  const whole = Mapped.identity(text.slice(from, to), from);
  const paragraphs: Mapped[] = [];
  let at = 0;
  const add = (a: number, b: number) => {
    const p = clean(whole.slice(a, b).replace(TAG, () => '').replace(ENTITY, decodeEntity)).collapseSpaces();
    if (p.length > 0) paragraphs.push(p);
  };
  for (const m of whole.text.matchAll(PARAGRAPH)) {
    add(at, m.index);
    at = m.index + m[0].length;
  }
  add(at, whole.length);
  return { paragraphs, colspan: spanOf(attrs, 'colspan'), rowspan: spanOf(attrs, 'rowspan'), start: from };
}

/** The rows of the table in text[from, to): each row its cells. */
function readRows(text: string, from: number, to: number, clean: (m: Mapped) => Mapped): Cell[][] {
  const rows: Cell[][] = [];
  const body = text.slice(from, to);
  for (const r of body.matchAll(ROW)) {
    const rowFrom = from + r.index + r[0].length;
    const rowTo = nextMatch(text, ROW_END, rowFrom, to);
    const cells: Cell[] = [];
    for (const c of text.slice(rowFrom, rowTo).matchAll(CELL)) {
      const cellFrom = rowFrom + c.index + c[0].length;
      cells.push(readCell(text, cellFrom, nextMatch(text, CELL_END, cellFrom, rowTo), c[2] ?? '', clean));
    }
    rows.push(cells);
  }
  return rows;
}

/** The rows with merged cells spread out: a rowspan's cell in each row it covers, a colspan's empty cells after it. */
function spread(rows: Cell[][]): { cells: RowCell[]; start: number }[] {
  const carried = new Map<number, { cell: Mapped; left: number }>();
  return rows
    .filter((cells) => cells.length > 0)
    .map((cells) => {
      const out: RowCell[] = [];
      const take = () => {
        for (let c = carried.get(out.length); c && c.left > 0; c = carried.get(out.length)) {
          c.left--;
          out.push({ m: c.cell, carried: true });
        }
      };
      for (const cell of cells) {
        take();
        const joined = joinPieces(cell.paragraphs);
        if (cell.rowspan > 1) carried.set(out.length, { cell: joined, left: cell.rowspan - 1 });
        out.push({ m: joined, carried: false });
        for (let k = 1; k < cell.colspan; k++) out.push(null);
      }
      take();
      return { cells: out, start: cells[0]!.start };
    });
}

/** A cell of a row; `carried`: a cell of a row above that spans this one too. */
export type RowCell = { m: Mapped; carried: boolean } | null;

/**
 * A pipe row of `cells`, each mapped to its source; the bars map to where the cell before
 * ends, and so does a carried cell (its text stands where the row is, not where it was written).
 */
export function pipeRow(cells: RowCell[], at: number): Mapped {
  const b = new MappedBuilder();
  let prev = at;
  for (const cell of cells) {
    b.appendText('| ', prev, prev);
    if (cell?.carried) b.appendText(cell.m.text, prev, prev);
    else if (cell && cell.m.length > 0) {
      b.append(cell.m);
      prev = cell.m.endAt(cell.m.length - 1);
    }
    b.appendText(' ', prev, prev);
  }
  b.appendText('|', prev, prev);
  return b.build();
}

/**
 * The HTML tables among `raws` (the text's lines, each at offset s of `text`).
 * `clean` normalizes a cell's text as a line is normalized; `sideBySide` lays a
 * layout row's cells out as lines (the Markdown layout tables' own layout).
 */
export function htmlTables(
  text: string,
  raws: readonly { s: number; raw: string }[],
  clean: (m: Mapped) => Mapped,
  sideBySide: (cells: Mapped[][], offset: number) => Mapped[],
): HtmlTableLines {
  const at: HtmlTableLines['at'] = new Map();
  if (!/<table\b/i.test(text)) return { at };
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = raws.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (raws[mid]!.s <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (let i = 0; i < raws.length; i++) {
    if (!TABLE_OPEN.test(raws[i]!.raw)) continue;
    const from = raws[i]!.s;
    TABLE_CLOSE.lastIndex = from;
    const close = TABLE_CLOSE.exec(text);
    if (!close) break;
    const to = close.index;
    const last = lineOf(close.index);
    const rows = readRows(text, from, to, clean);
    const first = rows.find((r) => r.length > 0);
    const label = first?.[0]?.paragraphs.map((p) => p.text).join(' ').trim() ?? '';
    const layout = first !== undefined && first.length <= 3 && !NUMBER_LABEL.test(looseKey(label).replace(/\.$/, ''));
    for (let k = i; k <= last; k++) at.set(k, { lines: [], layout });
    if (layout) {
      for (const cells of rows.filter((r) => r.length > 0)) {
        const line = lineOf(cells[0]!.start);
        at.get(line)!.lines.push(...sideBySide(cells.map((c) => c.paragraphs), cells[0]!.start));
      }
    } else {
      for (const row of spread(rows)) at.get(lineOf(row.start))!.lines.push(pipeRow(row.cells, row.start));
    }
    i = last;
  }
  return { at };
}
