import { Mapped, MappedBuilder } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import { joinPieces } from '../normalize/line-joins.js';
import type { SectionNode } from '../structure/tree.js';
import { cleanName, headingTitle, numberingOf, phaseYear, walk, yearInText } from './common.js';
import type { ParsedTable, TableEntry } from './tables/table.js';
import { readTarget, scanTargets, type Target, type TargetMatch } from './targets.js';

export interface IndicatorRecord {
  numbering: string | null;
  name: Mapped;
  group: string | null;
  unit: string | null;
  target: Target | null;
  targetYear: number | null;
  lead: string | null;
  source: 'annex' | 'body';
  /** The text the record was read from, for its position. */
  span: Mapped;
}

/** Words that open a new indicator inside a sentence: "…, tỷ lệ người dân có chữ ký số ≥ 10%". */
const CLAUSE_START = /^\s*(?:va\s+)?(?:ty le|so luong|so|co|muc|chi so|dan so|nguoi|phan dau|dat|\d)/;

/**
 * Where to cut between two targets of one passage: after ";", else after the
 * sentence's end (". Tỷ lệ …"), else at ", tỷ lệ …", else the last ",".
 */
function splitPoint(text: string, key: string, from: number, to: number): number | null {
  const gap = text.slice(from, to);
  const semi = gap.lastIndexOf(';');
  if (semi >= 0) return from + semi + 1;
  let sentence: number | null = null;
  for (const m of gap.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) sentence = from + m.index + 1;
  if (sentence !== null) return sentence;
  let best: number | null = null;
  let lastComma: number | null = null;
  for (let i = gap.length - 1; i >= 0; i--) {
    if (gap[i] !== ',') continue;
    lastComma ??= from + i + 1;
    if (CLAUSE_START.test(key.slice(from + i + 1))) {
      best = from + i + 1;
      break;
    }
  }
  if (best !== null) return best;
  const and = /\s(?:va|dong thoi)\s/.exec(key.slice(from, to));
  if (and) return from + and.index + 1;
  return lastComma;
}

function concat(a: Mapped, b: Mapped): Mapped {
  const out = new MappedBuilder();
  out.append(a);
  if (a.length > 0 && b.length > 0) out.appendText(' ', a.endAt(a.length - 1), a.endAt(a.length - 1));
  out.append(b);
  return out.build();
}

// The year a target is set for, right after it: "đạt trên 90% vào năm 2026", "98% năm 2030".
const TARGET_YEAR = /^\s*(?:vao |trong |den |toi )?(?:het |cuoi )?nam ((?:19|20)\d{2})[\s.;,]*$/;

/**
 * The clause without its target: "Tỷ lệ phủ sóng 5G trên địa bàn đạt 100%." → "Tỷ lệ phủ
 * sóng 5G trên địa bàn"; a year phrase after the target is its year, not part of the name; so
 * is "trong đó:" that leads in to sub-items. The name may come out empty ("và 98% vào năm 2030").
 */
function nameWithoutTarget(clause: Mapped, match: TargetMatch): { name: Mapped; year: number | null } {
  let before = clause.slice(0, match.start).trim();
  let after = clause.slice(match.end).trim();
  const ownYear = TARGET_YEAR.exec(looseKey(after.text));
  if (ownYear) after = after.slice(after.length);
  // "Có ≥ 80% cán bộ …": the verb "có" only introduces the number.
  // "Đến năm 2027: 100% cơ quan …": the phase sets the year, it is not part of the name.
  const lead = looseKey(before.text).replace(/[-–:,\s]+$/, '').replace(/^[-–+•]\s*/, '');
  if (/^(?:co|dat|phan dau(?: dat| co)?)$/.test(lead) || phaseYear(before.text.replace(/^[-–+•]\s*/, '').replace(/[:,\s]+$/, '')) !== null) before = before.slice(before.length);
  before = before.replace(/[\s:,]+$/g, () => '').trim();
  const afterClean = after.replace(/^[\s:,]+/g, () => '').replace(/,?\s*trong đó\s*:?\s*$/gu, () => '');
  return { name: cleanName(concat(before, afterClean)), year: ownYear ? Number(ownYear[1]) : null };
}

/**
 * Indicators of one sentence or item: one per target, cut into clauses. A clause with no
 * words of its own ("… đạt trên 90% vào năm 2026 và 98% vào năm 2030") has the name of the
 * one before; `year` is the year a target states right after it.
 */
