import { isSpaceCode, isWordCode, looseKey, startsUpper, tonalKey } from '../../text/fold.js';
import type { Mapped } from '../../text/mapped.js';
import { readTargetCell } from '../targets.js';
import { timelineScore } from '../timelines.js';
import {
  MEASURE_UNITS,
  OUTPUT_HEADS,
  TASK_VERBS,
  UNIT_HEADS,
  UNIT_NAMES_WITH_VERBS,
  WHOLE_UNIT_NAMES,
  phrasesStarting,
  startsWithPhrase,
} from '../vocabulary.js';
import type { ColumnRole } from './header.js';
import { closesPhrase } from './word-pairs.js';

/**
 * PDF text runs the cells of a table row together:
 *
 *   "22 Xây dựng kế hoạch phát triển hạ tầng số của xã Phòng VH-XH Các phòng"
 *   "chuyên môn"
 *   "Kế hoạch Năm 2025"
 *
 * The cells still come in column order (name, lead, support, output,
 * timeline), so a row is split by choosing the cut points that make every
 * piece read most like its column: a unit's name where a unit belongs, a
 * timeline where the timeline belongs. Cuts at line starts get a bonus,
 * since a cell usually starts on a new line.
 */

export interface Token {
  from: number;
  to: number;
  text: string;
  key: string;
  /** The word's letters in lower case with tone placement folded: "của" and "cửa" differ here. */
  word: string;
  lineStart: boolean;
  upper: boolean;
  /** The text holds a digit. */
  digit: boolean;
  /** The key may be part of a timeline (TIMEISH): other words rule a span out as a timeline. */
  timeish: boolean;
}

/** A token of text[from, to) whose loose key is `key`. */
export function makeToken(from: number, to: number, text: string, key: string, lineStart: boolean): Token {
  return { from, to, text, key, word: tokenWord(text), lineStart, upper: startsUpper(text), digit: /\d/.test(text), timeish: TIMEISH.test(key) };
}

const wordCache = new Map<string, string>();

export function tokenWord(text: string): string {
  let w = wordCache.get(text);
  if (w === undefined) {
    w = tonalKey(text).replace(/[^\p{L}\p{N}]/gu, '');
    if (wordCache.size > 100_000) wordCache.clear();
    wordCache.set(text, w);
  }
  return w;
}

export function tokenize(m: Mapped, lineOf: (offset: number) => number): Token[] {
  const out: Token[] = [];
  const text = m.text;
  const key = looseKey(text);
  let prevLine = -1;
  // Words: runs of characters other than white space (as /\S+/g finds them).
  for (let from = 0; from < text.length; ) {
    if (isSpaceCode(text.charCodeAt(from))) {
      from++;
      continue;
    }
    let to = from + 1;
    while (to < text.length && !isSpaceCode(text.charCodeAt(to))) to++;
    const line = lineOf(m.startAt(from));
    out.push(makeToken(from, to, text.slice(from, to), key.slice(from, to), out.length > 0 && line !== prevLine));
    prevLine = lineOf(m.endAt(to - 1) - 1);
    from = to;
  }
  return out;
}

const GENERIC_HEADS = new Set(['phong', 'ban', 'trung tam', 'van phong', 'vp', 'hoi', 'so', 'truong', 'tram', 'to', 'doi', 'doan', 'cuc', 'vien', 'dai', 'don vi', 'co quan', 'uy ban', 'hoi dong', 'chi nhanh', 'ngan hang']);
// Words a cell does not end on; spelled out, since "của" (of) and "cửa" (door) share a loose key.
export const DANGLING = new Set(['của', 'và', 'về', 'với', 'cho', 'các', 'trong', 'tại', 'từ', 'đến', 'để', 'theo', 'cùng', 'những', 'một', 'là', 'ở', 'hoặc', 'nhằm', 'trên', 'dưới', 'giữa', 'bằng', 'do', 'thuộc', 'như']);

