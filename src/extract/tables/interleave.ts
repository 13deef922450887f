import type { ColumnRole } from './header.js';
import { MODELS, NEG, opensCell, splitsWholeName, type ColumnModel, type Token } from './segment.js';
import { closesPhrase, type WordPairs } from './word-pairs.js';

/**
 * Text read off a PDF line by line across the page (OCR, tools that sort by
 * height) interleaves a row's cells: each text line holds the pieces of every
 * cell that has a line at that height.
 *
 *   "Tỷ lệ thủ tục hành chính đủ điều kiện được Trung tâm Phục"
 *   "cung cấp dịch vụ công trực tuyến toàn trình % ≥ 80% vụ hành chính"
 *   "công"
 *
 * name: lines 1-2; unit "%" and target "≥ 80%": line 2; lead "Trung tâm
 * Phục vụ hành chính công": lines 1-3. On every line the pieces still come in
 * column order, and each cell's pieces sit on consecutive lines. Reading the
 * row cell after cell (segment.ts) is the special case where a cell goes on
 * only at the start of the next line; this search allows a cell to go on
 * anywhere in the next line, at a cost, so a table is read this way only when
 * its rows read clearly better so.
 */

/** Token ranges [a, b), one list per column, in line order. */
export type CellPieces = [number, number][][];

export interface InterleavedReading {
  cells: CellPieces;
  score: number;
}

/**
 * Costs that differ with what is known of the table. A piece that goes on a
 * cell in the middle of a line: block order has none, so while a table's
 * reading is undecided it costs enough to keep block order where both read
 * alike; in a table read line by line it is the rule and costs little.
 */
export interface Costs {
  /** What a piece that goes on a cell in mid-line costs. */
  midLine: number;
  /** What a cell that starts a text line gains. */
  lineStart: number;
  /** How many readings the search keeps after each line, and how many of them alike in which cells are open. */
  beam: number;
  perStatus: number;
}
/** Block order's costs (segmentRow): no cell goes on in mid-line, a cell starting a line gains 1. */
export const UNDECIDED: Costs = { midLine: 0.75, lineStart: 1, beam: 12, perStatus: 2 };
/** In a table read line by line, cells go on in mid-line and start anywhere. */
export const INTERLEAVED: Costs = { midLine: 0.2, lineStart: 0, beam: 48, perStatus: 4 };
/** What any piece that goes on a cell costs: fewer, longer pieces are likelier. */
const CONTINUATION = 0.2;
/** What a piece that goes on a cell saves when the document writes the two words at the join side by side. */
const PAIR_BONUS = 0.6;
/** What a cut between two words the document writes side by side costs. */
const CUT_PAIR = 0.4;
/** The start of a cell that reads as nothing yet ("Thường" / "xuyên"): kept, at a cost, for the final scoring. */
const TENTATIVE_START = -2.5;
/** Words of one line that a cell other than the name holds at most: those columns are narrow. */
const MAX_PIECE = 8;
/** Rows longer than this (lines, words) are read in block order only. */
export const MAX_INTERLEAVED_LINES = 8;
export const MAX_INTERLEAVED_TOKENS = 160;

const NOT_STARTED = 0;
const OPEN = 1;
const CLOSED = 2;

/** Token index ranges of the row's text lines. */
function linesOf(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]!.lineStart) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

/**
 * Scores a row's cells given as pieces, the same way for block order and
 * interleaved readings: a cell's pieces are joined and scored as the cell of
 * its column (each piece after the first opens a line of the cell); a cell
 * that opens a line or with a capital is preferred (as in segmentRow); a
 * piece that goes on a cell costs CONTINUATION, and `midLine` more in mid-line.
 */
class RowScorer {
  private readonly memo = new Map<string, number>();
  private readonly singles = new Map<number, number>();
  constructor(
    readonly tokens: Token[],
    readonly roles: ColumnRole[],
    readonly pairs: WordPairs,
    readonly costs: Costs = UNDECIDED,
  ) {}

  /** tokens[a, b) as a cell of column c, NEG when it cannot be one; `open`: the cell may go on. */
  single(c: number, a: number, b: number, open = false): number {
    const key = ((c * 2 + (open ? 1 : 0)) * 1024 + a) * 1024 + b;
    let v = this.singles.get(key);
    if (v === undefined) {
      // Scored in place, where the row's span scores are remembered.
      v = MODELS[this.roles[c]!].score(this.tokens, a, b, open);
      this.singles.set(key, v);
    }
    return v;
  }

