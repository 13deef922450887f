import { makeToken, unitHeadAt, type Token } from './tables/segment.js';
import { looseKey } from '../text/fold.js';
import { WHOLE_UNIT_NAMES } from './vocabulary.js';
import type { Mapped } from '../text/mapped.js';

/**
 * Where a cell's text was broken: the space that joins two lines (it maps to no source
 * character) or that stands for a "<br>" (it maps to several). Indexes into m.text.
 */
export function breaksOf(m: Mapped): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < m.length; i++) {
    if (m.text[i] !== ' ') continue;
    const width = m.endAt(i) - m.startAt(i);
    if (width === 0 || width >= 4) out.add(i);
  }
  return out;
}

/** A unit's whole name ("Ủy ban Kiểm tra Đảng ủy") starts at `from` and runs on past `to`. */
function wholeAcross(text: string, from: number, to: number): boolean {
  const key = looseKey(text.slice(from)).replace(/\s+/g, ' ');
  const before = looseKey(text.slice(from, to)).replace(/\s+/g, ' ').length;
  return WHOLE_UNIT_NAMES.some((w) => w.length > before && key.startsWith(w) && !/[\p{L}\p{N}]/u.test(key[w.length] ?? ' '));
}

const JOINING = new Set(['và', 'thuộc', 'của', 'với', 'tại', 'trên', 'ở', 'cùng']);

function words(text: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(makeToken(m.index, m.index + m[0].length, m[0], looseKey(m[0]), false));
  return out;
}

/**
 * A lead or support cell as a list of units. Cuts at ";", at ", " before a
 * capitalised unit ("Phòng Kinh tế, Công an xã"), and, with `runTogether`
 * (flattened PDF text), where a second unit starts without a separator
 * ("Trung tâm … Các phòng, đơn vị …", two cells run together). In a real table
 * cell "Ủy ban Kiểm tra Đảng ủy" is one unit, unless a line break (`breaks`:
 * a wrapped line, a "<br>") comes before the second capitalised unit and the
 * two do not make one of the unit names plans use ("Ủy ban Kiểm tra" / "Đảng
 * ủy" does). "Các phòng, đơn vị, các thôn trên địa bàn
 * xã" stays one: a list in lower case is one phrase.
 */
export function splitUnits(text: string, runTogether = true, breaks: ReadonlySet<number> = new Set()): string[] {
  const out: string[] = [];
  let base = 0;
  for (const part of text.split(';')) {
    const partBase = base;
    base += part.length + 1;
    const toks = words(part);
    if (toks.length === 0) continue;
    let start = 0;
    const firstHead = unitHeadAt(toks, 0, false);
    let i = Math.max(firstHead, 1);
    let own = firstHead ? 0 : 1;
    while (i < toks.length) {
      const h = unitHeadAt(toks, i);
      if (!h) {
        own++;
        i++;
        continue;
      }
      const prev = toks[i - 1]!;
      // "… đơn vị thuộc UBND xã": after "thuộc", "của", "và" the unit is part of the phrase.
      const broken = breaks.has(partBase + prev.to);
      const cut = /,$/.test(prev.text) || (own > 0 && (runTogether || broken) && !wholeAcross(part, toks[start]!.from, prev.to));
      if (cut && !JOINING.has(prev.word)) {
        out.push(part.slice(toks[start]!.from, prev.to));
        start = i;
        own = 0;
      } else own += h; // "Văn phòng HĐND-UBND": a head right after a head is part of the name
      i += h;
    }
    out.push(part.slice(toks[start]!.from, toks[toks.length - 1]!.to));
  }
  return out.map((s) => s.replace(/\s+/g, ' ').replace(/^[\s,;]+|[\s,;.]+$/g, '')).filter(Boolean);
}
