import type { Line } from './lines.js';

// A page number on a line of its own: "9", "- 12 -", "Trang 3", "3/12".
const PAGE_NUMBER = /^(?:-\s*)?\d{1,3}(?:\s*-)?$|^trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$|^\d{1,3}\s*\/\s*\d{1,3}$/;
// "-------", "_____", "* * *": separators under headings; "|" alone, left by web copies of tables.
const DECORATION = /^(?:[-–—_=.*~•·]\s*){3,}$|^\|$/;
const MARKER_START = /^(?:[-–—+•*]|\(?\d|[ivxlc]+[.)\-–]|[a-zđ]\))/;

/**
 * Marks page numbers, decoration lines and running headers: a table header
 * printed again on every page ("TT Chỉ tiêu Đơn vị Kết quả …"). Other repeated
 * lines stay: in PDF text, table cells repeat all the time ("chuyên môn",
 * "Thường xuyên", the last words of similar task names). The first occurrence
 * is kept, since it is its table's header.
 */
export function markPageArtifacts(lines: Line[]): void {
  const seen = new Map<string, number[]>();
  let ordinal = 0;
  const at = new Map<number, Line>();
  for (const line of lines) {
    if (line.role !== 'content') continue;
    if (DECORATION.test(line.text)) {
      line.role = 'decoration';
      continue;
    }
    if (PAGE_NUMBER.test(line.key)) {
      line.role = 'page-number';
      continue;
    }
    ordinal++;
    at.set(ordinal, line);
    if (line.text.length > 120 || line.text.length < 8 || !/\s/.test(line.text)) continue;
    if (MARKER_START.test(line.key) || /[.;,:]$/.test(line.text)) continue;
    const k = line.key.replace(/\s+/g, ' ');
    let group = seen.get(k);
    if (!group) seen.set(k, (group = []));
    group.push(ordinal);
  }
  for (const [k, group] of seen) {
    if (group.length < 2) continue;
    if (!/^(?:stt|tt|so tt)\s/.test(k)) continue;
    for (const n of group.slice(1)) at.get(n)!.role = 'running-header';
  }
}