  /** The cell made of `pieces` (one per line) as a cell of column c, NEG when it cannot be one; `open`: it may go on. */
  cell(c: number, pieces: [number, number][], open = false): number {
    if (pieces.length === 1) return this.single(c, pieces[0]![0], pieces[0]![1], open);
    // The name's score while it goes on is 0 (nameColumnScore): nothing to build.
    if (open && this.roles[c] === 'name') return 0;
    let key = String.fromCharCode(c * 2 + (open ? 1 : 0));
    for (const [a, b] of pieces) key += String.fromCharCode(a, b);
    let v = this.memo.get(key);
    if (v !== undefined) return v;
    const virtual: Token[] = [];
    pieces.forEach(([from, to], p) => {
      for (let i = from; i < to; i++) {
        const t = this.tokens[i]!;
        virtual.push(i === from && p > 0 && !t.lineStart ? { ...t, lineStart: true } : t);
      }
    });
    v = MODELS[this.roles[c]!].score(virtual, 0, virtual.length, open);
    this.memo.set(key, v);
    return v;
  }

  private readonly onward = new Map<string, { virtual: Token[]; base: number; scores: Map<number, number> }>();

  /**
   * The open score of the cell `pieces` gone on with tokens[a, j) on the next
   * line: one joined token list per (cell, a) up to the line's end `e`,
   * scored for every j on it, so that the span scores it remembers serve them all.
   */
  goneOn(c: number, pieces: [number, number][], a: number, j: number, e: number): number {
    if (this.roles[c] === 'name') return 0; // (nameColumnScore of an open cell)
    let key = String.fromCharCode(c, a, e);
    for (const [x, y] of pieces) key += String.fromCharCode(x, y);
    let entry = this.onward.get(key);
    if (!entry) {
      const virtual: Token[] = [];
      [...pieces, [a, e] as [number, number]].forEach(([from, to], p) => {
        for (let i = from; i < to; i++) {
          const t = this.tokens[i]!;
          virtual.push(i === from && p > 0 && !t.lineStart ? { ...t, lineStart: true } : t);
        }
      });
      entry = { virtual, base: virtual.length - (e - a), scores: new Map() };
      this.onward.set(key, entry);
    }
    let v = entry.scores.get(j);
    if (v === undefined) {
      v = MODELS[this.roles[c]!].score(entry.virtual, 0, entry.base + (j - a), true);
      entry.scores.set(j, v);
    }
    return v;
  }

  /**
   * What a piece starting at tokens[a] that goes on a cell ending at
   * tokens[last] costs: less when the document writes the two words side by
   * side ("kiểm" / "tra"), more when the piece opens in mid-line with a bare
   * dash ("- 2030": the dash stays with the line it follows).
   */
  continuation(last: number, a: number): number {
    const t = this.tokens[a]!;
    let cost = CONTINUATION;
    if (!t.lineStart) cost += this.costs.midLine + (/^[-–]$/.test(t.text) ? 1 : 0);
    const end = this.tokens[last]!;
    if (!closesPhrase(end.text) && this.pairs.has(end.word, t.word)) cost -= PAIR_BONUS;
    return -cost;
  }

  /**
   * What cutting before tokens[a] costs: something when the document writes
   * the two words on either side together ("Xã | hội", "địa bàn | xã"), more
   * when the cut splits a unit's whole name (splitsWholeName).
   */
  cut(a: number, cellStart: boolean): number {
    const t = this.tokens[a]!;
    if (a === 0) return 0;
    // A cell that opens a line cuts nothing but the whole names that run on to it.
    const whole = cellStart || !t.lineStart ? splitsWholeName(this.tokens, a) : 0;
    if (t.lineStart) return whole;
    const prev = this.tokens[a - 1]!;
    return whole + (!closesPhrase(prev.text) && this.pairs.has(prev.word, t.word) ? -CUT_PAIR : 0);
  }

  opener(c: number, a: number): number {
    if (c === 0) return 0;
    const o = opensCell(this.tokens[a]!);
    return o > 0 ? this.costs.lineStart : o;
  }

