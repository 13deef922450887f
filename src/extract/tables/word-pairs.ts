import type { Line } from '../../normalize/lines.js';
import { hasLetter, startsUpper } from '../../text/fold.js';
import { COMMON_PAIRS } from './common-pairs.js';
import { tokenWord } from './segment.js';

/**
 * Pairs of words that stand side by side on a line of the document at least
 * twice: "kiểm tra", "đơn vị", "sản phẩm", "hàng năm". When a table row is
 * read line by line, a cell that ends on "kiểm" goes on with "tra" from the
 * next line more likely than another cell does: the document itself says the
 * two words belong together (and so do plans in general: common-pairs.ts). Pairs that stand side by side only once (as two
 * cells of one interleaved line may) do not count, nor a capital after a small
 * letter ("… đơn | Kết quả": where two cells meet).
 */
const COMMON = pairMap(COMMON_PAIRS);

/** Pairs "a b" as the words that may follow each first word: asked without building "a b". */
function pairMap(pairs: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const space = pair.indexOf(' ');
    const first = pair.slice(0, space);
    let next = out.get(first);
    if (!next) out.set(first, (next = new Set()));
    next.add(pair.slice(space + 1));
  }
  return out;
}

/** A word that closes its phrase ("đi,", "xã.", "(b/c)"): it pairs with nothing after it. */
export function closesPhrase(raw: string): boolean {
  return /[,;.:!?)"”]$/.test(raw);
}

/** How many words of a table line are read for pairs. */
const LEADING_WORDS = 4;

export class WordPairs {
  private pairs: Map<string, Set<string>> | null;

  constructor(
    pairs: Iterable<string> = [],
    private readonly source: { lines: readonly Line[]; tableLines: readonly Line[] } | null = null,
  ) {
    this.pairs = source ? null : pairMap(pairs);
  }

  /**
   * The pairs of a document, counted when first asked for (only tables read
   * line by line ask). `tableLines`: lines that may hold table rows
   * (annexes), where only a line's first words are read: further on, two
   * cells may sit side by side.
   */
  static fromLines(lines: readonly Line[], tableLines: readonly Line[] = []): WordPairs {
    return new WordPairs([], { lines, tableLines });
  }

  private count(): Map<string, Set<string>> {
    const { lines, tableLines } = this.source!;
    // The words seen after each first word once (`once`), and twice or more (`pairs`).
    const once = new Map<string, Set<string>>();
    const pairs = new Map<string, Set<string>>();
    const leading = new Set(tableLines);
    for (const line of [...lines, ...tableLines]) {
      if (line.role !== 'content') continue;
      let prev = '';
      let prevLetter = false;
      let prevUpper = false;
      const words = line.text.split(/\s+/);
      const n = leading.has(line) ? Math.min(words.length, LEADING_WORDS) : words.length;
      for (let i = 0; i < n; i++) {
        const raw = words[i]!;
        const w = tokenWord(raw);
        const letter = hasLetter(w);
        const upper = startsUpper(raw);
        // A capital after a small letter ("… đơn | Kết quả") is where cells meet in interleaved lines.
        if (prevLetter && letter && !(upper && !prevUpper)) {
          let seen = once.get(prev);
          if (!seen) once.set(prev, (seen = new Set()));
          if (!seen.has(w)) seen.add(w);
          else {
            let twice = pairs.get(prev);
            if (!twice) pairs.set(prev, (twice = new Set()));
            twice.add(w);
          }
        }
        // A word that ends a phrase ("đi,", "xã.") does not pair with the next one.
        prev = closesPhrase(raw) ? '' : w;
        prevLetter = prev !== '' && letter;
        prevUpper = upper;
      }
    }
    return pairs;
  }

  /** The document writes the two words together, or plans commonly do (common-pairs.ts). */
  has(first: string, second: string): boolean {
    this.pairs ??= this.count();
    return this.pairs.get(first)?.has(second) === true || COMMON.get(first)?.has(second) === true;
  }
}
