import type { Line } from '../../normalize/lines.js';
import { looseKey } from '../../text/fold.js';
import { GROUP_LABELS, NUMBER_LABEL, ROW_MARKER } from '../../normalize/labels.js';

const GROUP_LABEL = new RegExp(`^(?:${GROUP_LABELS})$`);
// A header line opens with the number label, maybe after a group column's: "Lĩnh vực   STT   Chỉ tiêu …".
const OPENS = new RegExp(String.raw`^(?:\|\s*)?(?:(?:${GROUP_LABELS})(?:\s{2,}|\s*\|\s*))?(?:stt|tt|so tt|so thu tu)\b`);

export type ColumnRole =
  | 'number'
  | 'name'
  | 'unit'
  | 'target'
  | 'lead'
  | 'support'
  | 'output'
  | 'timeline'
  | 'note'
  | 'funding'
  /** A merged cell down the left that names the rows' group ("Lĩnh vực": "Chính quyền số"). */
  | 'group'
  | 'other';

export interface Column {
  role: ColumnRole;
  label: string;
  /** A target column for one year: "Năm 2025", "2030". */
  year: number | null;
  /** Character columns of the header cell (space-aligned tables only). */
  x0: number;
  x1: number;
  /** A schedule's column under the timeline ("Quý II"): its rows mark with "x" the periods they run in. */
  period?: string;
}

/**
 * tsv: cells separated by tabs; pipe: Markdown "| … |" rows; layout: cells
 * aligned with runs of spaces (pdftotext -layout); flat: PDF text with the
 * cells of a row run together on wrapped lines; cells: a flat table whose every
 * cell is a line of its own, an empty one a blank line or "-" (a Word table saved
 * as text), found while reading its rows (rows.ts, cellLines).
 */
export type TableMode = 'tsv' | 'pipe' | 'layout' | 'flat' | 'cells';
export type TableKind = 'indicators' | 'tasks';

export interface TableHeader {
  columns: Column[];
  kind: TableKind;
  mode: TableMode;
  /** The header's own lines (a flattened header can wrap: "Đơn vị" / "tính"). */
  lines: Line[];
  /** Space-aligned tables: where the number column ends (its numbers are short, its label may not be). */
  numberRight?: number;
  /** cells mode: the column of each line that holds a cell (lines not listed hold none). */
  lineColumns?: Map<Line, number>;
  /** Space-aligned tables: where each column's pieces start (x → column), learnt from the rows. */
  anchors?: Map<number, number>;
}

type Label = ColumnRole | 'name-indicator' | 'name-task' | 'result' | 'unit?' | 'baseline';

