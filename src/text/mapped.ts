/**
 * A string that remembers where each of its characters came from.
 *
 * Normalizers change text, never coordinates: every character of a `Mapped`
 * carries the original offsets it was produced from (`starts[i]` inclusive,
 * `ends[i]` exclusive). A character that replaced a longer run (a LaTeX
 * command, an NFD sequence) maps to the whole run; a character that was
 * inserted (the space that joins two lines) maps to an empty range.
 */
export class Mapped {
  #starts: Int32Array | null;
  #ends: Int32Array | null;
  /** For text that maps one-to-one onto the original (`identity`): where it starts; the arrays are made on first use. */
  readonly #offset: number;

  constructor(
    readonly text: string,
    starts: Int32Array | null,
    ends: Int32Array | null,
    offset = 0,
  ) {
    this.#starts = starts;
    this.#ends = ends;
    this.#offset = offset;
  }

  /**
   * Text that maps one-to-one onto `original[offset, offset + text.length)`.
   * Most lines go through the normalizers unchanged: their offsets are worked
   * out, not stored, until something asks for the arrays.
   */
  static identity(text: string, offset: number): Mapped {
    return new Mapped(text, null, null, offset);
  }

  /** Original offset where character i starts (inclusive). */
  get starts(): Int32Array {
    if (!this.#starts) this.#materialize();
    return this.#starts!;
  }

  /** Original offset where character i ends (exclusive). */
  get ends(): Int32Array {
    if (!this.#ends) this.#materialize();
    return this.#ends!;
  }

  /** One-to-one text: the original offset of its first character; null when the arrays are stored. */
  get identityOffset(): number | null {
    return this.#starts ? null : this.#offset;
  }

  #materialize(): void {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0, o = this.#offset; i < n; i++, o++) {
      starts[i] = o;
      ends[i] = o + 1;
    }
    this.#starts = starts;
    this.#ends = ends;
  }

  static empty(at: number): Mapped {
    void at;
    return new Mapped('', new Int32Array(0), new Int32Array(0));
  }

  get length(): number {
    return this.text.length;
  }

  slice(from: number, to: number = this.text.length): Mapped {
    const a = Math.max(0, Math.min(from, this.text.length));
    const b = Math.max(a, Math.min(to, this.text.length));
    if (a === 0 && b === this.text.length) return this;
    if (!this.#starts) return new Mapped(this.text.slice(a, b), null, null, this.#offset + a);
    // Views, not copies: a Mapped's offsets are never written after it is built.
    return new Mapped(this.text.slice(a, b), this.starts.subarray(a, b), this.ends.subarray(a, b));
  }

  /** Original [start, end) covered by text[from, to); null for an empty or inserted-only span. */
  span(from = 0, to = this.text.length): { start: number; end: number } | null {
    let a = from;
    let b = to;
    if (!this.#starts) return a < b ? { start: this.#offset + a, end: this.#offset + b } : null;
    // Skip inserted characters (empty ranges) at both ends.
    while (a < b && this.starts[a]! === this.ends[a]!) a++;
    while (b > a && this.starts[b - 1]! === this.ends[b - 1]!) b--;
    if (a >= b) return null;
    return { start: this.starts[a]!, end: this.ends[b - 1]! };
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
    re.lastIndex = 0;
    let m = re.exec(this.text);
    if (!m) return this;
    const b = new MappedBuilder(this.length);
    let last = 0;
    while (m) {
      const s = m.index;
      const e = s + m[0].length;
      b.appendSlice(this, last, s);
      const rep = replace(m);
      const os = s < e ? this.starts[s]! : s < this.length ? this.starts[s]! : this.ends[s - 1] ?? 0;
      const oe = s < e ? this.ends[e - 1]! : os;
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

const EMPTY = new Int32Array(0);

export class MappedBuilder {
  private chars: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  /** `capacity`: the length the text is expected to reach (it may grow past it). */
  constructor(capacity = 0) {
    this.starts = capacity > 0 ? new Int32Array(capacity) : EMPTY;
    this.ends = capacity > 0 ? new Int32Array(capacity) : EMPTY;
  }

  private room(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.n + extra, this.starts.length * 2, 32);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.n));
    ends.set(this.ends.subarray(0, this.n));
    this.starts = starts;
    this.ends = ends;
  }

  appendSlice(m: Mapped, from: number, to: number): void {
    if (to <= from) return;
    this.chars.push(m.text.slice(from, to));
    this.room(to - from);
    const offset = m.identityOffset;
    if (offset === null) {
      this.starts.set(m.starts.subarray(from, to), this.n);
      this.ends.set(m.ends.subarray(from, to), this.n);
    } else {
      for (let i = from, j = this.n; i < to; i++, j++) {
        this.starts[j] = offset + i;
        this.ends[j] = offset + i + 1;
      }
    }
    this.n += to - from;
  }

  append(m: Mapped): void {
    this.appendSlice(m, 0, m.length);
  }

  /** Text produced from original[start, end): every character maps to that range. */
  appendText(text: string, start: number, end: number): void {
    if (!text) return;
    this.chars.push(text);
    this.room(text.length);
    this.starts.fill(start, this.n, this.n + text.length);
    this.ends.fill(end, this.n, this.n + text.length);
    this.n += text.length;
  }

  get length(): number {
    return this.n;
  }

  lastChar(): string {
    const last = this.chars[this.chars.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  build(): Mapped {
    // Views of the builder's arrays: nothing writes to them after this.
    return new Mapped(this.chars.join(''), this.starts.subarray(0, this.n), this.ends.subarray(0, this.n));
  }
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 12 || code === 11;
}