/** A word that leaves its phrase open ("… của"), unless a full stop closed it ("… trực thuộc."). */
function dangles(t: Token): boolean {
  return DANGLING.has(t.word) && !/[.!?;:]["”’)]*$/.test(t.text);
}
export const NEG = -Infinity;

/**
 * The search scores the same spans and heads many times over; what depends only
 * on the tokens is remembered per token list.
 */
interface Memo {
  heads: Int16Array;
  /** Where each token starts and ends in the tokens' key joined by spaces (spanKey of all). */
  charStart: Int32Array;
  charEnd: Int32Array;
  /** Task verbs and unit names that hold a verb, where they occur in that key, in order (on first use). */
  verbs?: { phrase: string; from: number; to: number }[];
  named?: { phrase: string; from: number; to: number }[];
  /** All the tokens' keys, and their text as written, joined by spaces (on first use). */
  key?: string;
  text?: string;
  /** Prefix counts: tokens before i that hold a digit / that no timeline is made of. */
  digits: Int32Array;
  notTime: Int32Array;
  time: Map<number, number>;
  target: Map<number, { score: number; rest: number }>;
  /** Cuts that split a unit's whole name (splitsWholeName), computed on first use. */
  splits?: Int8Array;
  /** unitTail of each end, computed on first use (-2: not yet). */
  unitTails?: Int16Array;
  /** namedWords of each (start, end) with end - start < NAME_SPAN, computed on first use (-1: not yet). */
  wholeNames?: Int16Array;
}
const memos = new WeakMap<Token[], Memo>();
// The row being scored asks for its memo again and again: the last one answers without a lookup.
let lastTokens: Token[] | null = null;
let lastMemo: Memo | null = null;
function memoOf(tokens: Token[]): Memo {
  if (tokens === lastTokens) return lastMemo!;
  let m = memos.get(tokens);
  if (!m) {
    const n = tokens.length;
    const digits = new Int32Array(n + 1);
    const notTime = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      digits[i + 1] = digits[i]! + (tokens[i]!.digit ? 1 : 0);
      notTime[i + 1] = notTime[i]! + (tokens[i]!.timeish ? 0 : 1);
    }
    const charStart = new Int32Array(n);
    const charEnd = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      charStart[i] = at;
      at += tokens[i]!.key.length;
      charEnd[i] = at;
      at++;
    }
    m = {
      heads: new Int16Array(n).fill(-1),
      charStart,
      charEnd,
      digits,
      notTime,
      time: new Map(),
      target: new Map(),
    };
    memos.set(tokens, m);
  }
  lastTokens = tokens;
  lastMemo = m;
  return m;
}
const spanId = (a: number, b: number) => a * 65536 + b;

/** Every occurrence of the phrases in `key` (as whole words when `words`), in order. */
function phraseHits(key: string, phrases: readonly string[], words: boolean): { phrase: string; from: number; to: number }[] {
  const out: { phrase: string; from: number; to: number }[] = [];
  if (words) {
    // Whole words start after a character that is no letter or digit: only there are the
    // phrases that open with the character there tried.
    for (let i = 0; i < key.length; i++) {
      if (i > 0 && isWordCode(key.charCodeAt(i - 1))) continue;
      for (const phrase of phrasesStarting(phrases, key[i]!)) {
        const end = i + phrase.length;
        if (!key.startsWith(phrase, i) || (end < key.length && isWordCode(key.charCodeAt(end)))) continue;
        out.push({ phrase, from: i, to: end });
      }
    }
  } else {
    for (const phrase of phrases) {
      for (let i = key.indexOf(phrase); i >= 0; i = key.indexOf(phrase, i + 1)) out.push({ phrase, from: i, to: i + phrase.length });
    }
  }
  return out.sort((x, y) => x.from - y.from || x.to - y.to);
}

/**
 * What the task verbs inside tokens[a, b) cost a unit's name: a verb after the
 * start means a task ran into the cell, 4 when it is capitalised ("Công an xã |
 * Khai thác CSDL …"), 1.5 otherwise; not when the verb belongs to a unit's name
 * ("Trung tâm Phục vụ hành chính công"). Each verb counts once, at its first
 * place; a verb that opens the span counts not at all.
 */
function verbsInside(tokens: Token[], a: number, b: number): number {
  const m = memoOf(tokens);
  if (!m.verbs) {
    const key = joinedKey(tokens);
    m.verbs = phraseHits(key, TASK_VERBS, true);
    m.named = phraseHits(key, UNIT_NAMES_WITH_VERBS, false);
  }
  const from = m.charStart[a]!;
  const to = m.charEnd[b - 1]!;
  let cost = 0;
  let seen: string[] | null = null;
  for (const hit of m.verbs) {
    if (hit.from < from || hit.to > to) continue;
    if (seen?.includes(hit.phrase)) continue;
    (seen ??= []).push(hit.phrase);
    if (hit.from === from) continue;
    // The first time each verb-holding unit name occurs in the span: does it hold this verb?
    let named = false;
    const firsts: string[] = [];
    for (const u of m.named!) {
      if (u.from < from || u.to > to || firsts.includes(u.phrase)) continue;
      firsts.push(u.phrase);
      if (u.from <= hit.from && hit.from < u.to) {
        named = true;
        break;
      }
    }
    if (named) continue;
    cost += /^\p{Lu}/u.test(joinedText(tokens).slice(hit.from, hit.from + 1)) ? 4 : 1.5;
  }
  return cost;
}