// Header words, longest first where one contains another.
const LABELS: [string, Label][] = [
  ['so thu tu', 'number'], ['so tt', 'number'], ['stt', 'number'], ['tt', 'number'],
  ['linh vuc', 'group'], ['nhom chi tieu', 'group'], ['nhom nhiem vu', 'group'],
  ['muc tieu chinh dau tu/ san pham dau ra', 'output'], ['muc tieu chinh dau tu/san pham dau ra', 'output'],
  ['san pham dau ra', 'output'], ['ket qua dau ra', 'output'], ['hinh thuc san pham', 'output'],
  ['ket qua/san pham', 'output'], ['ket qua/ san pham', 'output'], ['san pham', 'output'],
  ['co quan chu tri theo doi, danh gia', 'lead'], ['co quan chu tri theo doi', 'lead'],
  ['don vi chu tri', 'lead'], ['co quan chu tri', 'lead'], ['don vi thuc hien', 'lead'], ['co quan thuc hien', 'lead'],
  ['don vi phu trach', 'lead'], ['co quan phu trach', 'lead'], ['don vi theo doi', 'lead'], ['co quan theo doi', 'lead'],
  ['chu tri', 'lead'], ['phu trach', 'lead'], ['trach nhiem thuc hien', 'lead'],
  // A party committee's plan: the body that advises ("tham mưu") leads; the level that directs ("Cấp chỉ đạo") is no field.
  ['co quan tham muu', 'lead'], ['don vi tham muu', 'lead'], ['tham muu', 'lead'], ['cap chi dao', 'note'],
  ['don vi phoi hop', 'support'], ['co quan phoi hop', 'support'], ['phoi hop', 'support'],
  ['thoi gian hoan thanh', 'timeline'], ['thoi gian thuc hien', 'timeline'], ['thoi gian', 'timeline'],
  // "Thời gian" printed above the header line, "hoàn thành" on it (labels centred in tall cells).
  ['hoan thanh', 'timeline'],
  ['tien do', 'timeline'], ['thoi han', 'timeline'], ['lo trinh', 'timeline'],
  ['don vi tinh', 'unit'], ['dvt', 'unit'], ['don vi do', 'unit'],
  ['ten chi tieu', 'name-indicator'], ['noi dung chi tieu', 'name-indicator'], ['chi tieu', 'name-indicator'],
  ['muc tieu', 'name-indicator'],
  ['ten nhiem vu', 'name-task'], ['noi dung nhiem vu', 'name-task'], ['noi dung cong viec', 'name-task'],
  ['nhiem vu, giai phap', 'name-task'], ['nhiem vu', 'name-task'], ['noi dung', 'name-task'],
  ['hoat dong', 'name-task'], ['ten du an', 'name-task'], ['danh muc', 'name-task'],
  ['ket qua', 'result'], ['gia tri', 'target'],
  // The situation before the plan ("Hiện trạng năm 2024", "Thực trạng", "Ước thực hiện năm 2025"): no target.
  ['hien trang', 'baseline'], ['thuc trang', 'baseline'], ['uoc thuc hien', 'baseline'], ['uoc dat', 'baseline'],
  ['ghi chu', 'note'], ['nguon kinh phi', 'funding'], ['kinh phi', 'funding'], ['nguon von', 'funding'], ['du toan', 'funding'],
  ['don vi', 'unit?'],
];
// "Quý I" … "Quý IV" as column labels (a schedule's periods).
const PERIOD_LABEL = /^quy (?:i|ii|iii|iv|[1-4])$/;
// "Năm 2025", "Năm 2030", "2026" as column labels.
const YEAR_LABEL = /^(?:(?:chi tieu|muc tieu|ke hoach)\s+)?(?:den\s+)?(?:nam\s+)?((?:19|20)\d{2})\b/;

interface Found {
  label: Label;
  text: string;
  year: number | null;
  at: number;
  end: number;
}

/** Scan header words left to right, longest match first. */
function scanLabels(key: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < key.length) {
    if (/[\s,;/()|.:\-]/.test(key[i]!)) {
      i++;
      continue;
    }
    const rest = key.slice(i);
    const y = YEAR_LABEL.exec(rest);
    if (y) {
      // "Hiện trạng năm 2024": the baseline's year, part of its label.
      const prev = out[out.length - 1];
      if (prev?.label === 'baseline' && i - prev.end <= 1) prev.end = i + y[0].length;
      else out.push({ label: 'target', text: y[0], year: Number(y[1]), at: i, end: i + y[0].length });
      i += y[0].length;
      continue;
    }
    let hit: [string, Label] | null = null;
    for (const entry of LABELS) {
      const [p] = entry;
      if (rest.startsWith(p) && !/[\p{L}\p{N}]/u.test(rest[p.length] ?? ' ')) {
        if (!hit || p.length > hit[0].length) hit = entry;
      }
    }
    if (hit) {
      out.push({ label: hit[1], text: hit[0], year: null, at: i, end: i + hit[0].length });
      i += hit[0].length;
      continue;
    }
    // Skip one word.
    while (i < key.length && !/\s/.test(key[i]!)) i++;
  }
  return out;
}

