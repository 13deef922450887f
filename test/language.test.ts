import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';

/**
 * source.language (franc on the body's text) and the `not-vietnamese`
 * warning: a plan in another language still parses.
 */
const seed = readFileSync(new URL('../seeds/003_6546f7b9f46ac644.txt', import.meta.url), 'utf8');

/** Vietnamese typed without diacritics ("Ke hoach trien khai …"), as old systems send it. */
const unaccented = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

// The same kind of plan written in English: a province's translation, or a donor's template.
const english = `PEOPLE'S COMMITTEE OF XOP COMMUNE
PLAN
Implementing Resolution 57-NQ/TW on breakthroughs in science, technology, innovation and digital transformation
I. PURPOSE AND REQUIREMENTS
1. Purpose
- To raise awareness among cadres, civil servants and people about the role of digital transformation in the socio-economic development of the commune.
- To build a digital government that serves people and businesses better.
II. OBJECTIVES
- The rate of 5G coverage reaches at least 60% of the population by 2026.
- 100% of administrative procedures are provided as full online public services.
III. TASKS
1. Develop digital infrastructure, led by the Culture and Society Office, completed in 2025.
2. Train officials in digital skills every year.
IV. IMPLEMENTATION
The Culture and Society Office shall coordinate with the relevant units to carry out this plan.`;

const warnings = (text: string) => parsePlan(text).diagnostics.filter((d) => d.code === 'not-vietnamese');

describe('language', () => {
  it.each([
    ['a seed', seed],
    ['a seed without diacritics', unaccented(seed)],
    ['a seed in capitals', seed.toUpperCase()],
  ])('%s reads as Vietnamese, with no warning', (_name, text) => {
    expect(parsePlan(text).source.language).toBe('vie');
    expect(warnings(text)).toEqual([]);
  });

  it('an English plan reads as eng, gets a warning, and is parsed all the same', () => {
    const doc = parsePlan(english);
    expect(doc.source.language).toBe('eng');
    expect(warnings(english)).toHaveLength(1);
    expect(warnings(english)[0]!.severity).toBe('warning');
    expect(doc.sections.map((s) => s.numbering)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('too little text to tell gives null and no warning', () => {
    const short = 'KẾ HOẠCH\nI. MỤC TIÊU\n- Tỷ lệ phủ sóng 5G đạt 60%.';
    expect(parsePlan(short).source.language).toBeNull();
    expect(warnings(short)).toEqual([]);
  });
});
