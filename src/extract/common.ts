import type { Mapped } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import type { SectionNode } from '../structure/tree.js';

/** A name or cell as output: white space collapsed, trailing list punctuation dropped. */
export function cleanName(m: Mapped): Mapped {
  let t = m.collapseSpaces();
  // "./." closes a document; ";" "," ":" "." close list items. "…" and "..." mean "and so on": they stay.
  const end = /(?:\s*(?:\.\/\.|[;,:]|(?<!\.)\.(?!\.)))+$/.exec(t.text);
  if (end) t = t.slice(0, end.index);
  return t.trim();
}

/** A heading as a group title: "a) Phát triển hạ tầng" → "Phát triển hạ tầng"; trailing ":" dropped. */
export function headingTitle(node: SectionNode): string {
  return cleanName(node.heading).text;
}

/** The node and every node under it, parents before their children, in document order. */
/** An item's numbering as the output writes it: "(3)" for a parenthesised one, else as written. */
export function numberingOf(node: SectionNode): string | null {
  const m = node.marker;
  if (!m) return null;
  return m.style === 'paren' ? `(${m.numbering})` : m.numbering;
}

export function walk(node: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  const visit = (n: SectionNode) => {
    out.push(n);
    for (const c of n.children) visit(c);
  };
  visit(node);
  return out;
}

// "Đến hết năm 2025", "2.5. Đến hết năm 2045", "Đến năm 2030", "Năm 2026", "Giai đoạn 2026 - 2030".
const PHASE = /^(?:muc tieu\s+)?(?:(?:den|toi)\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?((?:19|20)\d{2})|nam\s+((?:19|20)\d{2})|giai doan\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2}))[.:]?$/;
// A year a sentence or title sets for its targets: "được tính đến cuối năm 2026", "… ĐẾN NĂM 2030".
const YEAR_IN_TEXT = /(?:den|toi|vao|trong)\s+(?:het\s+|cuoi\s+)?nam\s+((?:19|20)\d{2})|giai doan\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})/;

/** More characters other than white space than any phase heading has. */
const PHASE_MAX = 64;

/** How many characters of `s` are not white space, counting up to PHASE_MAX + 1. */
function nonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= PHASE_MAX; i++) if (!/\s/.test(s[i]!)) n++;
  return n;
}

/** The year of a phase heading ("Đến hết năm 2025" → 2025), or null when the heading is not a phase. */
export function phaseYear(title: string): number | null {
  // A phase heading is short ("muc tieu giai doan 2026 - 2030:" has 27 characters besides its
  // spaces): a longer text is not read.
  if (title.length > PHASE_MAX && nonSpace(title) > PHASE_MAX) return null;
  const m = PHASE.exec(looseKey(title).replace(/\s+/g, ' ').trim());
  if (!m) return null;
  return Number(m[1] ?? m[2] ?? m[3]);
}

/** A target year a piece of text states ("… đến năm 2030", "tính đến cuối năm 2026"). */
export function yearInText(text: string): number | null {
  const m = YEAR_IN_TEXT.exec(looseKey(text));
  return m ? Number(m[1] ?? m[2]) : null;
}

/**
 * The year an annex's title sets for its targets: as yearInText, or the one
 * year a title names after "năm" ("CHỈ TIÊU NĂM 2025").
 */
export function titleYear(text: string): number | null {
  const year = yearInText(text);
  if (year !== null) return year;
  const key = looseKey(text);
  const years = new Set([...key.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]));
  const m = /\bnam\s+((?:19|20)\d{2})(?!\d)/.exec(key);
  return m && years.size === 1 ? Number(m[1]) : null;
}