  total(cells: CellPieces): number {
    let score = 0;
    for (let c = 0; c < this.roles.length; c++) {
      const pieces = cells[c]!;
      if (pieces.length === 0) {
        score += MODELS[this.roles[c]!].empty;
        continue;
      }
      score += this.cell(c, pieces) + this.opener(c, pieces[0]![0]);
      for (let p = 1; p < pieces.length; p++) score += this.continuation(pieces[p - 1]![1] - 1, pieces[p]![0]);
      pieces.forEach(([a], p) => (score += this.cut(a, c > 0 && p === 0)));
    }
    return score;
  }
}

/** Score a reading given as pieces per column (see RowScorer). */
export function scoreCells(tokens: Token[], roles: ColumnRole[], cells: CellPieces, pairs: WordPairs, costs = UNDECIDED): number {
  return new RowScorer(tokens, roles, pairs, costs).total(cells);
}

interface Hypothesis {
  status: Uint8Array;
  cells: CellPieces;
  /** Each open cell's score so far, as a cell that may go on (NEG while it reads as nothing yet). */
  cellScores: Float64Array;
  /** Cell tokens so far, per column (for the columns' length limits). */
  sizes: Int32Array;
  /** Closed cells at their final score, open cells at their score so far. */
  score: number;
  /** What closing each open cell would change in the score (NaN until asked). */
  closing: Float64Array;
}

/** While a cell is open a NEG score may still mend ("Thường" / "xuyên"). */
const partial = (v: number) => (v === NEG ? TENTATIVE_START : v);

/**
 * The best interleaved reading of a row, or null when there is none (or the
 * row is too long to search). The first role must be the name.
 *
 * A beam search over the row's lines: each hypothesis extends by every split
 * of the next line into pieces of columns in order (a column not yet started,
 * or one that went on through the line before). An open cell counts at its
 * score as a cell that may go on; when it closes, at its final score.
 */
export function segmentInterleaved(tokens: Token[], roles: ColumnRole[], pairs: WordPairs, costs = UNDECIDED): InterleavedReading | null {
  const k = roles.length;
  if (tokens.length === 0 || k < 2 || roles[0] !== 'name' || tokens.length > MAX_INTERLEAVED_TOKENS) return null;
  const lines = linesOf(tokens);
  if (lines.length < 2 || lines.length > MAX_INTERLEAVED_LINES) return null;
  return new InterleavedSearch(tokens, roles, pairs, costs).run(lines);
}

/**
 * The search of segmentInterleaved. Its steps are methods rather than closures made
 * per row: V8 keeps a method's optimised code, where closures made anew lose theirs
 * at each full collection and are compiled again.
 */
class InterleavedSearch {
  private readonly k: number;
  private readonly models: ColumnModel[];
  private readonly scorer: RowScorer;
  // The hypothesis being taken through the current line, and what that takes.
  private h: Hypothesis | null = null;
  private rank = 0;
  private e = 0;
  private line: LineMoves | null = null;
  private candidates: Candidates | null = null;
  private readonly pieces: Piece[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly roles: ColumnRole[],
    pairs: WordPairs,
    private readonly costs: Costs,
  ) {
    this.k = roles.length;
    this.models = roles.map((r) => MODELS[r]);
    this.scorer = new RowScorer(tokens, roles, pairs, costs);
  }

  run(lines: [number, number][]): InterleavedReading | null {
    const { k, models } = this;
    let beam: Hypothesis[] = [{ status: new Uint8Array(k), cells: this.roles.map(() => []), cellScores: new Float64Array(k), sizes: new Int32Array(k), score: 0, closing: new Float64Array(k).fill(NaN) }];
    for (let li = 0; li < lines.length; li++) {
      const [s, e] = lines[li]!;
      this.candidates = new Candidates(this.costs);
      for (let rank = 0; rank < beam.length; rank++) this.through(beam[rank]!, rank, li, s, e);
      beam = this.candidates.best().map(extend);
    }
    // Cells still open close; columns never started are empty.
    let best: InterleavedReading | null = null;
    for (const h of beam) {
      let score = h.score;
      for (let c = 0; c < k && score > NEG; c++) {
        if (h.status[c] === NOT_STARTED) score += models[c]!.empty;
        else if (h.status[c] === OPEN) score += this.closing(h, c);
      }
      if (score > NEG && (!best || score > best.score)) best = { cells: h.cells, score };
    }
    return best;
  }

