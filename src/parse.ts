import { createHash } from 'node:crypto';
import { normalizeText, type Line } from './normalize/index.js';
import { joinPieces } from './normalize/line-joins.js';
import { Mapped } from './text/mapped.js';
import { LineIndex, type Position } from './text/positions.js';
import { buildBlocks, type TableBlock } from './structure/blocks.js';
import { WordPairs } from './extract/tables/word-pairs.js';
import { franc } from 'franc';
import { VERSION } from './version.js';
import { convertTcvn3Text, looksTcvn3 } from './input/tcvn3.js';
import { convertVniText, looksVni } from './input/vni.js';
import { splitInlineItems } from './structure/inline-items.js';
import { annexKindFromTitle, type SectionKind } from './structure/kinds.js';
import { measureLayout, type Layout } from './structure/layout.js';
import { detectMarker, letterValue } from './structure/markers.js';
import { buildTree, newNode, type SectionNode } from './structure/tree.js';
import { findZones, type Zones } from './structure/zones.js';
import { detectTableHeader } from './extract/tables/header.js';
import type { ParsedTable } from './extract/tables/table.js';
import { cleanName, headingTitle, walk, titleYear } from './extract/common.js';
import { readMetadata, type PlanMetadata } from './extract/metadata.js';
import { indicatorsFromObjectives, indicatorsFromTable, type IndicatorRecord } from './extract/indicators.js';
import { tasksFromBody, tasksFromTable, type TaskRecord } from './extract/tasks.js';
import { assignmentsFrom } from './extract/assignments.js';
import { SCHEMA_VERSION, planSchema, type Diagnostic, type PlanDocument, type Section } from './model/schema.js';

export interface ParseOptions {
  /** Where the text came from; goes to source.path. */
  path?: string | null;
  /** 'markdown' for .md input; guessed from the text when not given. */
  format?: 'text' | 'markdown' | 'pdf';
  /** sha256 of the input bytes, when the caller has them (parsePlanFile does). */
  sha256?: string;
  /**
   * Longest text parsed, in characters (default 20,000,000). A longer text
   * gives a document with an `input-too-large` error and nothing extracted.
   */
  maxLength?: number;
  /** For PDF input: the number of pages (goes to source.pages). */
  pages?: number;
  /** Diagnostics about the whole input from the stage that read it (a PDF's pages without text). */
  inputDiagnostics?: { severity: 'error' | 'warning' | 'info'; code: string; message: string }[];
  /**
   * Where the time goes: when given, the milliseconds spent in each stage
   * (normalize, zones, body structure, annexes, …, validation) are added to it.
   */
  timings?: Record<string, number>;
}

export const DEFAULT_MAX_LENGTH = 20_000_000;

interface AnnexTree {
  node: SectionNode;
  tables: ParsedTable[];
  titleYear: number | null;
}

/** More diagnostics of one code than this are summed up in one, so odd input cannot flood the output. */
export const MAX_DIAGNOSTICS_PER_CODE = 50;

class Diagnostics {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly index: LineIndex,
    /** ParseOptions.timings: stages add their milliseconds here. */
    readonly timings?: Record<string, number>,
  ) {}
  add(severity: Diagnostic['severity'], code: string, message: string, position?: Position): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= MAX_DIAGNOSTICS_PER_CODE) this.list.push({ severity, code, message, position: position ?? this.index.whole() });
  }
  /** One closing diagnostic for each code that went over the limit. */
  close(): void {
    for (const [code, n] of this.counts) {
      if (n > MAX_DIAGNOSTICS_PER_CODE) {
        const first = this.list.find((d) => d.code === code)!;
        this.list.push({ severity: first.severity, code, message: `${n - MAX_DIAGNOSTICS_PER_CODE} more "${code}" diagnostics left out`, position: this.index.whole() });
      }
    }
  }
  atLine(severity: Diagnostic['severity'], code: string, message: string, line: Line): void {
    this.add(severity, code, message, this.index.ofMapped(line.m));
  }
}

