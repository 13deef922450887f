import type { Line } from '../normalize/lines.js';

/**
 * How the text was laid out. PDF text is wrapped at a page width, so a line
 * well short of that width ends a paragraph. Markdown and word-processor text
 * is not wrapped: every line is a paragraph unless the next one continues a
 * broken sentence.
 */
export interface Layout {
  /** Typical length of a full line; 0 when the text is not wrapped. */
  width: number;
  wrapped: boolean;
  /**
   * How many blank lines usually stand between two lines (0; 1 in text with
   * a blank line after every line). More than that between a finished
   * sentence and a capital ends a paragraph.
   */
  blankRun: number;
}

export function measureLayout(lines: readonly Line[]): Layout {
  const lengths: number[] = [];
  const runs = new Map<number, number>();
  let run = -1;
  for (const l of lines) {
    if (l.role === 'blank') {
      if (run >= 0) run++;
      continue;
    }
    if (l.role !== 'content') continue;
    if (run >= 0) runs.set(run, (runs.get(run) ?? 0) + 1);
    run = 0;
    if (l.text.length >= 30 && !l.text.includes('\t')) lengths.push(l.text.length);
  }
  const blankRun = [...runs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  if (lengths.length < 5) return { width: 0, wrapped: false, blankRun };
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)]!;
  // Wrapped text: many lines sit close to the full width.
  const near = lengths.filter((n) => n >= width * 0.85 && n <= width * 1.15).length;
  const wrapped = width <= 200 && near / lengths.length >= 0.35;
  return { width: wrapped ? width : 0, wrapped, blankRun };
}