  /** What closing column c of h changes in its score (NEG: the cell cannot be one). */
  private closing(h: Hypothesis, c: number): number {
    let v = h.closing[c]!;
    if (Number.isNaN(v)) {
      const final = this.scorer.cell(c, h.cells[c]!);
      v = h.closing[c] = final === NEG ? NEG : final - partial(h.cellScores[c]!);
    }
    return v;
  }

  /** Offers the readings of h through line li (tokens[s, e)) to the candidates. */
  private through(h: Hypothesis, rank: number, li: number, s: number, e: number): void {
    const { tokens, roles, models, scorer, k } = this;
    const line = new LineMoves(s, e, k);
    // The moves of this line: a piece tokens[pos, j) of column c, with what it adds to the score.
    for (let c = 0; c < k; c++) {
      const st = h.status[c]!;
      if (st === CLOSED) continue;
      // The name opens the row: it starts the first line and cannot start later.
      if (c === 0 && st === NOT_STARTED && li > 0) continue;
      const starting = st === NOT_STARTED;
      const room = Math.min(models[c]!.maxLen - h.sizes[c]!, c === 0 ? Infinity : MAX_PIECE);
      const cell = h.cells[c]!;
      for (let pos = s; pos < e; pos++) {
        if (c > 0 && li === 0 && pos === s) continue;
        if (starting && c > 0 && opensCell(tokens[pos]!) < 0) continue;
        const limit = Math.min(e, pos + room);
        const onward = starting ? 0 : scorer.continuation(cell[cell.length - 1]![1] - 1, pos) - partial(h.cellScores[c]!);
        // A cell that goes on is scored anew for each piece (its pieces and the new one joined):
        // until the search takes the piece, the most its column gives stands in for the score.
        const later = !starting && roles[c] !== 'name';
        const most = later ? scorer.cut(pos, false) + (Math.max(models[c]!.most, TENTATIVE_START) + onward) : 0;
        for (let j = pos + 1; j <= limit; j++) {
          if (later) {
            line.add(c, pos, j, NaN, most, true, onward);
            continue;
          }
          const v = starting ? scorer.single(c, pos, j, true) : scorer.goneOn(c, cell, pos, j, e);
          const gain = scorer.cut(pos, starting && c > 0) + (starting ? partial(v) + scorer.opener(c, pos) : partial(v) + onward);
          line.add(c, pos, j, v, gain);
        }
      }
      // Open cells that the line does not go on with are closed.
      if (st === OPEN) line.closes[c] = this.closing(h, c);
    }
    line.bound();
    this.h = h;
    this.rank = rank;
    this.e = e;
    this.line = line;
    this.walk(s, -1, h.score, 0);
  }

  /**
   * Every split of the line into pieces of columns in order (a column not yet started, or
   * one that went on through the line before), best first, leaving out those that cannot
   * score among the readings kept (`line.best` is the most the rest of the line can add).
   * The score is summed as the pieces come, then the closed cells, so that readings found
   * in any order score to the bit as when they were found in order.
   */
  private walk(pos: number, lastCol: number, score: number, skipped: number): void {
    const h = this.h!;
    const line = this.line!;
    const candidates = this.candidates!;
    const pieces = this.pieces;
    if (pos === this.e) {
      let settled = score;
      for (let c = 0; c < this.k && settled > NEG; c++) {
        if (h.status[c] === OPEN && !holds(pieces, c)) settled += this.closing(h, c);
      }
      if (settled > NEG) candidates.offer(h, this.rank, pieces, settled);
      return;
    }
    const rest = line.best(pos, lastCol);
    if (rest === NEG || score + skipped + rest < candidates.floor() - SLACK) return;
    for (const m of line.movesFrom(pos, lastCol)) {
      if (score + skipped + m.bound < candidates.floor() - SLACK) break;
      const piece = m.piece;
      if (piece.pending) {
        // Scored now: with its own score, the move may fall short.
        const v = this.scorer.goneOn(piece.c, h.cells[piece.c]!, pos, piece.j, this.e);
        piece.v = v;
        piece.gain = this.scorer.cut(pos, false) + (partial(v) + piece.onward);
        piece.pending = false;
      }
      if (score + skipped + m.skipped + piece.gain + line.best(piece.j, piece.c) < candidates.floor() - SLACK) continue;
      pieces.push({ c: piece.c, a: pos, b: piece.j, v: piece.v });
      this.walk(piece.j, piece.c, score + piece.gain, skipped + m.skipped);
      pieces.pop();
    }
  }
}

