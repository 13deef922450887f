import { Mapped, MappedBuilder } from '../text/mapped.js';
import type { LineNormalizer } from './types.js';

// "Việt" typed as NFD (e + combining circumflex + combining dot below) becomes
// one precomposed character that maps back to all three code units.
export const nfc: LineNormalizer = {
  name: 'nfc',
  applies: (text) => /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0483-\u0489\u0591-\u05bd\u0e31-\u0e4e\u3099\u309a]/.test(text) && text.normalize('NFC') !== text,
  apply(m: Mapped): Mapped {
    const text = m.text;
    const b = new MappedBuilder();
    // Segments: one starter and the combining marks that follow it.
    const re = /\P{M}\p{M}*|\p{M}+/gu;
    let seg: RegExpExecArray | null;
    while ((seg = re.exec(text))) {
      const s = seg.index;
      const e = s + seg[0].length;
      if (e - s === 1) {
        b.appendSlice(m, s, e);
        continue;
      }
      const composed = seg[0].normalize('NFC');
      if (composed === seg[0]) b.appendSlice(m, s, e);
      else b.appendText(composed, m.startAt(s), m.endAt(e - 1));
    }
    const out = b.build();
    // Composition across segments (not Vietnamese, e.g. Hangul jamo): keep the
    // segment-wise result; it is still canonical enough to match on.
    return out;
  },
};
