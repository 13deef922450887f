import { looseKey } from '../text/fold.js';

/**
 * Which record of one plan is which record of another. Communes word the
 * same indicator differently ("Tỷ lệ phủ sóng 5G" / "Tỷ lệ dân số được phủ
 * sóng mạng di động 5G trên địa bàn xã"), so records are matched by the words
 * of their names (loose keys: no tones, lower case; function words and the
 * plan's own place name left out), each word weighted by how rare it is among
 * all the records compared: in plans on science, technology and digital
 * transformation, "khoa học", "công nghệ", "chuyển đổi số" are in half the names
 * and say little about which record is which. Two names score the weighted Dice
 * coefficient of their words. A record joins the row it is most like, if like
 * enough; each row holds at most one record of a plan.
 */

// Words that say nothing of what is measured or done ("các", "của", "trên địa bàn").
const STOP_WORDS = new Set(
  'cac cua va voi cho tren duoi trong tai tu den de theo cung nhung mot la o hoac nhu duoc co nay do thuoc ve dia ban xa phuong thi tran toan tinh thanh pho huyen nguoi nham ngay thang nam'.split(' '),
);

/** A record's name as the set of its content words. */
export function nameWords(name: string, placeName: string | null = null): Set<string> {
  let key = looseKey(name.normalize('NFC'));
  if (placeName) {
    const place = looseKey(placeName.normalize('NFC')).trim();
    if (place.length > 0) key = key.split(place).join(' ');
  }
  // "Phấn đấu …" (strive to) opens many targets and says nothing of what they measure.
  key = key.replace(/^\W*phan dau\b/u, ' ');
  const out = new Set<string>();
  // Figures alone ("22/12/2024", "01 Gbps") are dates, document numbers and amounts, not names.
  for (const w of key.split(/[^\p{L}\p{N}%]+/u)) if (w.length > 0 && !STOP_WORDS.has(w) && !/^\d+$/.test(w)) out.add(w);
  return out;
}

/** Dice coefficient of two word sets, each word counting `weight` (1 by default): 1 when equal, 0 when they share nothing. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (word: string) => number = () => 1): number {
  let sa = 0;
  let sb = 0;
  let shared = 0;
  for (const w of a) sa += weight(w);
  for (const w of b) {
    sb += weight(w);
    if (a.has(w)) shared += weight(w);
  }
  if (sa + sb === 0) return 1;
  return (2 * shared) / (sa + sb);
}

/** A word's weight among `n` records, `df` of which hold it: ln(1 + n / df), more for rarer words. */
export function rarity(n: number, df: number): number {
  return Math.log(1 + n / Math.max(1, df));
}

export interface Matchable {
  words: Set<string>;
  /** What else must agree, else the likeness is scaled down by `penalty` (a target's unit, its year). */
  traits: (string | number | null)[];
}

/** Dice `s` scaled down for each trait both state and differ in. */
function scaled(s: number, a: Matchable, b: Matchable, penalty = 0.85): number {
  a.traits.forEach((t, i) => {
    const u = b.traits[i];
    if (t !== null && u !== null && u !== undefined && t !== u) s *= penalty;
  });
  return s;
}

export interface MatchRow<T> {
  /** One member per plan, in plan order; null where the plan has none. */
  members: (T | null)[];
  /** The lowest likeness at which a member joined (1 for the row's first). */
  similarity: number;
}

/**
 * Rows of alike records across plans. Plans are taken in order; the records of
 * each are offered to the rows so far, the most alike pairs first (ties: the
 * earlier record, the earlier row), a pair counting when its likeness reaches
 * `minSimilarity`; a record left over opens a row of its own. A row is compared
 * through the record that opened it, so the rows do not drift.
 */
export function matchAcross<T>(plans: readonly (readonly T[])[], view: (record: T, plan: number) => Matchable, minSimilarity: number): MatchRow<T>[] {
  const views = plans.map((records, p) => records.map((r) => view(r, p)));
  // How rare each word is among all the records.
  const df = new Map<string, number>();
  let n = 0;
  for (const list of views)
    for (const v of list) {
      n++;
      for (const w of v.words) df.set(w, (df.get(w) ?? 0) + 1);
    }
  const weight = new Map<string, number>();
  for (const [w, k] of df) weight.set(w, rarity(n, k));
  const mass = (v: Matchable) => {
    let m = 0;
    for (const w of v.words) m += weight.get(w)!;
    return m;
  };
  const rows: { head: Matchable; mass: number; row: MatchRow<T> }[] = [];
  // The rows each word opens a head of: a record is scored only against rows it shares a word
  // with (the score is 0 otherwise), so a province's thousands of rows are not each scored.
  const byWord = new Map<string, number[]>();
  let shared = new Float64Array(64);
  plans.forEach((records, p) => {
    const own = views[p]!;
    if (shared.length < rows.length) shared = new Float64Array(rows.length * 2);
    const pairs: { r: number; w: number; s: number }[] = [];
    own.forEach((v, r) => {
      const touched: number[] = [];
      for (const word of v.words) {
        const wt = weight.get(word)!;
        for (const w of byWord.get(word) ?? []) {
          if (shared[w] === 0) touched.push(w);
          shared[w]! += wt;
        }
      }
      const m = mass(v);
      // With no words on either side, two names are alike (dice of two empty sets).
      if (v.words.size === 0) rows.forEach(({ head }, w) => head.words.size === 0 && touched.push(w));
      touched.sort((a, b) => a - b);
      for (const w of touched) {
        const { head, mass: hm } = rows[w]!;
        // dice() with the words' weights, from the weight of the words they share.
        const s = scaled(m + hm === 0 ? 1 : (2 * shared[w]!) / (m + hm), v, head);
        shared[w] = 0;
        if (s >= minSimilarity) pairs.push({ r, w, s });
      }
    });
    pairs.sort((x, y) => y.s - x.s || x.r - y.r || x.w - y.w);
    const taken = new Set<number>();
    const filled = new Set<number>();
    for (const { r, w, s } of pairs) {
      if (taken.has(r) || filled.has(w)) continue;
      taken.add(r);
      filled.add(w);
      const row = rows[w]!.row;
      row.members[p] = records[r]!;
      row.similarity = Math.min(row.similarity, s);
    }
    records.forEach((record, r) => {
      if (taken.has(r)) return;
      const members: (T | null)[] = plans.map(() => null);
      members[p] = record;
      const w = rows.length;
      rows.push({ head: own[r]!, mass: mass(own[r]!), row: { members, similarity: 1 } });
      for (const word of own[r]!.words) {
        const list = byWord.get(word);
        if (list) list.push(w);
        else byWord.set(word, [w]);
      }
    });
  });
  return rows.map(({ row }) => row);
}