/** One of the pieces is of column c. */
function holds(pieces: Piece[], c: number): boolean {
  for (const p of pieces) if (p.c === c) return true;
  return false;
}

interface Piece {
  c: number;
  a: number;
  b: number;
  /** The cell's score with this piece, as a cell that may go on. */
  v: number;
}

/** Below the lowest score kept by this much, a reading is left out (sums in another order differ in their last bits). */
const SLACK = 1e-6;

/** A piece tokens[pos, j) of column c that a line may hold. */
interface LinePiece {
  c: number;
  j: number;
  /** The cell's score with the piece, as a cell that may go on (NaN until scored). */
  v: number;
  /** What the piece adds to the score; until it is scored, the most it can add. */
  gain: number;
  /** The piece goes on a cell and is scored when the search first takes it (v, gain are then set). */
  pending: boolean;
  /** For a pending piece: what going on the cell adds besides the cut and the cell's new score. */
  onward: number;
}

/** A move of the search within a line: a piece, after the last column used. */
interface Move {
  piece: LinePiece;
  /** What closing the open columns it skips adds. */
  skipped: number;
  /** The most a reading that makes this move can score from here on. */
  bound: number;
}

/**
 * The moves of one hypothesis through one line, and for each place in it the
 * most that the rest of the line can add: a dynamic program over (token,
 * last column used) on the pieces' gains (or the most they can gain, for
 * pieces not scored yet), so that the search may leave out what cannot score
 * among the readings kept.
 */
class LineMoves {
  /** What closing each open column adds when the line does not go on with it (0 for the others). */
  readonly closes: Float64Array;
  private readonly starting: LinePiece[][] = [];
  private readonly rest: Float64Array;
  private readonly moves = new Map<number, Move[]>();

  constructor(
    private readonly s: number,
    private readonly e: number,
    private readonly k: number,
  ) {
    this.closes = new Float64Array(k);
    for (let pos = s; pos < e; pos++) this.starting.push([]);
    this.rest = new Float64Array((e - s + 1) * (k + 1));
  }

  add(c: number, pos: number, j: number, v: number, gain: number, pending = false, onward = 0): void {
    this.starting[pos - this.s]!.push({ c, j, v, gain, pending, onward });
  }

  private at(pos: number, lastCol: number): number {
    return (pos - this.s) * (this.k + 1) + lastCol + 1;
  }

  /** Fill in the most each (token, last column) can add to the end of the line. */
  bound(): void {
    const { s, e, k, closes, rest } = this;
    for (let last = -1; last < k; last++) {
      let sum = 0;
      for (let c = last + 1; c < k; c++) sum += closes[c]!;
      rest[this.at(e, last)] = sum;
    }
    const best = new Float64Array(k);
    for (let pos = e - 1; pos >= s; pos--) {
      best.fill(NEG);
      for (const m of this.starting[pos - s]!) best[m.c] = Math.max(best[m.c]!, m.gain + rest[this.at(m.j, m.c)]!);
      for (let last = -1; last < k; last++) {
        let v = NEG;
        let skipped = 0;
        for (let c = last + 1; c < k; c++) {
          v = Math.max(v, skipped + best[c]!);
          skipped += closes[c]!;
        }
        rest[this.at(pos, last)] = v;
      }
    }
  }

  /** The most the line can add from tokens[pos] on, after column lastCol. */
  best(pos: number, lastCol: number): number {
    return this.rest[this.at(pos, lastCol)]!;
  }

  /** The moves from tokens[pos] after column lastCol that can lead to a reading, best bound first. */
  movesFrom(pos: number, lastCol: number): Move[] {
    const id = this.at(pos, lastCol);
    let out = this.moves.get(id);
    if (out) return out;
    out = [];
    const skippedBefore = new Float64Array(this.k);
    for (let c = lastCol + 2; c < this.k; c++) skippedBefore[c] = skippedBefore[c - 1]! + this.closes[c - 1]!;
    for (const piece of this.starting[pos - this.s]!) {
      if (piece.c <= lastCol) continue;
      const skipped = skippedBefore[piece.c]!;
      const bound = skipped + piece.gain + this.rest[this.at(piece.j, piece.c)]!;
      if (bound === NEG) continue;
      out.push({ piece, skipped, bound });
    }
    out.sort((x, y) => y.bound - x.bound || x.piece.c - y.piece.c || x.piece.j - y.piece.j);
    this.moves.set(id, out);
    return out;
  }
}