function indicatorsInText(text: Mapped): { name: Mapped; target: Target; year: number | null }[] {
  const found = scanTargets(text.text, { prose: true }).filter((m) => m.strength >= 2);
  if (found.length === 0) return [];
  const key = looseKey(text.text);
  const cuts: number[] = [0];
  for (let i = 0; i + 1 < found.length; i++) {
    const p = splitPoint(text.text, key, found[i]!.end, found[i + 1]!.start);
    cuts.push(p ?? -1);
  }
  cuts.push(text.length);
  const out: { name: Mapped; target: Target; year: number | null }[] = [];
  for (let i = 0; i < found.length; i++) {
    // An uncut pair (no comma or "và" between them) stays one indicator, with the first target.
    if (cuts[i] === -1) continue;
    let end = i + 1;
    while (end < found.length && cuts[end] === -1) end++;
    let from = cuts[i]!;
    const to = cuts[end]!;
    // A clause cut at "và" / "đồng thời" starts after it.
    const conjunction = i > 0 ? /^\s*(?:va|dong thoi)\s+/.exec(key.slice(from, to)) : null;
    if (conjunction) from += conjunction[0].length;
    const clause = text.slice(from, to);
    const m = found[i]!;
    const local: TargetMatch = { ...m, start: m.start - from, end: m.end - from };
    const read = nameWithoutTarget(clause, local);
    const name = read.name.length > 0 ? read.name : (out[out.length - 1]?.name ?? cleanName(clause));
    out.push({ name, target: m.target, year: read.year });
  }
  return out;
}

/** An item's whole text, its marker included ("-" alone on the line above counts). */
export function itemSpan(node: SectionNode): Mapped {
  let span = spans.get(node);
  if (!span) spans.set(node, (span = joinPieces(node.lines.map((l) => l.m))));
  return span;
}
// An item's span, asked for by each of its indicators and tasks.
const spans = new WeakMap<SectionNode, Mapped>();

/**
 * The group of an item's indicators: the nearest heading above that is no phase; an item
 * that is an indicator itself ("… đạt 70%, trong đó:" over "+ …") is named by its name.
 */
function groupOf(node: SectionNode | null): string | null {
  for (let n = node; n && n.marker; n = n.parent) {
    const title = headingTitle(n);
    if (phaseYear(title) !== null) continue;
    const own = n.kind === 'objectives' && n.ownKind === null ? indicatorsInText(n.heading)[0] : undefined;
    return own ? own.name.text : title;
  }
  return null;
}

function yearOf(node: SectionNode | null): number | null {
  for (let n = node; n && n.marker; n = n.parent) {
    const title = n.heading.text;
    const y = phaseYear(title) ?? yearInText(title) ?? leadInYear(n);
    if (y) return y;
  }
  return null;
}

/**
 * The year a sentence that leads in to an item and its siblings states: "Phấn đấu đến năm
 * 2030 đạt các mục tiêu sau:" / "(1) …" / "(2) …". The last paragraph before the item, under
 * the same heading, when it ends with ":".
 */
function leadInYear(node: SectionNode): number | null {
  const parent = node.parent;
  // (Where the text starts, not the line: "Đến năm 2030: (1) …" leads in on the item's own line.)
  const start = node.heading.span()?.start ?? node.lines[0]?.m.span()?.start;
  if (!parent || start === undefined) return null;
  let lead: string | null = null;
  for (const b of parent.content) {
    if (b.type !== 'paragraph') continue;
    const at = b.text.span()?.start;
    if (at !== undefined && at < start) lead = /:\s*$/.test(b.text.text) ? b.text.text : null;
  }
  return lead ? yearInText(lead) : null;
}


export interface TableContext {
  source: 'annex' | 'body';
  /** A year the annex title or an enclosing heading gives ("… ĐẾN NĂM 2030"). */
  year: number | null;
  planYear: number | null;
}

function nearestGroup(entry: TableEntry): string | null {
  for (let i = entry.groups.length - 1; i >= 0; i--) {
    const t = cleanName(entry.groups[i]!).text;
    if (phaseYear(t) === null) return t;
  }
  return null;
}

function groupYear(entry: TableEntry): number | null {
  for (let i = entry.groups.length - 1; i >= 0; i--) {
    const t = entry.groups[i]!.text;
    const y = phaseYear(t) ?? yearInText(t);
    if (y) return y;
  }
  return null;
}

