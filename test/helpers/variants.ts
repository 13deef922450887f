/**
 * The same plan, written the ways real inputs arrive: CRLF line ends, NFD,
 * a BOM with NBSP and tabs, old tone placement, a blank line after every
 * line. Each rewrites the text and nothing else.
 */

export const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export const nfd = (s: string): string => s.normalize('NFD');

/** A BOM, NBSP after every comma and around "Số:", a tab indenting lines that have no tabs of their own. */
export const bomNbspTabs = (s: string): string =>
  '\uFEFF' +
  s
    .split('\n')
    .map((line) => (line.includes('\t') || line.trim() === '' ? line : `\t${line}`))
    .map((line) => line.replace(/, /g, ',\u00a0').replace(/Số: /g, 'Số:\u00a0'))
    .join('\n');

// Open "oa", "oe", "uy" syllables with the tone on the first vowel → on the second: hòa → hoà, thủy → thuỷ, Ủy → Uỷ.
const TONES: Record<string, string> = {
  ò: '\u0300', ó: '\u0301', ỏ: '\u0309', õ: '\u0303', ọ: '\u0323', ù: '\u0300', ú: '\u0301', ủ: '\u0309', ũ: '\u0303', ụ: '\u0323',
  Ò: '\u0300', Ó: '\u0301', Ỏ: '\u0309', Õ: '\u0303', Ọ: '\u0323', Ù: '\u0300', Ú: '\u0301', Ủ: '\u0309', Ũ: '\u0303', Ụ: '\u0323',
};
export const oldTones = (s: string): string =>
  s.replace(/(?<![\p{L}])([^\s\p{P}]*?)([òóỏõọÒÓỎÕỌ])([aeAE])(?![\p{L}])|(?<![\p{L}])([^\s\p{P}]*?)([ùúủũụÙÚỦŨỤ])([yY])(?![\p{L}])/gu, (whole, a1, v1, w1, a2, v2, w2) => {
    const [pre, v, w] = v1 ? [a1 as string, v1 as string, w1 as string] : [a2 as string, v2 as string, w2 as string];
    const base = v.normalize('NFD')[0]!;
    return (pre + base + (w + TONES[v]).normalize('NFC')).normalize('NFC');
  });

export const blankAfterEveryLine = (s: string): string => s.split(/\r?\n/).join('\n\n');

export const VARIANTS: [string, (s: string) => string][] = [
  ['CRLF line ends', crlf],
  ['NFD', nfd],
  ['BOM + NBSP + tabs', bomNbspTabs],
  ['old tone placement (hoà, thuỷ, Uỷ)', oldTones],
  ['a blank line after every line', blankAfterEveryLine],
  ['all of them at once', (s) => crlf(blankAfterEveryLine(oldTones(bomNbspTabs(nfd(s)))))],
];