interface Candidate {
  h: Hypothesis;
  pieces: Piece[];
  score: number;
  /** Where h stands in the beam: with the pieces, the order in which a search in order finds the readings. */
  rank: number;
}

/**
 * Of two readings that score alike, the one a search in order (hypotheses in
 * beam order, then columns and piece ends ascending) finds first.
 */
function foundFirst(x: Candidate, y: Candidate): number {
  if (x.rank !== y.rank) return x.rank - y.rank;
  const n = Math.min(x.pieces.length, y.pieces.length);
  for (let i = 0; i < n; i++) {
    const p = x.pieces[i]!;
    const q = y.pieces[i]!;
    if (p.c !== q.c) return p.c - q.c;
    if (p.b !== q.b) return p.b - q.b;
  }
  return x.pieces.length - y.pieces.length;
}

/** x is kept before y: a higher score, or the same score found first. */
function before(x: Candidate, y: Candidate): boolean {
  return x.score > y.score || (x.score === y.score && foundFirst(x, y) < 0);
}

/**
 * The readings of a line worth keeping: the best `beam`, no more than
 * `perStatus` of them alike in which cells are open, so that the beam stays
 * varied. Kept as they come (a search may find thousands), so that only
 * readings that may be kept are copied; readings may come in any order.
 */
class Candidates {
  private readonly buckets = new Map<number, Candidate[]>();
  /** The scores of every reading now kept, highest first. */
  private readonly kept: number[] = [];
  constructor(private readonly costs: Costs) {}

  /**
   * The lowest score a reading can have and still be among the best `beam`
   * at the end: as many readings as the beam holds already score this much
   * (buckets only ever keep better ones).
   */
  floor(): number {
    return this.kept.length >= this.costs.beam ? this.kept[this.costs.beam - 1]! : NEG;
  }

  offer(h: Hypothesis, rank: number, pieces: Piece[], score: number): void {
    const key = statusKey(h, pieces);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = []));
    const candidate: Candidate = { h, pieces, score, rank };
    if (bucket.length >= this.costs.perStatus && !before(candidate, bucket[bucket.length - 1]!)) return;
    let at = bucket.length;
    while (at > 0 && before(candidate, bucket[at - 1]!)) at--;
    candidate.pieces = pieces.slice();
    bucket.splice(at, 0, candidate);
    this.keep(score);
    if (bucket.length > this.costs.perStatus) this.drop(bucket.pop()!.score);
  }

  private keep(score: number): void {
    let at = this.kept.length;
    while (at > 0 && this.kept[at - 1]! < score) at--;
    this.kept.splice(at, 0, score);
  }

  private drop(score: number): void {
    this.kept.splice(this.kept.lastIndexOf(score), 1);
  }

  best(): Candidate[] {
    const all: Candidate[] = [];
    for (const bucket of this.buckets.values()) all.push(...bucket);
    all.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return all.slice(0, this.costs.beam);
  }
}

function extend({ h, pieces, score }: Candidate): Hypothesis {
  const status = h.status.slice();
  for (let c = 0; c < status.length; c++) if (status[c] === OPEN) status[c] = CLOSED;
  const sizes = h.sizes.slice();
  const cells = h.cells.slice();
  const cellScores = h.cellScores.slice();
  for (const { c, a, b, v } of pieces) {
    status[c] = OPEN;
    cells[c] = [...cells[c]!, [a, b]];
    sizes[c]! += b - a;
    cellScores[c] = v;
  }
  return { status, cells, cellScores, sizes, score, closing: new Float64Array(status.length).fill(NaN) };
}

/** The status the columns will have after the line (a base-3 number, a digit per column). */
function statusKey(h: Hypothesis, pieces: Piece[]): number {
  let key = 0;
  for (let c = h.status.length - 1; c >= 0; c--) {
    let st = h.status[c]!;
    if (st === OPEN) st = CLOSED;
    for (const p of pieces) if (p.c === c) st = OPEN;
    key = key * 3 + st;
  }
  return key;
}