// A unit written in the name cell, for want of a unit column: "Tỷ lệ hồ sơ trực tuyến (%)",
// "… (thứ hạng)", "… (doanh nghiệp, hộ)". Each part a few small words (not an acronym, "(DTI)",
// nor a remark, "(trừ văn bản mật)", "(nếu có)", "(cấp xã)").
const UNIT_IN_NAME = /\s*\(\s*(%|‰|\p{Ll}[\p{Ll}\s]*(?:,\s*\p{Ll}[\p{Ll}\s]*)?)\s*\)$/u;
const NOT_A_UNIT = /^(?:trừ|gồm|bao gồm|theo|nếu|không|đối|kể|tính|ước|có|chưa|đã|mới|cấp|năm|giai đoạn|lũy kế|cộng dồn|tối thiểu|tối đa|dự kiến)\b/u;

function unitInName(name: Mapped): { name: Mapped; unit: string } | null {
  const m = UNIT_IN_NAME.exec(name.text);
  if (!m) return null;
  const unit = m[1]!.replace(/\s+/g, ' ').trim();
  if (NOT_A_UNIT.test(unit) || unit.split(/,\s*/).some((part) => part.split(' ').length > 3)) return null;
  return { name: name.slice(0, m.index).trim(), unit };
}

// A cell that sets a target for each of several years: "2026: 50%; 2028: 70%; 2030: 90%",
// "Năm 2026: 60%; năm 2028: 75%; …".
const YEAR_PIECE = /(?:^|;\s*)((?:(?:đến\s+)?năm\s+)?((?:19|20)\d{2})\s*:\s*)([^;]+?)\s*(?=;|$)/giu;

/** A target cell as the targets it sets: one per year when it names them, else itself for the column's year. */
function yearPieces(c: { year: number | null; cell: Mapped }): { year: number | null; cell: Mapped }[] {
  const text = c.cell.text.replace(/[;.\s]+$/, '');
  const pieces: { year: number | null; cell: Mapped }[] = [];
  let covered = 0;
  for (const m of text.matchAll(YEAR_PIECE)) {
    if (m.index !== covered) return [c];
    const from = m.index + m[0].length - m[3]!.length;
    pieces.push({ year: Number(m[2]), cell: c.cell.slice(from, m.index + m[0].length) });
    covered = m.index + m[0].length;
  }
  return pieces.length >= 2 && covered === text.length ? pieces : [c];
}

/** Every record row of an indicator table; a table with year columns gives one indicator per year, and so does a cell that names its years. */
export function indicatorsFromTable(table: ParsedTable, ctx: TableContext): IndicatorRecord[] {
  const out: IndicatorRecord[] = [];
  const unitColumn = table.header.columns.some((c) => c.role === 'unit');
  for (const e of table.entries) {
    if (e.kind !== 'record') continue;
    let name = cleanName(e.name);
    if (name.length === 0) continue;
    const unitText = e.cells.unit ? cleanName(e.cells.unit).text : '';
    const inName = unitColumn ? null : unitInName(name);
    if (inName) name = inName.name;
    const unit = unitText || inName?.unit || null;
    // With no unit column, a target that carries its unit ("05 mô hình", "≥ 80%") gives it.
    const ownUnit = (t: ReturnType<typeof readTarget>) => unit ?? (unitColumn ? null : (t?.unit ?? null));
    const lead = e.cells.lead ? cleanName(e.cells.lead).text || null : null;
    const year = groupYear(e) ?? yearInText(name.text) ?? ctx.year ?? ctx.planYear;
    // A year left without a target: an empty cell, or "-" where the table has a column per year.
    const filled = e.targets.filter((t) => t.cell.text.trim().length > 0 && !(e.targets.length > 1 && /^[-–—x]$/i.test(t.cell.text.trim())));
    const emit: { year: number | null; cell: Mapped | null }[] = filled.length > 0 ? filled.flatMap(yearPieces) : [{ year: null, cell: null }];
    for (const c of emit) {
      const target = c.cell ? readTarget(c.cell.text) : null;
      if (target && target.unit === null && target.value !== null && unit) target.unit = unit;
      out.push({
        numbering: e.numbering,
        name,
        group: nearestGroup(e) ?? table.caption ?? null,
        unit: ownUnit(target),
        target,
        targetYear: c.year ?? year,
        lead,
        source: ctx.source,
        span: e.whole,
      });
    }
  }
  return out;
}

/**
 * Quantified targets in the objectives: every item and paragraph under a
 * section whose kind is objectives. Headings that name the section ("2. Mục
 * tiêu cụ thể") and phases ("2.1. Đến hết năm 2025") give group and year.
 */
