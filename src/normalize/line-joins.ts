import { Mapped, MappedBuilder } from '../text/mapped.js';

// Words and document numbers broken across lines: "Kế hoạch số 04-" / "KH/ĐU",
// "ngày 22-" / "12-2024", "VP HĐND-" / "UBND" join without a space;
// "Phòng Văn hóa -" / "Xã hội" (a spaced dash) joins with one.
const BROKEN_AT_END = /[\p{L}\p{N}][-‐‑\/]$/u;
const CONTINUES = /^[\p{L}\p{N}]/u;

/** True when `next` continues a word or number that `prev` broke off. */
export function joinsWithoutSpace(prev: string, next: string): boolean {
  return BROKEN_AT_END.test(prev) && CONTINUES.test(next);
}

// A Latin word hyphenated at a line's end, as OCR of a justified page gives it: "Inter-" / "net".
// (Two letters before the hyphen are a word of their own: "Wi-" / "fi", "e-" / "learning".)
const HYPHENATED = /(?<![\p{L}\p{N}])[A-Za-z]{3,}-$/u;
const WORD_GOES_ON = /^[a-z]{2,}(?![\p{L}\p{N}])/u;

/**
 * Join pieces of text (lines, cells) into one, keeping positions: one space
 * between pieces unless a word or number was broken across them, white space
 * collapsed (tabs included), ends trimmed.
 */
export function joinPieces(pieces: readonly Mapped[]): Mapped {
  const parts = pieces.map((p) => p.collapseSpaces()).filter((p) => p.length > 0);
  // Pieces whose next one goes on the same word.
  const glued = new Set<number>();
  for (let k = 0; k + 1 < parts.length; k++) {
    if (HYPHENATED.test(parts[k]!.text) && WORD_GOES_ON.test(parts[k + 1]!.text)) {
      parts[k] = parts[k]!.slice(0, parts[k]!.length - 1);
      glued.add(k);
    }
  }
  if (parts.length === 0) return Mapped.empty(0);
  if (parts.length === 1) return parts[0]!;
  const b = new MappedBuilder();
  let prevText = '';
  for (const [k, p] of parts.entries()) {
    if (b.length > 0 && !glued.has(k - 1) && !joinsWithoutSpace(prevText, p.text)) {
      const at = p.startAt(0);
      b.appendText(' ', at, at);
    }
    b.append(p);
    prevText = p.text;
  }
  return b.build();
}
