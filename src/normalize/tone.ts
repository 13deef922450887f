/**
 * Tone placement. Old and new spelling put the tone mark on different vowels
 * of open "oa", "oe", "uy" syllables: "hoà"/"hòa", "thuỷ"/"thủy", "Uỷ"/"Ủy".
 * Output text keeps the source's spelling; matching and comparison fold both
 * to one placement with `foldTonePlacement`.
 */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';

/**
 * Move the tone mark of every syllable to one placement: on the first vowel
 * of an open `oa`, `oe`, `uy` syllable ("hòa", "thủy", "Ủy", "khỏe"), which is
 * how most plans write it. "hoà", "thuỷ", "Uỷ" fold to those; "Qúy" folds to
 * "Quý". The result is NFC and has the input's length.
 */
export function foldTonePlacement(s: string): string {
  return s.replace(/\p{L}+/gu, foldSyllable);
}

const syllableCache = new Map<string, string>();

function foldSyllable(word: string): string {
  if (word.length > 8) return word;
  let cached = syllableCache.get(word);
  if (cached !== undefined) return cached;
  cached = placeTone(word);
  if (cached.length !== word.length) cached = word;
  if (syllableCache.size < 50_000) syllableCache.set(word, cached);
  return cached;
}

function placeTone(word: string): string {
  const d = word.normalize('NFD');
  // Split into base letters, each with its marks.
  const letters: { base: string; marks: string[] }[] = [];
  let tone: string | null = null;
  for (const ch of d) {
    if (/\p{M}/u.test(ch)) {
      const last = letters[letters.length - 1];
      if (!last) return word;
      if (TONE_MARKS.has(ch)) {
        if (tone) return word; // two tone marks: not a Vietnamese syllable
        tone = ch;
      } else last.marks.push(ch);
    } else letters.push({ base: ch, marks: [] });
  }
  if (!tone) return word;
  const lowerWithMarks = letters.map((l) => (l.base + l.marks.join('')).normalize('NFC').toLowerCase());
  // Locate the vowel cluster.
  let i = 0;
  while (i < letters.length && !VOWELS.includes(lowerWithMarks[i]!)) i++;
  if (i >= letters.length) return word;
  // "qu" and "gi" + vowel: the u / i belong to the initial consonant.
  const prev = i > 0 ? lowerWithMarks[i - 1] : '';
  if (prev === 'q' && lowerWithMarks[i] === 'u' && i + 1 < letters.length && VOWELS.includes(lowerWithMarks[i + 1]!)) i++;
  else if (prev === 'g' && lowerWithMarks[i] === 'i' && i + 1 < letters.length && VOWELS.includes(lowerWithMarks[i + 1]!)) i++;
  let j = i;
  while (j < letters.length && VOWELS.includes(lowerWithMarks[j]!)) j++;
  const cluster = [];
  for (let k = i; k < j; k++) cluster.push(k);
  if (cluster.length === 0) return word;
  const closed = j < letters.length;
  let target = -1;
  for (const k of cluster) if (MARKED_VOWELS.includes(lowerWithMarks[k]!)) target = k;
  if (target < 0) {
    if (closed) target = cluster[cluster.length - 1]!;
    else if (cluster.length === 1) target = cluster[0]!;
    else if (cluster.length === 2) target = cluster[0]!;
    else target = cluster[1]!;
  }
  const out = letters
    .map((l, k) => l.base + l.marks.join('') + (k === target ? tone : ''))
    .join('')
    .normalize('NFC');
  return out;
}