function resolveLabels(found: Found[]): { roles: { role: ColumnRole; label: string; year: number | null }[]; kind: TableKind } | null {
  const firstName = found.find((f) => f.label === 'name-indicator' || f.label === 'name-task');
  let kind: TableKind | null = firstName ? (firstName.label === 'name-task' ? 'tasks' : 'indicators') : null;
  const has = (l: Label) => found.some((f) => f.label === l);
  if (!kind) {
    if (has('unit') || found.some((f) => f.year !== null)) kind = 'indicators';
    else if (has('lead') && (has('support') || has('timeline') || has('output'))) kind = 'tasks';
    else return null;
  }
  // An indicator table with both a lead and a timeline but no unit and no result reads as tasks.
  if (kind === 'indicators' && firstName?.text === 'muc tieu' && !has('unit') && !has('result') && has('timeline')) kind = 'tasks';
  const roles: { role: ColumnRole; label: string; year: number | null }[] = [];
  let nameSeen = false;
  for (const f of found) {
    let role: ColumnRole;
    switch (f.label) {
      case 'name-indicator':
      case 'name-task':
        if (!nameSeen) {
          role = 'name';
          nameSeen = true;
        } else role = kind === 'indicators' ? 'target' : 'other';
        break;
      case 'result':
        role = kind === 'indicators' ? 'target' : 'output';
        break;
      case 'unit?':
        role = kind === 'indicators' ? 'unit' : 'other';
        break;
      case 'baseline':
        role = 'other';
        break;
      default:
        role = f.label;
    }
    roles.push({ role, label: f.text, year: f.year });
  }
  if (!roles.some((r) => r.role === 'name')) return null;
  const useful = roles.filter((r) => r.role !== 'number' && r.role !== 'name' && r.role !== 'other' && r.role !== 'note');
  if (useful.length === 0) return null;
  return { roles, kind };
}

function makeColumns(roles: { role: ColumnRole; label: string; year: number | null }[], xs?: [number, number][]): Column[] {
  return roles.map((r, i) => ({ role: r.role, label: r.label, year: r.year, x0: xs?.[i]?.[0] ?? 0, x1: xs?.[i]?.[1] ?? 0 }));
}

