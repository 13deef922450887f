import type { Mapped } from './mapped.js';

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
  page?: number;
}

/** Turns offsets into the original text into 1-based line and column numbers. */
export class LineIndex {
  /** Offset at which each line starts; line breaks are \r\n, \r or \n. */
  readonly starts: number[];

  /** The 0-based line of the last lineAt answer. */
  #last = 0;

  /** Where each page starts (a form feed starts a page), when the text has any; else null. */
  readonly pageStarts: number[] | null;

  constructor(readonly text: string) {
    const starts = [0];
    const pages = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 12) pages.push(i);
    }
    this.starts = starts;
    this.pageStarts = pages.length > 1 ? pages : null;
  }

  /** The 1-based page of an offset, when the text marks pages. */
  page(offset: number): number | undefined {
    const p = this.pageStarts;
    if (!p) return undefined;
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = this.lineAt(o) - 1;
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  /** The 1-based line of an offset (the line of point(offset)). */
  lineAt(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    // Offsets are mostly asked for in order: the line of the last answer, or the next one.
    for (let l = this.#last; l <= this.#last + 1 && l < starts.length; l++) {
      if (starts[l]! <= o && (l + 1 === starts.length || o < starts[l + 1]!)) {
        this.#last = l;
        return l + 1;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    this.#last = lo;
    return lo + 1;
  }

  position(start: number, end: number): Position {
    const s = Math.min(start, end);
    const e = Math.max(start, end);
    const page = this.page(s);
    return page === undefined ? { start: this.point(s), end: this.point(e) } : { start: this.point(s), end: this.point(e), page };
  }

  /** Position of a mapped span; falls back to `fallback` for inserted-only text. */
  ofMapped(m: Mapped, from = 0, to = m.length, fallback?: { start: number; end: number }): Position {
    const span = m.span(from, to) ?? fallback ?? { start: 0, end: 0 };
    return this.position(span.start, span.end);
  }

  /** The whole input. */
  whole(): Position {
    return this.position(0, this.text.length);
  }
}
