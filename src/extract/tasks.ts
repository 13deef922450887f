import type { Mapped } from '../text/mapped.js';
import type { SectionNode } from '../structure/tree.js';
import { cleanName, headingTitle, walk } from './common.js';
import type { ParsedTable } from './tables/table.js';
import { readTimeline, type Timeline } from './timelines.js';
import { itemSpan } from './indicators.js';
import { breaksOf, splitUnits } from './units.js';

export interface TaskRecord {
  numbering: string | null;
  name: Mapped;
  group: string | null;
  lead: string[];
  support: string[];
  output: string | null;
  timeline: Timeline | null;
  source: 'annex' | 'body';
  span: Mapped;
}

/** Every record row of a task table. */
export function tasksFromTable(table: ParsedTable, source: 'annex' | 'body'): TaskRecord[] {
  const out: TaskRecord[] = [];
  const flat = table.header.mode === 'flat';
  for (const e of table.entries) {
    if (e.kind !== 'record') continue;
    const name = cleanName(e.name);
    if (name.length === 0) continue;
    const cell = (m: Mapped | undefined) => (m ? cleanName(m).text : '');
    const units = (m: Mapped | undefined) => {
      if (!m) return [];
      const c = cleanName(m);
      return splitUnits(c.text, flat, breaksOf(c));
    };
    const group = e.groups.length > 0 ? cleanName(e.groups[e.groups.length - 1]!).text || null : null;
    const timelineText = cell(e.cells.timeline);
    out.push({
      numbering: e.numbering,
      name,
      group,
      lead: units(e.cells.lead),
      support: units(e.cells.support),
      output: cell(e.cells.output) || null,
      timeline: timelineText ? readTimeline(timelineText) : null,
      source,
      span: e.whole,
    });
  }
  return out;
}

// Units and times a body task states itself: "(Cơ quan chủ trì: Phòng VH-XH; phối hợp: …; thời gian: Năm 2025)".
const LEAD = /(?:đơn vị |cơ quan )?chủ trì\s*:\s*([^;)]+)/iu;
const SUPPORT = /(?:đơn vị |cơ quan )?phối hợp\s*:\s*([^;)]+)/iu;
const TIME = /(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ)\s*:\s*([^;)]+)/iu;
const OUTPUT = /(?:sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?)\s*:\s*([^;)]+)/iu;
// That statement, in parentheses or after the sentence, is not part of the task's name.
const STATED = /\s*\((?=[^()]*(?:chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm)\s*:)[^()]*\)[\s.;,]*$|[.;]?\s*(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ|(?:cơ quan |đơn vị )?chủ trì)\s*:[^()]*$/iu;

function numberingOf(node: SectionNode): string | null {
  const m = node.marker;
  if (!m) return null;
  return m.style === 'paren' ? `(${m.numbering})` : m.numbering;
}

/**
 * Tasks in the body: every leaf item (a bullet, or a numbered item with
 * nothing under it) in a tasks or solutions section; a numbered heading over
 * bullets is their group. The heading that names the section is not a task.
 */
export function tasksFromBody(root: SectionNode, tables: (t: ParsedTable) => TaskRecord[]): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const node of walk(root)) {
    if (node.kind !== 'tasks' && node.kind !== 'solutions') continue;
    for (const block of node.content) if (block.type === 'table' && block.table.header.kind === 'tasks') out.push(...tables(block.table));
    if (!node.marker || node.children.length > 0 || node.ownKind !== null) continue;
    const stated = STATED.exec(node.heading.text);
    const name = cleanName(stated ? node.heading.slice(0, stated.index) : node.heading);
    if (name.length === 0) continue;
    const text = [node.heading.text, ...node.content.map((b) => (b.type === 'paragraph' ? b.text.text : ''))].join(' ');
    const time = TIME.exec(text)?.[1]?.trim().replace(/[.;,]+$/, '');
    out.push({
      numbering: numberingOf(node),
      name,
      group: node.parent?.marker ? headingTitle(node.parent) : null,
      lead: splitUnits(LEAD.exec(text)?.[1] ?? '', false),
      support: splitUnits(SUPPORT.exec(text)?.[1] ?? '', false),
      output: OUTPUT.exec(text)?.[1]?.trim().replace(/[.;,]+$/, '') ?? null,
      timeline: time ? readTimeline(time) : null,
      source: 'body',
      span: itemSpan(node),
    });
  }
  return out;
}
