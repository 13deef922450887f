import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanBytes } from '../src/input/file.js';
import { decodeText } from '../src/input/text.js';
import { foldTonePlacement } from '../src/normalize/tone.js';
import type { PlanDocument } from '../src/model/schema.js';
import { expectWellFormed } from './helpers/check.js';
import { VARIANTS, oldTones } from './helpers/variants.js';

const SEEDS = [
  ...readdirSync(new URL('../seeds/', import.meta.url)).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`),
  ...['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'holdout17'].flatMap((dir) =>
    readdirSync(new URL(`../fixtures/${dir}/`, import.meta.url))
      .filter((f) => /\.(?:txt|md)$/.test(f))
      .sort()
      .map((f) => `fixtures/${dir}/${f}`),
  ),
];
// Decoded as the parser decodes it (a UTF-16 file too), then rewritten: the variants are UTF-8.
const read = (f: string) => decodeText(readFileSync(new URL(`../${f}`, import.meta.url))).text.replace(/^\uFEFF/, '');

/** The records without positions, with tone placement folded: what must not change. */
function records(doc: PlanDocument): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== 'position' && k !== 'sha256' && k !== 'message') out[k] = strip(x);
      return out;
    }
    return typeof v === 'string' ? foldTonePlacement(v) : v;
  };
  return strip({ plan: doc.plan, sections: doc.sections, indicators: doc.indicators, tasks: doc.tasks, assignments: doc.assignments, diagnostics: doc.diagnostics.map((d) => [d.severity, d.code]) });
}

describe('the helpers rewrite what they say', () => {
  it('oldTones moves tone marks to the second vowel', () => {
    expect(oldTones('Ủy ban, hòa bình, thủy lợi, khỏe, hóa, hoàn thành, của')).toBe('Uỷ ban, hoà bình, thuỷ lợi, khoẻ, hoá, hoàn thành, của');
  });
});

describe.each(SEEDS)('%s rewritten', (seed) => {
  const text = read(seed);
  const original = records(parsePlanBytes(Buffer.from(text, 'utf8'), null));
  it.each(VARIANTS)('%s: same records', (_name, rewrite) => {
    const rewritten = rewrite(text);
    // (A plan that is already CRLF stays the same under that rewrite: nothing more to show.)
    const bytes = Buffer.from(rewritten, 'utf8');
    const doc = parsePlanBytes(bytes, null);
    expectWellFormed(doc, rewritten.replace(/^\uFEFF/, ''));
    expect(records(doc)).toEqual(original);
  });
  it('UTF-16 with a BOM: same records', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(records(parsePlanBytes(le, null))).toEqual(original);
    const swapped = Buffer.from(text, 'utf16le').swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]);
    expect(records(parsePlanBytes(be, null))).toEqual(original);
  });
});
