/**
 * A string that remembers where each of its characters came from.
 *
 * Normalizers change text, never coordinates: every character of a `Mapped`
 * carries the original offsets it was produced from (`starts[i]` inclusive,
 * `ends[i]` exclusive). A character that replaced a longer run (a LaTeX
 * command, an NFD sequence) maps to the whole run; a character that was
 * inserted (the space that joins two lines) maps to an empty range.
 *
 * The offsets are kept as runs, not per character: a run of text copied from
 * the original maps one to one from where it starts; a run that replaced
 * something (or was inserted) maps all its characters to one range. A line, a
 * paragraph joined from lines, a cell cut from it: a few runs each.
 */

/** Runs, four numbers each: the run's [from, to) in the text, then where it came from (see RUN_*). */
type Runs = Int32Array;
// A run [from, to) whose characters map one to one from `start` on has end IDENTITY;
// otherwise every character of it maps to [start, end).
const IDENTITY = -1;

export class Mapped {
  /** null: the whole text maps one to one from #offset. */
  readonly #runs: Runs | null;
  readonly #offset: number;
  #starts: Int32Array | null = null;
  #ends: Int32Array | null = null;

  private constructor(
    readonly text: string,
    runs: Runs | null,
    offset: number,
  ) {
    this.#runs = runs;
    this.#offset = offset;
  }

  /** Text that maps one-to-one onto `original[offset, offset + text.length)`. */
  static identity(text: string, offset: number): Mapped {
    return new Mapped(text, null, offset);
  }

  static empty(at: number): Mapped {
    void at;
    return new Mapped('', new Int32Array(0), 0);
  }

  /** Made of runs (MappedBuilder). */
  static fromRuns(text: string, runs: Runs): Mapped {
    return new Mapped(text, runs, 0);
  }

  get length(): number {
    return this.text.length;
  }

  /** One-to-one text: the original offset of its first character; null when it is made of runs. */
  get identityOffset(): number | null {
    return this.#runs ? null : this.#offset;
  }

