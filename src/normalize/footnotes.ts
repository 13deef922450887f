import { MappedBuilder } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import type { Line } from './lines.js';

/**
 * Footnotes of a PDF's text (pdftotext -layout, a PDF laid out by pdf.js): the
 * reference printed small after a word ("Nghị quyết số 57-NQ/TW1", "đạt 80%3")
 * and, at the foot of the same page above its number, the notes ("1 Nghị quyết
 * số 57-NQ/TW ngày …", "3 Năm 2025, tỷ lệ này đạt 62,5% …").
 *
 * A page's last block of lines (after a blank line, before the page number)
 * is its footnotes when each of its lines opens a note ("7 Tính trên …", a
 * number and one space) or goes on with one, and every note's number stands as
 * a reference earlier on the page, right after a letter, a "%" or a closing
 * quote. The notes become role 'footnote'; each reference is taken out of its
 * line ("toàn trình7" → "toàn trình"), so a target reads 80%, not 80%3.
 */
export function markFootnotes(lines: Line[]): void {
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || lines[i]!.pageBreakBefore) {
      footnotesOfPage(lines.slice(start, i));
      start = i;
    }
  }
}

// (One space after the number, and none of a table row's gaps after it.)
const NOTE = /^(\d{1,2}) (?=\S)(?!.* {2,})/;

function footnotesOfPage(page: Line[]): void {
  let end = page.length;
  while (end > 0 && page[end - 1]!.role !== 'content') end--;
  // Back from the page's foot: notes numbered down to the first, each with a few lines of its own.
  let first = -1;
  let expected: number | null = null;
  let pending = 0;
  const numbers: number[] = [];
  for (let k = end - 1; k >= 0; k--) {
    const l = page[k]!;
    if (l.role === 'blank') continue;
    if (l.role !== 'content') break;
    const m = NOTE.exec(l.text);
    if (m && (expected === null || Number(m[1]) === expected)) {
      numbers.unshift(Number(m[1]));
      first = k;
      expected = Number(m[1]) - 1;
      pending = 0;
      if (expected < 1) break;
    } else if (++pending > 3) break;
  }
  // (The block stands apart: a blank line above it.)
  if (first <= 0 || page[first - 1]!.role !== 'blank') return;
  const block = page.slice(first, end).filter((l) => l.role === 'content');
  // Each note's reference, the first after the page's start.
  const refs: { line: Line; at: number; length: number }[] = [];
  for (const n of numbers) {
    const ref = new RegExp(`(?<=[\\p{L}%”")])${n}(?=[\\s.,;:)]|$)`, 'u');
    let found = false;
    for (const l of page.slice(0, first)) {
      if (l.role !== 'content') continue;
      const m = ref.exec(l.full.text);
      if (m && !refs.some((r) => r.line === l && r.at === m.index)) {
        refs.push({ line: l, at: m.index, length: m[0].length });
        found = true;
        break;
      }
    }
    if (!found) return;
  }
  for (const l of block) l.role = 'footnote';
  // Taken out from the last on a line, so the earlier ones stay where they were found.
  for (const r of refs.sort((a, b) => b.at - a.at)) {
    const b = new MappedBuilder();
    b.appendSlice(r.line.full, 0, r.at);
    b.appendSlice(r.line.full, r.at + r.length, r.line.full.length);
    r.line.full = b.build();
    r.line.m = r.line.full.trim();
    r.line.text = r.line.m.text;
    r.line.key = looseKey(r.line.text);
  }
}
