import type { Line } from './lines.js';

// A page number on a line of its own: "9", "- 12 -", "Trang 3", "3/12".
const PAGE_NUMBER = /^(?:-\s*)?\d{1,3}$|^-\s*\d{1,3}\s*-$|^trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$|^\d{1,3}\s*\/\s*\d{1,3}$/;

/** A line's loose key (looseKey) reads as a page number on its own: "9", "- 12 -", "trang 3", "3/12". */
export function isPageNumber(key: string): boolean {
  return PAGE_NUMBER.test(key);
}
// "-------", "_____", "* * *": separators under headings; "|" alone, left by web copies of tables.
const DECORATION = /^(?:[-–—_=.*~•·─━═]\s*){3,}$|^\|$/;
const CONTINUES = /^\p{Ll}/u;
const MARKER_START = /^(?:[-–—+•*]|\(?\d|[ivxlc]+[.)\-–]|[a-zđ]\))/;

/**
 * Marks page numbers, decoration lines and running headers.
 *
 * - A table header printed again on every page ("TT Chỉ tiêu Đơn vị Kết quả …"): every
 *   occurrence after the first (the first is its table's header).
 * - A running title or footer ("Kế hoạch số 88/KH-UBND", "UBND xã Tân Lập"): a short line
 *   repeated at page breaks, next to a page number or a form feed. Every occurrence goes.
 *
 * Other repeated lines stay: in PDF text, table cells repeat all the time ("chuyên môn",
 * "Thường xuyên"), and so do list items ("- Thực hiện các nội dung liên quan …").
 */
export function markPageArtifacts(lines: Line[]): void {
  const seen = new Map<string, number[]>();
  const content: Line[] = [];
  const nearBreak: boolean[] = [];
  for (const line of lines) {
    if (line.role !== 'content') continue;
    if (DECORATION.test(line.text)) {
      line.role = 'decoration';
      continue;
    }
    if (isPageNumber(line.key)) {
      line.role = 'page-number';
      continue;
    }
    content.push(line);
  }
  // A page break is a form feed, a "- 3 -" / "Trang 3" line, or a lone number with no other
  // lone number within 30 lines: row numbers standing alone in a table come every few lines,
  // page numbers once a page. On short pages ("4", 27 lines, "5") lone numbers that count up
  // by one, 15 lines apart at least, are page numbers when the same line stands next to most of
  // them, three at least (a footer: "Scanned with CamScanner" / "5"); rows of a table count up
  // too, but next to their own cells. "Near" a break is within two content lines.
  const lone = lines.filter((l) => l.role === 'page-number');
  const isolated = new Set<Line>();
  const counts = (a: Line | undefined, b: Line | undefined) => a !== undefined && b !== undefined && /^\d+$/.test(a.key) && Number(b.key) === Number(a.key) + 1 && b.index - a.index >= 15;
  const counting: Line[] = [];
  lone.forEach((l, k) => {
    const prev = lone[k - 1];
    const next = lone[k + 1];
    if (!/^\d+$/.test(l.key) || ((!prev || l.index - prev.index >= 30) && (!next || next.index - l.index >= 30))) isolated.add(l);
    if (counts(prev, l) || counts(l, next)) counting.push(l);
  });
  const neighbours = (l: Line) => {
    const out: string[] = [];
    for (const step of [-1, 1]) {
      for (let j = l.index + step; j >= 0 && j < lines.length; j += step) {
        if (lines[j]!.role === 'blank') continue;
        out.push(lines[j]!.key);
        break;
      }
    }
    return out;
  };
  const beside = new Map<string, Line[]>();
  for (const l of counting) for (const key of neighbours(l)) beside.set(key, [...(beside.get(key) ?? []), l]);
  for (const group of beside.values()) if (group.length >= 3 && group.length * 2 >= counting.length) for (const l of group) isolated.add(l);
  for (const l of isolated) l.pageEnd = true;
  const breaks = lines.filter((l) => l.pageBreakBefore || isolated.has(l)).map((l) => l.index);
  // contentBefore[i]: content lines before line i, to count the lines between two points in O(1).
  const contentBefore = new Int32Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) contentBefore[i + 1] = contentBefore[i]! + (lines[i]!.role === 'content' ? 1 : 0);
  const isNear = (l: Line) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < l.index) lo = mid + 1;
      else hi = mid;
    }
    return [breaks[lo - 1], breaks[lo]].some((b) => {
      if (b === undefined) return false;
      const a = Math.min(b, l.index);
      const z = Math.max(b, l.index);
      return contentBefore[z]! - contentBefore[a + 1]! <= 2;
    });
  };
  content.forEach((line, n) => {
    nearBreak[n] = isNear(line);
    const k = line.key.replace(/\s+/g, ' ');
    if (k.length > 120 || k.length < 6 || !/\s/.test(line.text)) return;
    if (MARKER_START.test(line.key) || /[;,:]$/.test(line.text)) return;
    // A header in two parts far apart ("UBND phường An Phú      Kế hoạch số 215/KH-UBND …") may
    // change its right part from page to page (portrait and landscape pages): its left part counts too.
    const wide = /^(\S+(?: \S+)*) {4,}\S+(?: \S+)*$/.exec(line.key);
    for (const key of wide ? [k, `left: ${wide[1]}`] : [k]) {
      let group = seen.get(key);
      if (!group) seen.set(key, (group = []));
      group.push(n);
    }
  });
  for (const [k, group] of seen) {
    if (group.length < 2) continue;
    // A table's header printed again after a page break is left to the table reader (rows.ts), which
    // also drops the header's wrapped lines; the same header may also open another table.
    if (/^(?:left: )?(?:stt|tt|so tt)\s/.test(k)) continue;
    // A wrapped sentence's end that the plan writes again ("mới sáng tạo." under each year's
    // "… khoa học, công nghệ, đổi") goes on the line above it wherever it stands.
    if (group.every((n) => CONTINUES.test(content[n]!.text) && n > 0 && /[\p{L}\d,]$/u.test(content[n - 1]!.text))) continue;
    const near = group.filter((n) => nearBreak[n]).length;
    if (group.length >= 3 && near >= 2 && near * 5 >= group.length * 3) for (const n of group) content[n]!.role = 'running-header';
  }
}