// Words (and halves of two-word phrases) a timeline is made of; any other word rules a span out
// before the full test. Must accept at least what TIME_WORDS in timelines.ts accepts.
const TIMEISH = /^(?:nam|quy|thang|giai|doan|tu|den|toi|cuoi|dau|giua|truoc|sau|ngay|nua|hang|thuong|xuyen|lien|tuc|dinh|ky|va|cac|tiep|theo|tro|di|hoan|thanh|trong|thoi|gian|thuc|hien|hoc|[ivx]{1,4}|\d{1,4}|[/,.\-–;:()])+$/;
// First words of timelines in words: "Khi …", "Sau khi …", "Ngay khi …", "Nếu …", "Theo …".
const TIME_PHRASE_START = new Set(['khi', 'sau', 'ngay', 'neu', 'theo']);

/** The reading of tokens[a, b) as text, remembered in `memo`. */
function spanMemo<T>(memo: Map<number, T>, tokens: Token[], a: number, b: number, read: (text: string) => T): T {
  const id = spanId(a, b);
  let v = memo.get(id);
  if (v === undefined) {
    v = read(spanText(tokens, a, b));
    memo.set(id, v);
  }
  return v;
}

function timeAt(tokens: Token[], a: number, b: number): number {
  const m = memoOf(tokens);
  if (!TIME_PHRASE_START.has(tokens[a]!.key) && m.notTime[b]! - m.notTime[a]! > 0) return 0;
  return spanMemo(m.time, tokens, a, b, timelineScore);
}

const NO_TARGET = { score: 0, rest: 0 };

function targetAt(tokens: Token[], a: number, b: number): { score: number; rest: number } {
  const m = memoOf(tokens);
  // A target has a number, after at most a few words ("Phấn đấu đạt 3%").
  if (m.digits[Math.min(b, a + 6)]! - m.digits[a]! === 0) return NO_TARGET;
  return spanMemo(m.target, tokens, a, b, readTargetCell);
}

/** All the tokens' keys joined by spaces, made once per token list. */
function joinedKey(tokens: Token[]): string {
  const m = memoOf(tokens);
  return (m.key ??= tokens.map((t) => t.key).join(' '));
}
/** All the tokens as written joined by spaces: a token's text is as long as its key, so offsets agree. */
function joinedText(tokens: Token[]): string {
  const m = memoOf(tokens);
  return (m.text ??= tokens.map((t) => t.text).join(' '));
}
/** tokens[a, b)'s keys joined by spaces. */
function spanKey(tokens: Token[], a: number, b: number): string {
  if (b <= a) return '';
  const m = memoOf(tokens);
  return joinedKey(tokens).slice(m.charStart[a], m.charEnd[b - 1]);
}
/** tokens[a, b) as written, joined by spaces. */
function spanText(tokens: Token[], a: number, b: number): string {
  if (b <= a) return '';
  const m = memoOf(tokens);
  return joinedText(tokens).slice(m.charStart[a], m.charEnd[b - 1]);
}