function guessFormat(text: string): 'text' | 'markdown' {
  return /^\s{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|^\|.*\|\s*$|\$\\(?:geq|leq|ge|le)\b/m.test(text.slice(0, 200_000)) ? 'markdown' : 'text';
}

function nodeNumbering(node: SectionNode): string | null {
  const m = node.marker;
  if (!m) return null;
  if (m.style === 'paren') return `(${m.numbering})`;
  return m.numbering || null;
}

function nodePosition(node: SectionNode, index: LineIndex): Position {
  const first = node.lines[0];
  const last = node.lastLine ?? first;
  if (!first || !last) return index.ofMapped(node.heading);
  const start = first.m.span()?.start ?? node.heading.span()?.start ?? 0;
  const end = last.m.span()?.end ?? start;
  return index.position(start, Math.max(start, end));
}

/** Group rows of a table as sections: "I Đến năm 2030", "1 Nâng cao nhận thức …". */
function tableSections(table: ParsedTable, kind: SectionKind, index: LineIndex): Section[] {
  const out: Section[] = [];
  const entries = table.entries;
  const level = (rowKind: string) => (rowKind === 'roman' ? 1 : 2);
  const stack: { section: Section; level: number }[] = [];
  const endOf = (i: number, lvl: number): number => {
    let end = entries[i]!.whole.span()?.end ?? 0;
    for (let j = i + 1; j < entries.length; j++) {
      const e = entries[j]!;
      if (e.kind === 'group' && level(e.rowKind) <= lvl) break;
      end = Math.max(end, e.whole.span()?.end ?? end);
    }
    return end;
  };
  entries.forEach((e, i) => {
    if (e.kind !== 'group') return;
    const lvl = level(e.rowKind);
    const start = e.whole.span()?.start ?? 0;
    const section: Section = {
      numbering: e.numbering,
      heading: cleanName(e.name).text,
      kind,
      position: index.position(start, Math.max(start, endOf(i, lvl))),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= lvl) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.section.children.push(section);
    else out.push(section);
    stack.push({ section, level: lvl });
  });
  return out;
}

function toSection(node: SectionNode, index: LineIndex): Section {
  const children: Section[] = [];
  for (const c of node.children) {
    if (c.marker?.style === 'bullet' && c.children.length === 0) continue;
    children.push(toSection(c, index));
  }
  for (const block of node.content) if (block.type === 'table') children.push(...tableSections(block.table, node.kind, index));
  return {
    numbering: nodeNumbering(node),
    heading: cleanName(node.heading).text,
    kind: node.kind,
    position: nodePosition(node, index),
    children,
  };
}

/** Sequence checks on the numbering of headings: "III." twice, "2." after "4.". */
function checkNumbering(root: SectionNode, diags: Diagnostics): void {
  for (const node of walk(root)) {
    const seen = new Map<string, number>();
    // Where the paragraphs under the node start: "(1)" after one of them ("Đến năm 2030: (1) …")
    // opens a new list.
    const leadIns = node.content.flatMap((b) => (b.type === 'paragraph' ? [b.text.span()?.start ?? -1] : []));
    let prevStart = -1;
    let before: SectionNode | undefined;
    for (const c of node.children) {
      const m = c.marker;
      // "a) Chính quyền số" with nothing under it, last under "2. Mục tiêu cụ thể": the "1." after it opens its list.
      const underHeading = before?.children.at(-1)?.marker?.style === 'letter' && before.children.at(-1)!.children.length === 0 && before.children.at(-1)!.content.length === 0;
      before = c;
      if (!m || m.style === 'bullet' || m.style === 'annex') continue;
      const style = m.style === 'decimal' ? `decimal${m.depth}` : m.style;
      const value = m.style === 'letter' ? letterValue(m.numbering) : m.ordinal[m.ordinal.length - 1] ?? 0;
      const start = c.heading.span()?.start ?? -1;
      if (value === 1 && (underHeading || leadIns.some((at) => at > prevStart && at < start))) seen.delete(style);
      prevStart = start;
      const prev = seen.get(style);
      seen.set(style, value);
      const shown = nodeNumbering(c) ?? '';
      const line = c.lines[0]!;
      if (prev === undefined) {
        if (value > 1 && m.style !== 'letter' && m.style !== 'part') diags.atLine('info', 'numbering-start', `numbering starts at ${shown}`, line);
        continue;
      }
      if (value === prev) diags.atLine('warning', 'numbering-repeat', `heading number ${shown} is repeated`, line);
      else if (value < prev) diags.atLine('warning', 'numbering-order', `heading number ${shown} comes after a higher number`, line);
      else if (value > prev + 1 && !(m.style === 'letter' && value === prev + 2)) diags.atLine('warning', 'numbering-gap', `heading number ${shown}: ${value - prev - 1} number(s) skipped`, line);
    }
  }
}

function annexTree(lines: readonly Line[], layout: Layout, index: LineIndex, pairs: WordPairs): AnnexTree | null {
  const contentIdx = lines.findIndex((l) => l.role === 'content');
  if (contentIdx < 0) return null;
  const first = lines[contentIdx]!;
  const marker = detectMarker(first);
  if (!marker || marker.style !== 'annex') return null;
  // Title: the rest of the heading line and the capitalised lines under it.
  const titleLines: Mapped[] = [first.m.slice(marker.textStart)];
  const own: Line[] = [first];
  let i = contentIdx + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.role !== 'content') continue;
    if (detectTableHeader(lines, i) || /^\(/.test(l.text) || detectMarker(l)) break;
    // "DANH MỤC NHIỆM VỤ … (Kèm theo Kế hoạch số …)" on one line (a converter joined the cell's paragraphs).
    const along = /\s*\((?:kèm theo|ban hành kèm)/iu.exec(l.text);
    const title = along ? l.text.slice(0, along.index) : l.text;
    if (!/^[\p{Lu}\d"“]/u.test(title) || title !== title.toUpperCase() || own.length > 5) break;
    titleLines.push(along ? l.m.slice(0, along.index) : l.m);
    own.push(l);
    if (along) {
      // The parenthesis closes on this line or a later one: it belongs to the heading.
      let closed = /\)\s*$/.test(l.text);
      for (i++; !closed && i < lines.length && own.length <= 8; i++) {
        if (lines[i]!.role !== 'content') continue;
        own.push(lines[i]!);
        closed = /\)\s*$/.test(lines[i]!.text);
      }
      break;
    }
  }
  // "(Kèm theo Kế hoạch số …)" belongs to the heading too.
  if (i < lines.length && /^\(/.test(lines[i]!.text)) {
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.role !== 'content') continue;
      own.push(l);
      if (/\)\s*$/.test(l.text)) {
        i++;
        break;
      }
      if (own.length > 8) break;
    }
  }
  const heading = cleanName(joinPieces(titleLines).replace(/^[\s:.\-–]+/g, () => ''));
  const node = newNode(marker, heading, own, null);
  const blocks = buildBlocks(lines.slice(i), { layout, index, inAnnex: true, pairs });
  buildTree(blocks, node);
  const tables = [...walk(node)].flatMap((n) =>
    n.content
      .filter((b): b is TableBlock => b.type === 'table')
      .map((b) => {
        // A table under a heading of its own within the annex ("**A. NHIỆM VỤ THƯỜNG XUYÊN**").
        if (n !== node && n.marker) b.table.caption = headingTitle(n) || undefined;
        return b.table;
      }),
  );
  const kinds = new Set(tables.map((t) => t.header.kind));
  let kind: SectionKind = annexKindFromTitle(heading.text);
  if (kinds.size === 1) kind = kinds.has('indicators') ? 'annex_indicators' : 'annex_tasks';
  for (const n of walk(node)) n.kind = n.ownKind && n !== node ? n.ownKind : kind;
  node.kind = kind;
  for (const l of lines) if (l.role !== 'blank' && (!node.lastLine || l.index > node.lastLine.index)) node.lastLine = l;
  return { node, tables, titleYear: titleYear(heading.text) };
}