/** Cells of a tab-separated or pipe row, trimmed, outer pipes dropped. */
export function splitCells(text: string, mode: 'tsv' | 'pipe'): string[] {
  if (mode === 'tsv') return text.split('\t').map((c) => c.trim());
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

/** Segments of a space-aligned line: runs of text separated by two or more spaces. */
export function layoutSegments(line: Line): { x0: number; x1: number; from: number; to: number }[] {
  const out: { x0: number; x1: number; from: number; to: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.text))) {
    out.push({ x0: line.indent + m.index, x1: line.indent + m.index + m[0].length, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

export const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$/;

// Words that may continue a wrapped flattened header: "Đơn vị" / "tính", "Thời gian" / "hoàn thành".
const HEADER_TAIL_WORDS = new Set([
  'tinh', 'hop', 'hoan', 'thanh', 'thuc', 'hien', 'ket', 'qua', 'thoi', 'gian', 'chu', 'tri', 'phoi', 'theo', 'doi',
  'danh', 'gia', 'don', 'vi', 'co', 'quan', 'san', 'pham', 'dau', 'ra', 'ghi', 'nam', 'kinh', 'phi', 'nguon',
  'muc', 'tieu', 'chi', 'noi', 'dung', 'cong', 'viec', 'nhiem', 'vu', 'trach', 'do', 'tien', 'han', 'lo', 'trinh',
  'du', 'kien', 'va', 'giai', 'phap', 'den', 'trang', 'uoc', 'ten', 'hinh', 'thuc', 'von', 'toan', 'tru', 'trach', 'phu',
  // a budget column's unit: "Kinh phí" / "(triệu" / "đồng)"
  'trieu', 'ty', 'dong', 'nghin',

]);

export function isHeaderTail(line: Line): boolean {
  // (A schedule's periods, "Quý I  Quý II  Quý III  Quý IV", are labels too; a lone "I" is a group row's number.)
  const words = line.key.replace(/\bquy (?:i{1,3}|iv|[1-4])\b/g, ' ').replace(/[,;:/().\-]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 && /\bquy\b/.test(line.key)) return true;
  if (words.length === 0 || words.length > 12) return false;
  return words.every((w) => HEADER_TAIL_WORDS.has(w) || /^(?:19|20)\d{2}$/.test(w));
}

/**
 * Lines just above a header line that hold the upper halves of its labels
 * ("Cơ quan  Cơ quan  Thời gian" over "STT Nội dung nhiệm vụ chủ trì phối hợp
 * hoàn thành"): labels centred in tall header cells print their first words
 * above the row's baseline. At most two.
 */
export function headerLinesAbove(lines: readonly Line[], i: number): Line[] {
  const out: Line[] = [];
  for (let j = i - 1; j >= 0 && out.length < 2; j--) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    if (l.role !== 'content' || !isHeaderTail(l) || !/\s/.test(l.text)) break;
    out.unshift(l);
  }
  return out;
}

/**
 * Is there a table header at lines[i]? Recognizes "STT | Chỉ tiêu | Đơn vị tính |
 * Kết quả | Đơn vị chủ trì" and its task-table cousins in any of the four modes.
 */
export function detectTableHeader(lines: readonly Line[], i: number): TableHeader | null {
  const first = lines[i];
  if (!first || first.role === 'blank') return null;
  const key = first.key;
  if (!OPENS.test(key) && !(first.text.includes('\t') || first.text.includes('|'))) return null;
  // Tab- or pipe-separated header.
  for (const mode of ['tsv', 'pipe'] as const) {
    const sep = mode === 'tsv' ? '\t' : '|';
    if (!first.text.includes(sep)) continue;
    let cells = splitCells(first.text, mode);
    if (cells.filter(Boolean).length < 3) continue;
    const labelsOf = (list: string[]): Found[] =>
      // One role per cell: the most specific label in it.
      list.map((cell) => pickCellLabel(scanLabels(looseKey(cell))) ?? { label: 'other', text: cell, year: null, at: 0, end: 0 });
    let resolved = resolveLabels(labelsOf(cells));
    // (The number column first, or second after a group column: "| Lĩnh vực | STT | Nhiệm vụ | …".)
    const numberAt = (list: string[]) => (NUMBER_LABEL.test(looseKey(list[0] ?? '')) ? 0 : GROUP_LABEL.test(looseKey(list[0] ?? '')) && NUMBER_LABEL.test(looseKey(list[1] ?? '')) ? 1 : -1);
    if (!resolved || numberAt(cells) < 0) continue;
    const used = [first];
    const next = lines[i + 1];
    if (mode === 'pipe' && next && PIPE_SEPARATOR.test(next.text)) used.push(next);
    // A converter that repeats a merged cell in every column it spans (docling) writes a
    // two-row header as a header row, "| STT | Chỉ tiêu | Chỉ tiêu phấn đấu | Chỉ tiêu phấn đấu |",
    // and a first body row that opens with the number label again, "| STT | Chỉ tiêu | Năm 2026
    // | Đến năm 2030 |": each column's label is the two read together.
    let at = i + 1;
    let ruled = false;
    // (A blank line after every line, as some converters write, says nothing.)
    for (; at < lines.length && (lines[at]!.role === 'blank' || PIPE_SEPARATOR.test(lines[at]!.text)); at++) ruled ||= lines[at]!.role !== 'blank';
    const second = mode === 'pipe' && ruled ? lines[at] : undefined;
    if (second && second.text.includes('|')) {
      const more = splitCells(second.text, 'pipe');
      if (more.length === cells.length && numberAt(more) === numberAt(cells)) {
        const merged = cells.map((c, k) => (more[k] && looseKey(more[k]!) !== looseKey(c) ? `${c} ${more[k]}` : c));
        const again = resolveLabels(labelsOf(merged));
        if (again) {
          cells = merged;
          resolved = again;
          used.push(second);
        }
      }
    }
    // A Word table pasted as text breaks a label across lines without quotes: "… Chỉ tiêu đến" /
    // "năm 2030\tĐơn vị chủ trì". The next line goes on the last label when it is no row (no
    // row number first) and what it adds reads as labels.
    if (mode === 'tsv') {
      for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
        const l = lines[j]!;
        // (A blank line after every line, as some converters write, says nothing.)
        if (l.role === 'blank' && j + 1 < lines.length && lines[j + 1]!.role !== 'blank') continue;
        seen++;
        if (l.role === 'blank' || !l.text.includes('\t')) break;
        const more = splitCells(l.text, 'tsv');
        if (more[0] === '' || ROW_MARKER.test(more[0]!)) break;
        const merged = [...cells.slice(0, -1), `${cells[cells.length - 1]} ${more[0]}`, ...more.slice(1)];
        const mergedFound = labelsOf(merged);
        const again = resolveLabels(mergedFound);
        if (!again || mergedFound.slice(cells.length).some((f) => f.label === 'other')) break;
        cells = merged;
        resolved = again;
        used.push(l);
      }
    }
    // Labels that wrap inside their cells (antiword, a fixed-width pipe table): "|     |Đơn vị    |"
    // over "|     |tính      |", the number cell empty, each piece a word or three and no figure.
    if (mode === 'pipe') {
      for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
        const l = lines[j]!;
        if (used.includes(l) || (l.role === 'blank' && j + 1 < lines.length && lines[j + 1]!.role !== 'blank')) continue;
        seen++;
        if (l.role === 'blank' || PIPE_SEPARATOR.test(l.text)) break;
        const more = splitCells(l.text, 'pipe');
        const tail = (c: string) => c === '' || (c.split(/\s+/).length <= 3 && !/[%\d]/.test(c.replace(/(?:19|20)\d{2}/g, '')));
        if (more.length !== cells.length || more[0] !== '' || more.every((c) => c === '') || !more.every(tail)) break;
        const merged = cells.map((c, k) => (more[k] ? `${c} ${more[k]}` : c));
        const again = resolveLabels(labelsOf(merged));
        if (!again || again.roles.length !== resolved.roles.length) break;
        cells = merged;
        resolved = again;
        used.push(l);
      }
    }
    return { columns: makeColumns(resolved.roles), kind: resolved.kind, mode, lines: used };
  }
  if (!OPENS.test(key)) return null;
  // Space-aligned header: three or more segments separated by runs of spaces. Its labels may
  // wrap onto the next lines, under their columns: "Đơn vị" / "tính", "Chỉ tiêu năm" / "2025".
  const segments = layoutSegments(first);
  if (segments.length >= 3 && /\S {2,}\S/.test(first.text)) {
    const cols = segments.map((s) => ({ label: first.text.slice(s.from, s.to), x0: s.x0, x1: s.x1, years: [] as { text: string; x0: number; x1: number }[], periods: [] as { text: string; x0: number; x1: number }[] }));
    const used = [first];
    for (let j = i + 1; j < lines.length && used.length < 4; j++) {
      const l = lines[j]!;
      if (l.role === 'blank') continue;
      if (!isHeaderTail(l)) break;
      for (const s of layoutSegments(l)) {
        let best = cols[0]!;
        let bestDistance = Infinity;
        for (const c of cols) {
          const d = Math.abs((s.x0 + s.x1) / 2 - (c.x0 + c.x1) / 2);
          if (d < bestDistance) {
            bestDistance = d;
            best = c;
          }
        }
        const text = l.text.slice(s.from, s.to);
        if (YEAR_LABEL.test(looseKey(text))) best.years.push({ text, x0: s.x0, x1: s.x1 });
        else if (PERIOD_LABEL.test(looseKey(text))) best.periods.push({ text, x0: s.x0, x1: s.x1 });
        else best.label += ` ${text}`;
      }
      used.push(l);
    }
    // Labels whose upper halves stand on the line above ("Đơn vị" over "STT … tính"): a piece
    // above goes on the column under it when that makes the column's label one the table
    // knows, or keeps what it was.
    for (const l of headerLinesAbove(lines, i)) {
      for (const seg of layoutSegments(l)) {
        const mid = (seg.x0 + seg.x1) / 2;
        const col = cols.reduce((a, c) => (Math.abs((c.x0 + c.x1) / 2 - mid) < Math.abs((a.x0 + a.x1) / 2 - mid) ? c : a));
        const merged = `${l.text.slice(seg.from, seg.to)} ${col.label}`;
        const before = pickCellLabel(scanLabels(looseKey(col.label)))?.label ?? 'other';
        const after = pickCellLabel(scanLabels(looseKey(merged)))?.label ?? 'other';
        if (after !== 'other' && (before === 'other' || before === after)) col.label = merged;
      }
    }
    // "Kết quả phấn đấu" over "Năm 2026" and "Năm 2030": one column per year, where the years stand.
    // "Thời gian thực hiện năm 2026" over "Quý I  Quý II  Quý III  Quý IV": a timeline column per quarter.
    const expanded = cols.flatMap((c): { label: string; x0: number; x1: number; period?: string }[] =>
      c.years.length >= 2
        ? c.years.map((y) => ({ label: y.text, x0: y.x0, x1: y.x1 }))
        : c.periods.length >= 2
          ? c.periods.map((p) => ({ label: c.label, x0: p.x0, x1: p.x1, period: p.text }))
          : [{ label: [c.label, ...c.years.map((y) => y.text), ...c.periods.map((p) => p.text)].join(' '), x0: c.x0, x1: c.x1 }],
    );
    const xs: [number, number][] = expanded.map((c) => [c.x0, c.x1]);
    const found = expanded.map(({ label, period }): Found => (period ? { label: 'timeline', text: label, year: null, at: 0, end: 0 } : (pickCellLabel(scanLabels(looseKey(label))) ?? { label: 'other', text: label, year: null, at: 0, end: 0 })));
    const resolved = resolveLabels(found);
    // "STT  Chỉ tiêu  Đơn vị tính …" over rows that run their cells together with single
    // spaces is a flattened table whose header happens to have double spaces.
    const rows: Line[] = [];
    for (let j = i + used.length; j < lines.length && rows.length < 6; j++) if (lines[j]!.role === 'content') rows.push(lines[j]!);
    // (A row's line that holds one cell further right, "đầu về phát" under its column, is aligned too.)
    const aligned = rows.filter((l) => /\S {2,}\S/.test(l.text) || l.indent >= segments[1]!.x0).length;
    if (resolved && resolved.roles.length === expanded.length && aligned * 2 >= rows.length) {
      const columns = makeColumns(resolved.roles, xs);
      expanded.forEach((c, k) => {
        if (c.period && columns[k]!.role === 'timeline') columns[k]!.period = c.period;
      });
      return { columns, kind: resolved.kind, mode: 'layout', lines: used };
    }
  }
  // Flattened header, possibly wrapped over a few lines.
  const used = [first];
  // pdf.js puts every label piece on its own line: "STT" / "Nội dung" / "Thời gian" / "thực hiện" / …
  for (let j = i + 1; j < lines.length && used.length < 14; j++) {
    const l = lines[j]!;
    if (l.role === 'blank') continue;
    if (!isHeaderTail(l)) break;
    used.push(l);
  }
  const joined = looseKey(used.map((l) => l.text).join(' '));
  const resolved = resolveLabels(scanLabels(joined));
  if (!resolved) return null;
  return { columns: makeColumns(resolved.roles), kind: resolved.kind, mode: 'flat', lines: used };
}

const CELL_PRIORITY: Label[] = ['number', 'output', 'lead', 'support', 'timeline', 'unit', 'name-indicator', 'name-task', 'target', 'result', 'note', 'funding', 'unit?'];

function pickCellLabel(labels: Found[]): Found | null {
  if (labels.length === 0) return null;
  // "Hiện trạng năm 2024" is the year of the baseline, not a target's.
  const baseline = labels.find((l) => l.label === 'baseline');
  if (baseline) return baseline;
  const year = labels.find((l) => l.year !== null);
  if (year && labels.length <= 2) return year;
  let best: Found | null = null;
  for (const l of labels) {
    if (!best || CELL_PRIORITY.indexOf(l.label) < CELL_PRIORITY.indexOf(best.label)) best = l;
  }
  return best;
}