// An indicator written as an item with its targets on labelled lines under it: "1. Tỷ lệ hồ sơ …" /
// "- Chỉ tiêu năm 2026: 80%" / "- Đến năm 2030: ≥ 95%" / "- Đơn vị chủ trì: …".
// (The value is one target, "≥ 120 cơ sở", "Hoàn thành"; not a phase's sentence, "Đến năm 2027: 100% cơ quan …; …".)
const YEAR_LINE = /^(?:chỉ tiêu\s+)?(?:(?:đến\s+(?:hết\s+)?)?năm\s+)((?:19|20)\d{2})\s*:\s*([^;,]{1,40}?)[.;]?$/iu;
const UNIT_LINE = /^(?:(?:đơn vị|cơ quan)\s+)?(chủ trì|phối hợp)\s*:\s*(\S.*?)[.;]?$/iu;

/**
 * The indicators of an item whose bullets are its labelled lines (each year line one), or
 * null when they are not. `group`: the heading over the item ("a) Chính quyền số" before
 * "1.", which the numbering's ranks cannot put over it).
 */
function labelledIndicators(node: SectionNode, group: string | null): IndicatorRecord[] | null {
  if (node.content.length > 0) return null;
  const bullets = node.children.filter((c) => c.marker?.style === 'bullet');
  // (A heading after the lines can land under the item: "b) Kinh tế số" under "3.".)
  if (bullets.length < 2 || node.children.some((c) => c.marker?.style !== 'bullet' && (c.children.length > 0 || c.content.length > 0))) return null;
  const lines = bullets.map((c) => (c.children.length === 0 ? c.heading.text.trim() : null));
  if (lines.some((t) => t === null || (!YEAR_LINE.test(t) && !UNIT_LINE.test(t)))) return null;
  const years = lines.map((t) => YEAR_LINE.exec(t!)).filter((m): m is RegExpExecArray => m !== null);
  if (years.length === 0) return null;
  const lead = lines.map((t) => UNIT_LINE.exec(t!)).find((m) => m && /chủ trì/i.test(m[1]!))?.[2] ?? null;
  const name = cleanName(node.heading);
  return years.map((m) => {
    const target = readTarget(m[2]!);
    return { numbering: numberingOf(node), name, group: group ?? groupOf(node.parent), unit: target?.unit ?? null, target, targetYear: Number(m[1]), lead, source: 'body' as const, span: itemSpan(node) };
  });
}

export function indicatorsFromObjectives(root: SectionNode, planYear: number | null, tables: (t: ParsedTable, year: number | null) => IndicatorRecord[]): IndicatorRecord[] {
  const out: IndicatorRecord[] = [];
  // The labelled lines of an item read as its indicators are not read again.
  const read = new Set<SectionNode>();
  // The last lettered heading with nothing under it, in the document's order.
  let letterHeading: string | null = null;
  for (const node of walk(root)) {
    if (node.marker?.style === 'roman') letterHeading = null;
    if (node.marker?.style === 'letter' && node.children.length === 0 && node.content.length === 0) letterHeading = headingTitle(node);
    if (node.kind !== 'objectives' || read.has(node)) continue;
    const labelled = node.marker ? labelledIndicators(node, letterHeading) : null;
    if (labelled) {
      out.push(...labelled);
      for (const c of node.children) if (c.marker?.style === 'bullet') read.add(c);
      continue;
    }
    if (node.marker && node.ownKind === null && phaseYear(node.heading.text) === null) {
      for (const found of indicatorsInText(node.heading)) {
        out.push({
          numbering: numberingOf(node),
          name: found.name,
          group: groupOf(node.parent),
          unit: found.target.unit,
          target: found.target,
          // (The heading is no phase: yearOf reads its year, then the lead-in's, then the parents'.)
          targetYear: found.year ?? yearOf(node) ?? planYear,
          lead: null,
          source: 'body',
          span: itemSpan(node),
        });
      }
    }
    for (const block of node.content) {
      if (block.type === 'table') {
        if (block.table.header.kind === 'indicators') out.push(...tables(block.table, yearOf(node)));
        continue;
      }
      for (const found of indicatorsInText(block.text)) {
        out.push({
          numbering: null,
          name: found.name,
          group: groupOf(node),
          unit: found.target.unit,
          target: found.target,
          targetYear: found.year ?? yearInText(block.text.text) ?? yearOf(node) ?? planYear,
          lead: null,
          source: 'body',
          span: block.text,
        });
      }
    }
  }
  return out;
}
