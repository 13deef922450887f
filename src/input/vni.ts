/**
 * VNI (VNI for Windows): the 8-bit Vietnamese encoding of the `VNI-Times`
 * fonts. A letter is a plain Latin letter followed by a byte for its marks,
 * so read as Windows-1252 (a PDF whose font is VNI-Times, a Word file's text
 * copied out, a `.txt` saved from such a file) it gives "Keá hoaïch",
 * "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM".
 *
 * The marks, as Windows-1252 shows their bytes (lower case; the capitals
 * take the same marks in upper case): after a, e, o, u, y the tones ù sắc,
 * ø huyền, û hỏi, õ ngã, ï nặng; after a, e, o the circumflex â and with a
 * tone á à å ã ä; after a the breve ê and with a tone é è ú ü ë. Letters of
 * one byte: ô ơ, ö ư (which take the tones too), ñ đ, î ỵ, and the i's
 * í ì æ ỉ ó ĩ ò ị.
 */

const TONES: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
const CIRCUMFLEX: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
const BREVE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
const SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', î: 'ỵ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị' };

/** A letter and the byte of its marks: every pair that stands for one Vietnamese letter. */
const PAIRS = new Map<string, string>();
/** The letters of one byte (ô ơ, ñ đ, the i's …). */
const SINGLES = new Map<string, string>();
{
  // The mark's case follows the letter's ("UÛy" Ủy); one typed in the other case is read too.
  const add = (base: string, mark: string, letter: string) => {
    const [B, M, L] = [base.toUpperCase(), mark.toUpperCase(), letter.toUpperCase()];
    PAIRS.set(base + mark, letter).set(B + M, L).set(base + M, letter).set(B + mark, L);
  };
  for (const base of ['a', 'e', 'o', 'u', 'y']) for (const [m, c] of Object.entries(TONES)) add(base, m, (base + c).normalize('NFC'));
  for (const [base, horn] of [['ô', 'ơ'], ['ö', 'ư']] as const) for (const [m, c] of Object.entries(TONES)) add(base, m, (horn + c).normalize('NFC'));
  for (const base of ['a', 'e', 'o']) for (const [m, c] of Object.entries(CIRCUMFLEX)) add(base, m, (base + '\u0302' + c).normalize('NFC'));
  for (const [m, c] of Object.entries(BREVE)) add('a', m, ('a\u0306' + c).normalize('NFC'));
  for (const [k, v] of Object.entries(SINGLE)) {
    SINGLES.set(k, v);
    SINGLES.set(k.toUpperCase(), v.toUpperCase());
  }
}

/** Signs only VNI text has: Latin-1 letters Vietnamese never uses (ø û ï å ä ë ü ö æ î ñ). */
const VNI_ONLY = /[øûïåäëüöæîñØÛÏÅÄËÜÖÆÎÑ]/g;
/**
 * A line is VNI when it has one of those, or a letter and a mark Unicode Vietnamese never
 * writes side by side ("kieâm", "Keá", "Vaên"; not "hoàn", "quá", "tuân", "thuê").
 */
const HAS_VNI_SIGN = /[øûïåäëüöæîñØÛÏÅÄËÜÖÆÎÑ]|[aeAE][ùõâáàãêéèúÙÕÂÁÀÃÊÉÈÚ]|[oO][ùâÙÂ]|[uyUY][ùÙ]/;
/** Letters only Vietnamese Unicode text has (ă, đ, ơ, ư, the toned ones of U+1EA0–U+1EF9). */
const HAS_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
const VIETNAMESE_ONLY = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;
/** A VNI letter: a base and its mark, or a letter of one byte. */
const LETTER = /[aeouyôöAEOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ôöñîíìæóòÔÖÑÎÍÌÆÓÒ]/g;

export interface VniReading {
  text: string;
  /** Lines converted. */
  lines: number;
}

