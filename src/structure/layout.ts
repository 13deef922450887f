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
}

export function measureLayout(lines: readonly Line[]): Layout {
  const lengths: number[] = [];
  for (const l of lines) if (l.role === 'content' && l.text.length >= 30 && !l.text.includes('\t')) lengths.push(l.text.length);
  if (lengths.length < 5) return { width: 0, wrapped: false };
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)]!;
  // Wrapped text: many lines sit close to the full width.
  const near = lengths.filter((n) => n >= width * 0.85 && n <= width * 1.15).length;
  const wrapped = width <= 200 && near / lengths.length >= 0.35;
  return { width: wrapped ? width : 0, wrapped };
}