function emptyMetadata(): PlanMetadata {
  return {
    documentType: null,
    title: null,
    number: null,
    numberTemplate: null,
    issuer: { name: null, kind: null },
    locality: { name: null, level: null },
    province: null,
    issuedDate: null,
    planYear: null,
    signer: { name: null, title: null, capacity: null, onBehalfOf: null },
    legalBases: [],
    recipients: [],
  };
}

function guard<T>(diags: Diagnostics, stage: string, fallback: T, fn: () => T): T {
  const t0 = diags.timings ? performance.now() : 0;
  try {
    return fn();
  } catch (err) {
    diags.add('error', 'internal-error', `${stage} failed: ${err instanceof Error ? err.message : String(err)}; the rest of the document is still extracted`);
    return fallback;
  } finally {
    if (diags.timings) addTime(diags.timings, stage, t0);
  }
}

/** Add the milliseconds since t0 to a stage's time (ParseOptions.timings). */
export function addTime(timings: Record<string, number>, stage: string, t0: number): void {
  timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
}

interface Structure {
  zones: Zones;
  layout: Layout;
  /** The body's section tree. */
  body: SectionNode;
  annexes: AnnexTree[];
}

/** Zones, layout, the body's section tree and the annexes' (stages that fail leave a diagnostic). */
function readStructure(lines: Line[], index: LineIndex, diags: Diagnostics): Structure {
  const zones: Zones = guard(diags, 'zones', { header: [], typeLine: null, title: [], preamble: [], body: lines, closing: [], recipients: [], signature: [], annexes: [] }, () => findZones(lines));
  const layout = measureLayout([...zones.preamble, ...zones.body]);
  const pairs = WordPairs.fromLines([...zones.preamble, ...zones.body, ...zones.closing], zones.annexes.flat());
  const body = guard(diags, 'body structure', newNode(null, Mapped.empty(0), [], null), () => {
    const root = newNode(null, Mapped.empty(0), [], null);
    return buildTree(splitInlineItems(buildBlocks(zones.body, { layout, index, inAnnex: false, pairs })), root);
  });
  const annexes = guard(diags, 'annexes', [] as AnnexTree[], () => zones.annexes.map((a) => annexTree(a, layout, index, pairs)).filter((a): a is AnnexTree => a !== null));
  return { zones, layout, body, annexes };
}