/** VNI's marks that Vietnamese never writes as letters, and the same after the letters they mark. */
const MARKS = /[øûïåäëüØÛÏÅÄËÜ]/g;
const MARKED = /[aeouyôöAEOUYÔÖ][øûïåäëüØÛÏÅÄËÜ]/g;

/**
 * Does this text (bytes read as Windows-1252, or Unicode text holding VNI
 * mojibake) read as VNI? Many of the signs only VNI has, of four kinds at
 * least, and few letters of Unicode Vietnamese; its marks stand after the
 * vowels they mark (TCVN3 read as Latin-1 has the same signs, as letters of
 * their own: "chñ"); and converted, it reads as Vietnamese (German or Danish
 * text has ö, ü, ø too, but does not become Vietnamese).
 */
export function looksVni(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const found = sample.match(VNI_ONLY) ?? [];
  if (found.length < 20 || new Set(found.map((c) => c.toLowerCase())).size < 4) return false;
  const vietnamese = sample.match(VIETNAMESE_ONLY)?.length ?? 0;
  if (found.length < 5 * vietnamese) return false;
  const marks = sample.match(MARKS)?.length ?? 0;
  if ((sample.match(MARKED)?.length ?? 0) < 0.9 * marks) return false;
  const converted = convertVniText(sample).text;
  const letters = converted.match(/\p{L}/gu)?.length ?? 0;
  const own = converted.match(VIETNAMESE_ONLY)?.length ?? 0;
  return letters > 0 && own >= 0.05 * letters;
}

/**
 * One line of VNI to Vietnamese. A letter of two characters becomes one, so a
 * cell of a space-aligned table (pdftotext -layout, a PDF laid out as text)
 * would move left: the characters a run of text loses are given back to the
 * gap of two spaces or more after it, and every cell keeps its column.
 */
export function convertVniLine(line: string): string {
  let out = '';
  let last = 0;
  const gaps = / {2,}|\t/g;
  for (let m = gaps.exec(line); m; m = gaps.exec(line)) {
    const run = line.slice(last, m.index);
    const converted = convertRun(run);
    // a tab moves the text after it to a tab stop of its own: nothing to give back there
    out += converted + (m[0] === '\t' ? m[0] : m[0] + ' '.repeat(run.length - converted.length));
    last = m.index + m[0].length;
  }
  return out + convertRun(line.slice(last));
}

function convertRun(run: string): string {
  return run.replace(LETTER, (s) => PAIRS.get(s) ?? (s.length === 2 ? (SINGLES.get(s[0]!) ?? s[0]!) + s[1] : SINGLES.get(s)!));
}

/**
 * Unicode text holding VNI mojibake back to Vietnamese. A line with a sign of
 * VNI and no letter of Unicode Vietnamese is converted; a PDF can mix a VNI
 * font with a Unicode one, so a line whose letters read either way ("soá",
 * "hoàn thành": o and á or à are Unicode's too) goes as the nearest line
 * that tells, the one before it first.
 */
export function convertVniText(text: string): VniReading {
  const lines = text.split('\n');
  // true: VNI, false: Unicode, null: it does not tell (no letter either reads), undefined: it reads either way
  const kind = lines.map((line) => (HAS_VIETNAMESE.test(line) ? false : HAS_VNI_SIGN.test(line) ? true : (LETTER.lastIndex = 0, LETTER.test(line)) ? undefined : null));
  let converted = 0;
  let last: boolean | undefined;
  const out = lines.map((line, i) => {
    let k = kind[i];
    if (k === undefined) {
      k = last;
      for (let j = i + 1; k === undefined && j < lines.length; j++) if (kind[j] !== null && kind[j] !== undefined) k = kind[j]!;
    } else if (k !== null) last = k;
    if (k !== true) return line;
    converted++;
    return convertVniLine(line);
  });
  return { text: out.join('\n'), lines: converted };
}

/** Bytes in VNI to text: Windows-1252, then every line converted. */
export function decodeVni(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[^\n]+/g, convertVniLine);
}
