import type { Line } from '../normalize/lines.js';
import type { Mapped } from '../text/mapped.js';
import type { Block, ItemBlock } from './blocks.js';

/**
 * Items numbered inside a paragraph, as party committees write their targets:
 *
 *   Đến năm 2027: (1) 100% cơ quan … sử dụng chữ ký số; (2) tỷ lệ hồ sơ … đạt
 *   trên 60%; (3) có ít nhất 03 hợp tác xã …; (4) tỷ lệ …
 *
 * A paragraph (or a "(n)" item) that holds "(n)" markers after ":" or ";", in
 * rising order from (1) (or from the item's own number), is cut into its lead-in
 * (a paragraph, "Đến năm 2027:") and one "(n)" item per marker, each on the line
 * where its marker stands (one marker is enough when the next line opens the next
 * item). A number may be skipped ((3) then (5): the numbering check reports it),
 * not repeated or taken back.
 */

// A marker inside the text: after ":" or ";" (or at its start), "(12) " and a word.
const INLINE = /(?:^|[:;]\s*)\((\d{1,2})\)\s+(?=\S)/g;
const MAX_STEP = 3;

interface Cut {
  /** Where the marker "(n)" starts in the text, and where the item's own text starts. */
  at: number;
  textAt: number;
  n: number;
}

function cutsOf(text: string, first: number | null): Cut[] {
  const cuts: Cut[] = [];
  let last = first;
  for (const m of text.matchAll(INLINE)) {
    const n = Number(m[1]);
    const expected = last === null ? n === 1 : n > last && n <= last + MAX_STEP;
    if (!expected) {
      if (cuts.length === 0 && last === null) continue;
      break;
    }
    const at = m.index + m[0].indexOf('(');
    if (at === 0 && first === null && cuts.length === 0) {
      // The paragraph opens with its marker: the block reader would have made it an item.
      last = n;
      continue;
    }
    cuts.push({ at, textAt: m.index + m[0].length, n });
    last = n;
  }
  return cuts;
}

/** The block's lines that the text span [from, to) of `text` touches. */
function linesOf(block: Block, text: Mapped, from: number, to: number): Line[] {
  const span = text.span(from, to);
  if (!span) return block.lines.slice(0, 1);
  const out = block.lines.filter((l) => {
    const s = l.m.span();
    return s !== null && s.start < span.end && s.end > span.start;
  });
  return out.length > 0 ? out : block.lines.slice(0, 1);
}

function item(block: Block, text: Mapped, n: number, from: number, to: number, markerAt: number): ItemBlock {
  const own = text.slice(from, to).trim();
  return {
    type: 'item',
    marker: { style: 'paren', depth: 0, numbering: String(n), ordinal: [n], textStart: 0 },
    lines: linesOf(block, text, markerAt, to),
    text: own,
  };
}

/** Blocks with their inline "(n)" items cut out; at least two items make a cut worth it. */
export function splitInlineItems(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'table') {
      out.push(block);
      continue;
    }
    const own = block.type === 'item' && block.marker.style === 'paren' && /^\d+$/.test(block.marker.numbering) ? Number(block.marker.numbering) : null;
    if (block.type === 'item' && own === null) {
      out.push(block);
      continue;
    }
    const text = block.text;
    const cuts = cutsOf(text.text, own);
    // One marker in a paragraph is enough when the next item goes on with its numbering
    // ("…, phấn đấu: (1) …;" / "(2) …").
    const next = blocks[i + 1];
    const last = cuts[cuts.length - 1]?.n ?? 0;
    const goesOn = next?.type === 'item' && next.marker.style === 'paren' && Number(next.marker.numbering) > last && Number(next.marker.numbering) <= last + MAX_STEP;
    // So is a lone "(1)" after a lead-in ("Đến năm 2030: (1) 100% thôn …").
    const leadIn = own === null && cuts.length === 1 && cuts[0]!.n === 1 && /:\s*$/.test(text.text.slice(0, cuts[0]!.at));
    if (cuts.length < (own === null && !goesOn && !leadIn ? 2 : 1)) {
      out.push(block);
      continue;
    }
    const head = text.slice(0, cuts[0]!.at).trim();
    if (block.type === 'item') out.push({ ...block, text: head });
    else if (head.length > 0) out.push({ type: 'paragraph', lines: linesOf(block, text, 0, cuts[0]!.at), text: head });
    cuts.forEach((c, k) => {
      const end = k + 1 < cuts.length ? cuts[k + 1]!.at : text.length;
      out.push(item(block, text, c.n, c.textAt, end, c.at));
    });
  }
  return out;
}