/**
 * The tables of a plan's text as the parser reads them, each with the lines
 * it covers, in document order. For tools that need the tables themselves
 * (the test generator that lays plans out as PDFs); parsePlan gives records.
 */
export function readTables(text: string): TableBlock[] {
  const { index, lines } = normalizeText(text);
  const { body, annexes } = readStructure(lines, index, new Diagnostics(index));
  const tables = [body, ...annexes.map((a) => a.node)].flatMap((root) => [...walk(root)].flatMap((n) => n.content.filter((b): b is TableBlock => b.type === 'table')));
  return tables.sort((a, b) => a.lines[0]!.index - b.lines[0]!.index);
}

/** Longest sample of the text given to franc: enough to tell a language, quick to read. */
const LANGUAGE_SAMPLE = 600;
// The languages a document sent here may be in. Among all of franc's 400, a short or
// upper-case Vietnamese text can read as Mende or Bambara; text under 200 characters is not read.
const LANGUAGES = ['vie', 'eng', 'fra', 'deu', 'spa', 'rus', 'cmn', 'jpn', 'kor', 'khm', 'lao', 'tha', 'ind', 'zlm'];

/** The language of the lines' text (ISO 639-3, as franc reads it), or null when too little to tell. */
function detectLanguage(lines: readonly Line[]): string | null {
  let sample = '';
  for (const l of lines) {
    if (l.role !== 'content') continue;
    sample += `${l.text} `;
    if (sample.length >= LANGUAGE_SAMPLE) break;
  }
  const code = franc(sample.slice(0, LANGUAGE_SAMPLE).toLowerCase(), { minLength: 200, only: LANGUAGES });
  return code === 'und' ? null : code;
}