  /** The index of the run that holds text index i (runs cover the text in order, without gaps). */
  #runAt(i: number): number {
    const runs = this.#runs!;
    let lo = 0;
    let hi = runs.length / 4 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid * 4]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Original offset where character i starts (inclusive). */
  startAt(i: number): number {
    const runs = this.#runs;
    if (!runs) return this.#offset + i;
    const r = this.#runAt(i) * 4;
    return runs[r + 3] === IDENTITY ? runs[r + 2]! + (i - runs[r]!) : runs[r + 2]!;
  }

  /** Original offset where character i ends (exclusive). */
  endAt(i: number): number {
    const runs = this.#runs;
    if (!runs) return this.#offset + i + 1;
    const r = this.#runAt(i) * 4;
    return runs[r + 3] === IDENTITY ? runs[r + 2]! + (i - runs[r]!) + 1 : runs[r + 3]!;
  }

  /** Original offset where each character starts (inclusive), as an array (made on first use). */
  get starts(): Int32Array {
    if (!this.#starts) this.#materialize();
    return this.#starts!;
  }

  /** Original offset where each character ends (exclusive), as an array (made on first use). */
  get ends(): Int32Array {
    if (!this.#ends) this.#materialize();
    return this.#ends!;
  }

  #materialize(): void {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    this.#eachRun(0, n, (from, to, start, end) => {
      for (let i = from; i < to; i++) {
        starts[i] = end === IDENTITY ? start + (i - from) : start;
        ends[i] = end === IDENTITY ? start + (i - from) + 1 : end;
      }
    });
    this.#starts = starts;
    this.#ends = ends;
  }

  /** The runs that cover text[from, to), clipped to it: (from, to, start, end) with start adjusted to `from`. */
  #eachRun(from: number, to: number, visit: (from: number, to: number, start: number, end: number) => void): void {
    if (to <= from) return;
    const runs = this.#runs;
    if (!runs) {
      visit(from, to, this.#offset + from, IDENTITY);
      return;
    }
    for (let r = this.#runAt(from) * 4; r < runs.length && runs[r]! < to; r += 4) {
      const a = Math.max(from, runs[r]!);
      const b = Math.min(to, runs[r + 1]!);
      const end = runs[r + 3]!;
      visit(a, b, end === IDENTITY ? runs[r + 2]! + (a - runs[r]!) : runs[r + 2]!, end);
    }
  }

  slice(from: number, to: number = this.text.length): Mapped {
    const a = Math.max(0, Math.min(from, this.text.length));
    const b = Math.max(a, Math.min(to, this.text.length));
    if (a === 0 && b === this.text.length) return this;
    if (!this.#runs) return new Mapped(this.text.slice(a, b), null, this.#offset + a);
    const out: number[] = [];
    this.#eachRun(a, b, (x, y, start, end) => out.push(x - a, y - a, start, end));
    return new Mapped(this.text.slice(a, b), Int32Array.from(out), 0);
  }

  /** Original [start, end) covered by text[from, to); null for an empty or inserted-only span. */
  span(from = 0, to = this.text.length): { start: number; end: number } | null {
    let a = from;
    let b = to;
    const runs = this.#runs;
    if (!runs) return a < b ? { start: this.#offset + a, end: this.#offset + b } : null;
    // Skip inserted characters (empty ranges) at both ends.
    while (a < b) {
      const r = this.#runAt(a) * 4;
      if (runs[r + 3] !== IDENTITY && runs[r + 2] === runs[r + 3]) a = runs[r + 1]!;
      else break;
    }
    while (b > a) {
      const r = this.#runAt(b - 1) * 4;
      if (runs[r + 3] !== IDENTITY && runs[r + 2] === runs[r + 3]) b = runs[r]!;
      else break;
    }
    if (a >= b) return null;
    return { start: this.startAt(a), end: this.endAt(b - 1) };
  }

  trim(): Mapped {
    const t = this.text;
    let a = 0;
    let b = t.length;
    while (a < b && isSpace(t.charCodeAt(a))) a++;
    while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
    return a === 0 && b === t.length ? this : this.slice(a, b);
  }

  /**
   * Replace every match of `re` (must be global) by `replace(match)`. Each
   * replacement character maps to the whole matched range.
   */
  replace(re: RegExp, replace: (m: RegExpExecArray) => string): Mapped {
    // A pattern without the g flag matches at the same place for ever.
    if (!re.global) throw new Error(`Mapped.replace needs a global pattern: ${re}`);
    re.lastIndex = 0;
    let m = re.exec(this.text);
    if (!m) return this;
    const b = new MappedBuilder();
    let last = 0;
    while (m) {
      const s = m.index;
      const e = s + m[0].length;
      b.appendSlice(this, last, s);
      const rep = replace(m);
      const os = s < e ? this.startAt(s) : s < this.length ? this.startAt(s) : s > 0 ? this.endAt(s - 1) : 0;
      const oe = s < e ? this.endAt(e - 1) : os;
      b.appendText(rep, os, oe);
      last = e;
      if (m[0].length === 0) re.lastIndex++;
      m = re.exec(this.text);
    }
    b.appendSlice(this, last, this.length);
    return b.build();
  }

  /** Collapse every run of white space to one space, and trim. */
  collapseSpaces(): Mapped {
    if (!needsCollapse(this.text)) return this;
    return this.replace(/\s+/g, () => ' ').trim();
  }

  /** Visit the runs of text[from, to): for builders copying a slice. */
  eachRun(from: number, to: number, visit: (from: number, to: number, start: number, end: number) => void): void {
    this.#eachRun(from, to, visit);
  }
}

/** White space other than single spaces between words: a run, a tab or the like, or space at an end. */
function needsCollapse(t: string): boolean {
  let prevSpace = true; // the start counts as space: a leading space needs collapsing
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c <= 32 || (c >= 0x7f && /\s/.test(t[i]!))) return true;
    else prevSpace = false;
  }
  return prevSpace && t.length > 0;
}

export class MappedBuilder {
  private chars: string[] = [];
  private runs: number[] = [];
  private n = 0;

  /** A run of text[n, n + len) mapped as (start, end); joined to the run before when it goes on from it. */
  private run(len: number, start: number, end: number): void {
    const runs = this.runs;
    const k = runs.length;
    if (k > 0) {
      const prevEnd = runs[k - 1]!;
      if (end === IDENTITY ? prevEnd === IDENTITY && runs[k - 2]! + (runs[k - 3]! - runs[k - 4]!) === start : prevEnd === end && runs[k - 2] === start) {
        runs[k - 3]! += len;
        this.n += len;
        return;
      }
    }
    runs.push(this.n, this.n + len, start, end);
    this.n += len;
  }

  appendSlice(m: Mapped, from: number, to: number): void {
    if (to <= from) return;
    this.chars.push(m.text.slice(from, to));
    m.eachRun(from, to, (a, b, start, end) => this.run(b - a, start, end));
  }

  append(m: Mapped): void {
    this.appendSlice(m, 0, m.length);
  }

  /** Text produced from original[start, end): every character maps to that range. */
  appendText(text: string, start: number, end: number): void {
    if (!text) return;
    this.chars.push(text);
    this.run(text.length, start, end);
  }

  get length(): number {
    return this.n;
  }

  lastChar(): string {
    const last = this.chars[this.chars.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  build(): Mapped {
    return Mapped.fromRuns(this.chars.join(''), Int32Array.from(this.runs));
  }
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 12 || code === 11;
}