function endsBadly(tokens: Token[], b: number): number {
  const last = tokens[b - 1]!;
  if (dangles(last)) return -2;
  if (/[,;(/]$/.test(last.text) || /^[-–]$/.test(last.text)) return -1.5;
  return 0;
}

// "… Văn bản điện tử Năm" / "2026", "Học bạ số Năm học" / "2025 - 2026": a cell that ends on
// the first word(s) of a timeline lost them.
const TIME_START = new Set(['nam', 'quy', 'thang', 'giai', 'hang', 'cuoi', 'dau', 'truoc', 'tu']);
function endsOnTimeWord(tokens: Token[], b: number): number {
  const last = tokens[b - 1]!;
  if (last.upper && TIME_START.has(last.key)) return -2;
  const before = tokens[b - 2];
  return before && before.upper && TIME_START.has(before.key) && (last.key === 'hoc' || last.key === 'doan') ? -2 : 0;
}

/** Length in tokens of the unit head at tokens[i] ("Phòng", "Trung tâm", "Các phòng"), 0 if none. */
export function unitHeadAt(tokens: Token[], i: number, requireUpper = true): number {
  const t = tokens[i];
  if (!t || (requireUpper && !t.upper)) return 0;
  if (!requireUpper) return readHead(tokens, i);
  const heads = memoOf(tokens).heads;
  if (heads[i]! < 0) heads[i] = readHead(tokens, i);
  return heads[i]!;
}

function readHead(tokens: Token[], i: number): number {
  const key = spanKey(tokens, i, Math.min(tokens.length, i + 7)).replace(/[,;:.]/g, '');
  let head = startsWithPhrase(key, UNIT_HEADS);
  // "Các hợp tác xã", "Các trường THCS": "các" and any unit.
  if (!head && key.startsWith('cac ')) {
    const inner = startsWithPhrase(key.slice(4), UNIT_HEADS);
    if (inner) head = `cac ${inner}`;
  }
  if (!head) return 0;
  // One-syllable heads must be spelled as the unit word: "Sở" (a department), not "Số" (a number).
  const spelled = HEAD_SPELLINGS[head.replace(/^cac /, '')];
  const word = tokens[head.startsWith('cac ') ? i + 1 : i];
  if (spelled && word && !spelled.includes(tonalKey(word.text).replace(/[^\p{L}]/gu, ''))) return 0;
  return head.split(' ').length;
}

const HEAD_SPELLINGS: Record<string, string[]> = {
  so: ['sở'], bo: ['bộ'], to: ['tổ'], doi: ['đội'], doan: ['đoàn'], cuc: ['cục'], vien: ['viện'], dai: ['đài'],
  tram: ['trạm'], truong: ['trường', 'trưởng'], hoi: ['hội'], ban: ['ban'], phong: ['phòng'], thon: ['thôn'], ap: ['ấp'], xom: ['xóm'],
};

const LOCALITY_AFTER = /^(?:xa|phuong|thi tran|huyen|tinh|thanh pho|cac ap|cac thon|ap|thon)$/;

/**
 * +0.5 for a unit's whole name ("Trung tâm Phục vụ hành chính công", "Công an
 * xã"), -0.75 for the first words of one that is not whole ("Trung tâm Phục",
 * "Ban nhân dân"): its end went on to the next line.
 */
const wholenessMemo = new Map<string, number>();

function wholeness(piece: string, open = false): number {
  let v = wholenessMemo.get(piece);
  if (v === undefined) {
    v = readWholeness(piece);
    if (wholenessMemo.size > 50_000) wholenessMemo.clear();
    wholenessMemo.set(piece, v);
  }
  return open && v < 0 ? 0 : v;
}

function readWholeness(piece: string): number {
  // "Văn phòng HĐND-" / "UBND xã" reads "hdnd-ubnd", as the joined cell will.
  const key = piece.replace(/[,;.:]+$/, '').replace(/([\p{L}\p{N}])([-/]) /gu, '$1$2');
  if (wholeNameWords(key) > 0) return 0.5;
  for (const w of WHOLE_UNIT_NAMES) if (w.startsWith(key + ' ')) return -0.75;
  return 0;
}

const wholeNameMemo = new Map<string, number>();

/** How many words the whole unit name `key` is made of ("Công an xã": the name, 2, and its locality), else 0. */
function wholeNameWords(key: string): number {
  let v = wholeNameMemo.get(key);
  if (v === undefined) {
    v = readWholeNameWords(key);
    if (wholeNameMemo.size > 50_000) wholeNameMemo.clear();
    wholeNameMemo.set(key, v);
  }
  return v;
}

function readWholeNameWords(key: string): number {
  for (const w of WHOLE_UNIT_NAMES) {
    if (key === w || (key.startsWith(w + ' ') && LOCALITY_AFTER.test(key.slice(w.length + 1)))) return w.split(' ').length;
  }
  return 0;
}

/** What a cell's last word says against it; nothing while the cell may still go on (`open`). */
function ending(tokens: Token[], b: number, open: boolean): number {
  return open ? 0 : endsBadly(tokens, b) + endsOnTimeWord(tokens, b);
}

/**
 * What a cut before tokens[i] costs when it splits a unit's whole name
 * ("Văn phòng HĐND | và UBND xã", "Trung tâm Phục | vụ hành chính công"), a
 * generic head from the head that names it ("Văn phòng | HĐND"), or a range
 * ("2026 - | 2027"): the first part alone reads as a cell too, but the whole
 * is one.
 */
export function splitsWholeName(tokens: Token[], i: number): number {
  const m = memoOf(tokens);
  // 0: not known yet, 1: splits no name, 2: splits one.
  m.splits ??= new Int8Array(tokens.length);
  if (m.splits[i] === 0) m.splits[i] = i > 0 && crossesWholeName(tokens, i) ? 2 : 1;
  return m.splits[i] === 2 ? -2.5 : 0;
}

function crossesWholeName(tokens: Token[], i: number): boolean {
  // "2026 | - 2027", "2026 - | 2027": a range of years or numbers is one cell.
  if ((dash(tokens[i - 1]) && number(tokens[i - 2]) && number(tokens[i])) || (dash(tokens[i]) && number(tokens[i - 1]) && number(tokens[i + 1]))) return true;
  // "Văn phòng | HĐND …", "Trung tâm | Y tế": a generic head goes on in the head after it
  // (not in "Các …" or another generic head: "Văn phòng | Các phòng, đơn vị", "Văn phòng |
  // Phòng Văn hóa - Xã hội" are two units each).
  const h = i > 0 && tokens[i]!.key !== 'cac' && !closesPhrase(tokens[i - 1]!.text) ? unitHeadAt(tokens, i) : 0;
  if (h && !GENERIC_HEADS.has(spanKey(tokens, i, i + h))) {
    for (const n of [1, 2]) {
      const j = i - n;
      if (j >= 0 && tokens[j]!.upper && GENERIC_HEADS.has(spanKey(tokens, j, i)) && unitHeadAt(tokens, j) === n) return true;
    }
  }
  for (let j = Math.max(0, i - 5); j < i; j++) {
    if (!tokens[j]!.upper || !unitHeadAt(tokens, j)) continue;
    // The name itself must run past the cut: "Văn phòng HĐND và UBND | Phường …" splits no name.
    for (let k = i + 1; k <= Math.min(tokens.length, j + NAME_SPAN - 1); k++) if (namedWords(tokens, j, k) > i - j) return true;
  }
  return false;
}

const dash = (t: Token | undefined) => t !== undefined && /^[-–]$/.test(t.text);
const number = (t: Token | undefined) => t !== undefined && /^\d/.test(t.text);

/** Longest span (in tokens, exclusive) that crossesWholeName reads as a unit's whole name. */
const NAME_SPAN = 10;

/**
 * How many tokens of tokens[j, k) a unit's whole name there covers, counted as written: a
 * name joined across "HĐND-" / "UBND" reads as one word and still runs past a cut. 0 when
 * the span is no whole name. Remembered per span: each cut near it asks again.
 */
function namedWords(tokens: Token[], j: number, k: number): number {
  const m = memoOf(tokens);
  m.wholeNames ??= new Int16Array(tokens.length * NAME_SPAN).fill(-1);
  const at = j * NAME_SPAN + (k - j);
  let v = m.wholeNames[at]!;
  if (v < 0) {
    const key = spanKey(tokens, j, k).replace(/[,;.:]+$/, '');
    const joins = (key.match(/[\p{L}\p{N}][-/] /gu) ?? []).length;
    v = m.wholeNames[at] = wholeNameWords(key.replace(/([\p{L}\p{N}])([-/]) /gu, '$1$2')) + joins;
  }
  return v;
}

/** What a unit's name of tokens[start, end) loses for its length: past 12 words, likely more than a name. */
function longPiece(start: number, end: number): number {
  return Math.max(0, end - start - 12) * 0.15;
}

/** How much tokens[a, b) read like one or more unit names ("Phòng VH-XH", "Văn phòng HĐND-UBND, Trung tâm PVHCC"). */
export function unitPhraseScore(tokens: Token[], a: number, b: number, runTogether = 1.5, open = false, listed = 0): number {
  const head = unitHeadAt(tokens, a);
  if (!head) return NEG;
  let score = 3;
  // "Phòng" alone is half a name: "Phòng | VH-XH …" must not win over "Phòng VH-XH".
  if (!open && b - a === head && GENERIC_HEADS.has(spanKey(tokens, a, b))) score -= 1.5;
  let pieceStart = a; // where the current unit's name starts
  let ownWords = 0; // words after the head in the current unit
  let lastHead = spanKey(tokens, a, a + head);
  for (let i = a + head; i < b; ) {
    const prev = tokens[i - 1]!;
    const h = unitHeadAt(tokens, i);
    if (!h) {
      ownWords++;
      i++;
      continue;
    }
    // "HĐND-" / "UBND xã": a word broken at its hyphen goes on in the next head.
    if (/[\p{L}\p{N}]-$/u.test(prev.text)) {
      ownWords += h;
      i += h;
      continue;
    }
    const separated = /[,;]$/.test(prev.text) || prev.word === 'và';
    // "Các phòng, đơn vị thuộc UBND xã": a unit after "thuộc", "của" belongs to the phrase.
    if (!separated && dangles(prev)) {
      ownWords += h;
      i += h;
      continue;
    }
    if (!separated && ownWords === 0 && GENERIC_HEADS.has(lastHead) && tokens[i]!.key !== 'cac' && !GENERIC_HEADS.has(spanKey(tokens, i, i + h))) {
      // A head right after a generic head is part of the name: "Văn phòng HĐND-UBND" (but "Văn
      // phòng Các phòng" is two).
      ownWords += h;
      i += h;
      continue;
    }
    // A second unit: after a separator it is a list, without one two cells ran together.
    score -= separated ? listed : runTogether;
    score -= longPiece(pieceStart, i);
    pieceStart = i;
    ownWords = 0;
    lastHead = spanKey(tokens, i, i + h);
    i += h;
  }
  score -= longPiece(pieceStart, b);
  score += wholeness(spanKey(tokens, pieceStart, b), open);
  // The last unit is only a generic head: its name went on in the next cell ("…, Đoàn" / "Thanh niên xã").
  if (!open && pieceStart > a && ownWords === 0 && GENERIC_HEADS.has(lastHead)) score -= 1.5;
  score -= verbsInside(tokens, a, b);
  if (memoOf(tokens).digits[b]! > memoOf(tokens).digits[a]! && /\d{4}/.test(spanKey(tokens, a, b))) score -= 2;
  return score + ending(tokens, b, open);
}

/**
 * A name may end anywhere, but not on a dangling word, and not on a line that
 * is a unit's name by itself ("… giao dịch trực tiếp" / "Văn phòng HĐND-UBND"):
 * that line is the lead cell, unless the line before it runs on ("… của" / "Tổ
 * công nghệ số cộng đồng").
 */
function nameColumnScore(tokens: Token[], a: number, b: number, open = false): number {
  if (open) return 0;
  let score = endsBadly(tokens, b);
  // Look at the name's last lines (a unit's name may itself wrap: "Trung tâm Phục vụ" / "hành chính công").
  let lines = 0;
  for (let at = b - 1; at > a && lines < 3 && b - at <= 10; at--) {
    if (!tokens[at]!.lineStart) continue;
    lines++;
    const head = unitHeadAt(tokens, at);
    // A unit's name, or a bare head that lost the rest of its name to the next cell ("… VP" / "HĐND-UBND").
    if (head && !dangles(tokens[at - 1]!) && (b - at === head || unitPhraseScore(tokens, at, b) >= 2.5)) {
      score -= 2;
      break;
    }
  }
  return score + unitsInsideName(tokens, a, b);
}

/**
 * A line of a name that goes on to the next line does not end with a unit's
 * name set off by a comma: "… an ninh trật tự, Phòng Kinh tế," / "giao thông
 * …" reads as a cell of units between two lines of the name (interleaved
 * rows; at the name's end, the cell after it). Searched a few words back
 * from the end of each of the name's lines; a bare head ("… kết nối Trung
 * tâm" / "điều hành") is not a name.
 */
function unitsInsideName(tokens: Token[], a: number, b: number): number {
  const m = memoOf(tokens);
  const tail = (end: number) => {
    m.unitTails ??= new Int16Array(tokens.length + 1).fill(-2);
    if (m.unitTails[end] === -2) m.unitTails[end] = unitTail(tokens, end);
    return m.unitTails[end]!;
  };
  if (tail(b) > a) return -1.5;
  for (let end = a + 1; end < b; end++) if (tokens[end]!.lineStart && tail(end) > a) return -1.5;
  return 0;
}

/** Where a unit's name set off by a comma ends the line that ends at tokens[end] (the latest such start), else -1. */
function unitTail(tokens: Token[], end: number): number {
  for (let at = end - 1; at > 0 && end - at <= 6 && !tokens[at]!.lineStart; at--) {
    if (!/[,;]$/.test(tokens[at - 1]!.text)) continue;
    const head = unitHeadAt(tokens, at);
    if (head && end - at > head && unitPhraseScore(tokens, at, end, 1.5, true) >= 2.5) return at;
  }
  return -1;
}

function unitColumnScore(tokens: Token[], a: number, b: number): number {
  const n = b - a;
  if (n > 7) return NEG;
  // A unit cell starts with a capital or a symbol: "Người", "DN", "%", "Thứ bậc".
  if (!tokens[a]!.upper && !/^[%‰]/.test(tokens[a]!.text)) return NEG;
  const key = spanKey(tokens, a, b);
  if (MEASURE_UNITS.includes(key)) return 3;
  if (key.startsWith('%')) return 2.5 - 0.3 * (n - 1);
  const start = startsWithPhrase(key, MEASURE_UNITS);
  if (start && tokens[a]!.upper) return 1.2 - 0.3 * (n - start.split(' ').length);
  // A short word in capitals that no list knows ("Vụ", "Hộ/HTX"): a unit if what follows is a target.
  if (n <= 2 && tokens[a]!.text.length <= 10 && !unitHeadAt(tokens, a) && !TIME_START.has(tokens[a]!.key)) return 0.3;
  return NEG;
}

function targetColumnScore(tokens: Token[], a: number, b: number, open = false): number {
  const n = b - a;
  const { score: s, rest } = targetAt(tokens, a, b);
  let score: number;
  if (s > 0) {
    // Words after the figure and its unit belong elsewhere more often than not.
    score = (s === 3 ? 4 : 3) - 0.05 * Math.max(0, n - 4) - (open ? 0 : 0.3 * rest);
    // "100% Văn phòng" / "HĐND và UBND": the unit is the next cell.
    for (let i = a + 1; i < b; i++) if (unitHeadAt(tokens, i)) {
      score -= 3;
      break;
    }
  }
  else {
    // A target in words ("Tiên tiến, hiện đại"): short, and opening with a capital letter.
    if (!/^\p{Lu}/u.test(tokens[a]!.text) || n > 16) return NEG;
    if (unitHeadAt(tokens, a)) return NEG;
    score = 0.3 - 0.1 * n;
  }
  return score + ending(tokens, b, open);
}

function outputColumnScore(tokens: Token[], a: number, b: number, open = false): number {
  const n = b - a;
  const key = spanKey(tokens, a, b);
  let score: number;
  if (/^\d/.test(tokens[a]!.text)) score = -1.5;
  else if (!tokens[a]!.upper) score = -1;
  else if (startsWithPhrase(key, OUTPUT_HEADS)) score = 2;
  else if (unitHeadAt(tokens, a)) score = -3;
  else score = 0.2;
  // An output cell does not open with a timeline ("Năm 2025, các năm tiếp theo …").
  for (let k = Math.min(b, a + 6); k > a; k--) {
    if (timeAt(tokens, a, k) === 2) {
      score -= 2;
      break;
    }
  }
  score -= 0.05 * Math.max(0, n - 6);
  return score + ending(tokens, b, open);
}

function timelineColumnScore(tokens: Token[], a: number, b: number, open = false): number {
  if (b - a > 14) return NEG;
  // "2026 -" is a timeline that lost its end ("2030") to the next cell.
  return timeAt(tokens, a, b) === 2 ? 4 + (open ? 0 : endsBadly(tokens, b)) : NEG;
}

export interface ColumnModel {
  empty: number;
  maxLen: number;
  /** The most score() gives a closed cell: a span that cannot beat what its end holds with this much is not scored. */
  most: number;
  /** How well tokens[a, b) read as the column's cell; `open`: the cell may still go on, so how it ends does not count. */
  score(tokens: Token[], a: number, b: number, open?: boolean): number;
}

export const MODELS: Record<ColumnRole, ColumnModel> = {
  number: { empty: 0, maxLen: 0, most: NEG, score: () => NEG },
  name: { empty: NEG, maxLen: Infinity, most: 0, score: nameColumnScore },
  unit: { empty: -1, maxLen: 7, most: 3, score: unitColumnScore },
  target: { empty: -1.5, maxLen: 40, most: 4, score: targetColumnScore },
  // A lead is usually one unit, support often a list: with nothing else to go on, a second
  // unit run into the lead cell counts a little more against it than one run into support.
  // A list of units is likelier in support than in lead. (A unit phrase scores 3, and 0.5 more when whole.)
  lead: { empty: -2, maxLen: 30, most: 3.5, score: (t, a, b, open) => unitPhraseScore(t, a, b, 1.75, open, 0.3) },
  support: {
    empty: 0,
    maxLen: 40,
    most: 3.5,
    score: (t, a, b, open) => {
      const s = unitPhraseScore(t, a, b, 1.5, open);
      return s === NEG ? (b - a <= 12 && t[a]!.upper ? -3 : NEG) : s;
    },
  },
  output: { empty: -0.5, maxLen: 30, most: 2, score: outputColumnScore },
  timeline: { empty: -1.5, maxLen: 14, most: 4, score: timelineColumnScore },
  note: { empty: 0, maxLen: 20, most: -0.5, score: (t, a) => (t[a]!.upper ? -0.5 : NEG) },
  funding: { empty: 0, maxLen: 20, most: -0.5, score: (t, a) => (t[a]!.upper ? -0.5 : NEG) },
  other: { empty: 0, maxLen: 20, most: -0.5, score: (t, a) => (t[a]!.upper ? -0.5 : NEG) },
  group: { empty: 0, maxLen: 20, most: -0.5, score: (t, a) => (t[a]!.upper ? -0.5 : NEG) },
};

/** A cell starts with a capital (or a number or a sign), best on a new line: +1, 0, or -1 when it cannot start one. */
export function opensCell(t: Token): number {
  // A target cell may open on its own line with a comparator in lower case: "%" / "trên 40%".
  if (!t.upper && !/^[\d≥≤<>=%(]/.test(t.text)) return t.lineStart && COMPARATOR_START.has(t.key) ? 1 : -1;
  return t.lineStart ? 1 : 0;
}
const COMPARATOR_START = new Set(['tren', 'duoi', 'toi', 'it', 'khong', 'dat', 'hon', 'vuot']);

export interface Segmentation {
  /** [from, to) token ranges, one per role given. */
  spans: [number, number][];
  score: number;
}

/** Longest row (in words) that is split by search; longer rows keep everything in the name. */
export const MAX_SEGMENT_TOKENS = 400;

/**
 * Split tokens into consecutive spans, one per role (the first must be the
 * name). Returns null when no split is possible.
 */
export function segmentRow(tokens: Token[], roles: ColumnRole[]): Segmentation | null {
  const n = tokens.length;
  const k = roles.length;
  if (n === 0 || k === 0) return null;
  if (n > MAX_SEGMENT_TOKENS) return { spans: roles.map((_, i) => (i === 0 ? [0, n] : [n, n])), score: 0 };
  // best[c][i]: best score with the first c columns covering tokens[0, i).
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let c = 0; c <= k; c++) {
    best.push(new Float64Array(n + 1).fill(NEG));
    from.push(new Int32Array(n + 1).fill(-1));
  }
  best[0]![0] = 0;
  // A cell other than the name starts with a capital, a number or a sign: the search cuts only
  // there (and a cell ends where the next one starts, or at the row's end).
  const cuts: number[] = [];
  for (let i = 1; i < n; i++) if (opensCell(tokens[i]!) >= 0) cuts.push(i);
  cuts.push(n);
  // Starts are taken best first, so that good ends are known early and spans that cannot beat
  // them are not scored; of two equal readings the one from the earlier start is kept, as it
  // would be were starts taken in order.
  const order: number[] = [];
  for (let c = 0; c < k; c++) {
    const model = MODELS[roles[c]!];
    const row = best[c]!;
    const next = best[c + 1]!;
    const back = from[c + 1]!;
    /** Keeps v at end j, from start i, if it beats what j holds (the earlier start on a tie). */
    const offer = (j: number, v: number, i: number) => {
      if (v > next[j]! || (v === next[j]! && i < back[j]!)) {
        next[j] = v;
        back[j] = i;
      }
    };
    order.length = 0;
    for (let i = 0; i <= n; i++) if (row[i]! !== NEG) order.push(i);
    order.sort((x, y) => row[y]! - row[x]! || x - y);
    for (const i of order) {
      const base = row[i]!;
      // Empty cell.
      if (model.empty !== NEG) offer(i, base + model.empty, i);
      if (i === n) continue;
      const limit = Math.min(n, model.maxLen === Infinity ? n : i + model.maxLen);
      let first = 0;
      while (cuts[first]! <= i) first++;
      // What a cell starting here gains or loses whatever its end (the same sum as below, to the bit).
      const opening = c > 0 ? opensCell(tokens[i]!) + splitsWholeName(tokens, i) : 0;
      // The most a cell from here can reach: no better than what an end already holds, it is not scored.
      const most = c > 0 ? base + (model.most + opening) : base + model.most;
      for (let q = first; q < cuts.length && cuts[q]! <= limit; q++) {
        const j = cuts[q]!;
        if (most < next[j]! || (most === next[j]! && i > back[j]!)) continue;
        let s = model.score(tokens, i, j);
        if (s === NEG) continue;
        if (c > 0) s += opening;
        offer(j, base + s, i);
      }
    }
  }
  if (best[k]![n] === NEG) return null;
  const spans: [number, number][] = new Array(k);
  let j = n;
  for (let c = k; c > 0; c--) {
    const i = from[c]![j]!;
    spans[c - 1] = [i, j];
    j = i;
  }
  return { spans, score: best[k]![n]! };
}