/**
 * Parse a plan's text into a validated document. Pure: no file system, no
 * console. Never throws: odd input gives diagnostics, not exceptions.
 */
export function parsePlan(text: string, options: ParseOptions = {}): PlanDocument {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const sha256 = options.sha256 ?? createHash('sha256').update(input, 'utf8').digest('hex');
  const format = options.format ?? guessFormat(input);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const skeleton = (index: LineIndex, diags: Diagnostics): PlanDocument => ({
    schemaVersion: SCHEMA_VERSION,
    source: { path: options.path ?? null, format, sha256, language: null, pages: options.pages ?? null, parser: VERSION },
    plan: emptyMetadata(),
    sections: [],
    indicators: [],
    tasks: [],
    assignments: [],
    diagnostics: diags.list,
  });
  if (input.length > maxLength) {
    const index = new LineIndex('');
    const diags = new Diagnostics(index);
    diags.add('error', 'input-too-large', `the text has ${input.length.toLocaleString('en')} characters, more than the limit of ${maxLength.toLocaleString('en')}; nothing was extracted`);
    return skeleton(index, diags);
  }
  const t0 = options.timings ? performance.now() : 0;
  // Text in a `.VnTime` font's encoding read as Latin-1 ("Uû ban nh©n d©n"): one letter for one, so positions hold.
  // In a VNI-Times font's ("UÛy ban nhaân daân"): two for one, lines hold and so do a table's columns.
  const legacy = looksTcvn3(input) ? { name: "TCVN3 (the .VnTime fonts' encoding)", ...convertTcvn3Text(input) } : looksVni(input) ? { name: "VNI (the VNI-Times fonts' encoding)", ...convertVniText(input) } : null;
  const normalized = normalizeText(legacy ? legacy.text : input);
  if (options.timings) addTime(options.timings, 'normalize', t0);
  const { index, lines } = normalized;
  const diags = new Diagnostics(index, options.timings);
  if (lines.every((l) => l.role === 'blank')) {
    diags.add('error', 'empty-input', 'the text is empty');
    return skeleton(index, diags);
  }
  if (legacy && legacy.lines > 0) diags.add('info', 'legacy-encoding', `${legacy.lines} line(s) were ${legacy.name} read as Latin-1; they were read as Vietnamese`);
  if (normalized.trailerLines > 0) diags.add('info', 'signature-stamp', `${normalized.trailerLines} line(s) of a digital-signature stamp were left out`);

  const { zones, layout, body, annexes } = readStructure(lines, index, diags);
  const meta = guard(diags, 'metadata', emptyMetadata(), () => readMetadata(zones, layout, index, lines));
  for (const d of options.inputDiagnostics ?? []) diags.add(d.severity, d.code, d.message);
  const language = guard(diags, 'language', null, () => detectLanguage(zones.body.length > 0 ? zones.body : lines));
  if (language && language !== 'vie') diags.add('warning', 'not-vietnamese', `the text reads as ${language} (ISO 639-3), not Vietnamese; it was parsed all the same`);

  const indicators: IndicatorRecord[] = guard(diags, 'indicators', [], () => {
    const out = indicatorsFromObjectives(body, meta.planYear, (t, year) => indicatorsFromTable(t, { source: 'body', year, planYear: meta.planYear }));
    for (const a of annexes) {
      for (const t of a.tables) if (t.header.kind === 'indicators') out.push(...indicatorsFromTable(t, { source: 'annex', year: a.titleYear, planYear: meta.planYear }));
    }
    return out;
  });
  const tasks: TaskRecord[] = guard(diags, 'tasks', [], () => {
    const out = tasksFromBody(body, (t) => tasksFromTable(t, 'body'));
    for (const a of annexes) for (const t of a.tables) if (t.header.kind === 'tasks') out.push(...tasksFromTable(t, 'annex'));
    return out;
  });
  const assignments = guard(diags, 'assignments', [], () => assignmentsFrom(body));

  // Diagnostics from the structure.
  guard(diags, 'numbering checks', undefined, () => checkNumbering(body, diags));
  for (const root of [body, ...annexes.map((a) => a.node)]) {
    for (const n of walk(root)) {
      if (n.fuzzyTitle) diags.add('info', 'heading-typo', `heading "${cleanName(n.heading).text}" read as ${n.kind} despite its spelling`, nodePosition(n, index));
    }
  }
  const allTables = [...[...walk(body)].flatMap((n) => n.content.filter((b): b is TableBlock => b.type === 'table').map((b) => b.table)), ...annexes.flatMap((a) => a.tables)];
  for (const t of allTables) {
    for (const issue of t.issues) {
      const severity = issue.code === 'numbering-gap' || issue.code === 'numbering-repeat' ? 'warning' : 'info';
      diags.atLine(severity, issue.code, issue.message, issue.line);
    }
    for (const e of t.entries) if (e.uncertain) diags.add('warning', 'table-row-unsplit', `could not tell the cells of row ${e.numbering ?? ''} apart; its text is kept in the name`.replace('  ', ' '), index.ofMapped(e.whole));
  }
  const kinds = new Set([...walk(body)].map((n) => n.kind));
  const annexKinds = new Set(annexes.map((a) => a.node.kind));
  if (body.children.length === 0 && annexes.length === 0) diags.add('warning', 'no-structure', 'no numbered sections or annexes were found: is this a plan?');
  else {
    if (!kinds.has('objectives') && !annexKinds.has('annex_indicators')) diags.add('info', 'section-missing', 'no objectives section (MỤC TIÊU) and no indicator annex');
    if (!kinds.has('tasks') && !kinds.has('solutions') && !annexKinds.has('annex_tasks')) diags.add('warning', 'section-missing', 'no tasks section (NHIỆM VỤ, GIẢI PHÁP) and no task annex');
    if (!kinds.has('implementation')) diags.add('info', 'section-missing', 'no implementation section (TỔ CHỨC THỰC HIỆN)');
  }

  const sections = guard(diags, 'sections', [] as Section[], () => [...body.children.map((c) => toSection(c, index)), ...annexes.map((a) => toSection(a.node, index))]);
  const order = (m: Mapped) => m.span()?.start ?? 0;
  indicators.sort((a, b) => order(a.span) - order(b.span));
  tasks.sort((a, b) => order(a.span) - order(b.span));

  const doc: PlanDocument = {
    schemaVersion: SCHEMA_VERSION,
    source: { path: options.path ?? null, format, sha256, language, pages: options.pages ?? null, parser: VERSION },
    plan: meta,
    sections,
    indicators: indicators.map((r, i) => ({
      id: `I${i + 1}`,
      numbering: r.numbering,
      name: r.name.text,
      group: r.group,
      unit: r.unit,
      target: r.target,
      targetYear: r.targetYear,
      lead: r.lead,
      source: r.source,
      position: index.ofMapped(r.span),
    })),
    tasks: tasks.map((r, i) => ({
      id: `T${i + 1}`,
      numbering: r.numbering,
      name: r.name.text,
      group: r.group,
      lead: r.lead,
      support: r.support,
      output: r.output,
      timeline: r.timeline,
      source: r.source,
      position: index.ofMapped(r.span),
    })),
    assignments: assignments.map((a) => ({
      unit: a.unit,
      duties: a.duties,
      position: a.node ? nodePosition(a.node, index) : index.ofMapped(a.first),
    })),
    diagnostics: diags.list,
  };
  diags.close();
  // In document order (stable: document-wide ones, at offset 0, first).
  doc.diagnostics.sort((a, b) => a.position.start.offset - b.position.start.offset);
  const t1 = options.timings ? performance.now() : 0;
  const checked = planSchema.safeParse(doc);
  if (options.timings) addTime(options.timings, 'validation', t1);
  if (checked.success) return checked.data;
  // A bug, not an input problem: say so, and still return a valid document.
  const fallback = skeleton(index, diags);
  fallback.plan = planSchema.shape.plan.safeParse(meta).success ? meta : emptyMetadata();
  diags.add('error', 'internal-error', `the extracted document failed validation: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return fallback;
}
