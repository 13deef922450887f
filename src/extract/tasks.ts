import type { Mapped } from '../text/mapped.js';
import type { SectionNode } from '../structure/tree.js';
import { cleanName, headingTitle, numberingOf, walk } from './common.js';
import type { ParsedTable } from './tables/table.js';
import { readTimeline, type Timeline } from './timelines.js';
import { itemSpan } from './indicators.js';
import { breaksOf, splitUnits } from './units.js';
import { looseKey } from '../text/fold.js';
import { TASK_VERBS, UNIT_HEADS, WHOLE_UNIT_NAMES, startsWithPhrase } from './vocabulary.js';

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
  // Cells whose units may run together: flattened text, and Markdown from converters that join a Word cell's paragraphs with a space.
  const runTogether = table.header.mode === 'flat' || table.header.mode === 'pipe';
  const scheduleYear = Number(/(?:19|20)\d{2}/.exec(table.header.columns.find((c) => c.period)?.label ?? '')?.[0] ?? NaN) || null;
  for (const e of table.entries) {
    if (e.kind !== 'record') continue;
    const name = cleanName(e.name);
    if (name.length === 0) continue;
    const cell = (m: Mapped | undefined) => (m ? cleanName(m).text : '');
    const units = (m: Mapped | undefined) => {
      if (!m) return [];
      const c = cleanName(m);
      return splitUnits(c.text, runTogether, breaksOf(c));
    };
    const group = e.groups.length > 0 ? cleanName(e.groups[e.groups.length - 1]!).text || null : (table.caption ?? null);
    const timelineText = cell(e.cells.timeline);
    const timeline = timelineText ? readTimeline(timelineText) : null;
    // A schedule's periods ("Quý II") are those of the year its header names ("Thời gian thực hiện năm 2026").
    if (timeline && timeline.from === null && timeline.to === null && timeline.recurrence === null && scheduleYear !== null && /^(?:quy (?:i|ii|iii|iv)(?:\s*[-,]\s*)?)+$/.test(looseKey(timeline.raw))) timeline.from = timeline.to = scheduleYear;
    out.push({
      numbering: e.numbering,
      name,
      group,
      lead: units(e.cells.lead),
      support: units(e.cells.support),
      output: cell(e.cells.output) || null,
      timeline,
      source,
      span: e.whole,
    });
  }
  return out;
}

// Units and times a body task states itself: "(Cơ quan chủ trì: Phòng VH-XH; phối hợp: …; thời gian: Năm 2025)".
// A unit list may go on past ";" when another field follows: "phối hợp: Ban quản lý chợ;
// Agribank Thiên Nhẫn; thời gian: …" (each unit up to eight words, without a label of its own).
const NEXT_FIELD = String.raw`(?=\s*;\s*(?:(?:đơn vị |cơ quan )?(?:chủ trì|phối hợp)|thời gian|thời hạn|tiến độ|sản phẩm|kết quả|(?:nguồn )?kinh phí|dự toán)[^;:)]{0,20}:)`;
const UNITS = String.raw`((?:[^;:)]+?)(?:;\s*(?:[^;:)\s]+(?:\s+[^;:)\s]+){0,7}))*?)${NEXT_FIELD}|([^;)]+)`;
const LEAD = new RegExp(String.raw`(?:đơn vị |cơ quan )?chủ trì\s*:\s*(?:${UNITS})`, 'iu');
const SUPPORT = new RegExp(String.raw`(?:đơn vị |cơ quan )?phối hợp\s*:\s*(?:${UNITS})`, 'iu');
const unitsStated = (re: RegExp, text: string) => {
  const m = re.exec(text);
  return m ? (m[1] ?? m[2] ?? '') : '';
};
const TIME = /(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ)\s*:\s*([^;)]+)|[;,]\s*hoàn thành (?:trong|trước)\s+([^;)]+)/iu;

// A sentence that names its units: "Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an
// xã và Đoàn Thanh niên xã tổ chức tuyên truyền …", "Văn phòng HĐND và UBND xã chủ trì xây dựng …".
// The lead stands before "chủ trì", the support after "phối hợp (với)" up to the task's verb.
const PROSE = new RegExp(String.raw`^(?:giao\s+)?(.{2,90}?)\s+chu tri\s*(?:,?\s*phoi hop(?:\s+voi)?\s+(.{2,160}?))?\s*,?\s+(?=(?:${[...TASK_VERBS, 'to chuc', 'lap dat', 'cai dat', 'huong dan', 'lam sach', 'cap nhat', 'xoa', 'mo', 'lap'].sort((a, b) => b.length - a.length).join('|')})\b)`, 'u');

function proseUnits(heading: string): { lead: string; support: string[]; nameAt: number } | null {
  const key = looseKey(heading);
  const m = PROSE.exec(key);
  if (!m) return null;
  const leadAt = /^giao\s+/.exec(key)?.[0].length ?? 0;
  const lead = heading.slice(leadAt, leadAt + m[1]!.length).trim();
  if (!/^(?:\p{Lu}|các\s)/u.test(lead) || !startsWithPhrase(looseKey(lead), UNIT_HEADS)) return null;
  const supportAt = m[2] !== undefined ? m[0].indexOf(m[2], leadAt + m[1]!.length) : -1;
  const supportText = supportAt >= 0 ? heading.slice(supportAt, supportAt + m[2]!.length) : '';
  // "Công an xã và Đoàn Thanh niên xã": two units; "Văn phòng HĐND và UBND xã" stays one.
  const support = splitUnits(
    supportText.replace(/\s+và\s+(?=\p{Lu})/gu, (and, at: number) => {
      const before = looseKey(supportText.slice(0, at));
      const after = looseKey(supportText.slice(at + and.length));
      const whole = WHOLE_UNIT_NAMES.some((n) => n.includes(' va ') && (before + ' va ' + after.split(' ').slice(0, 3).join(' ')).includes(n));
      return startsWithPhrase(after, UNIT_HEADS) && !whole ? ', ' : and;
    }),
    false,
  );
  return { lead, support, nameAt: m[0].length };
}
const OUTPUT = /(?:sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?)\s*:\s*([^;)]+)/iu;
// That statement, in parentheses or after the sentence, is not part of the task's name.
const STATED = /\s*\((?=[^()]*(?:chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm)\s*:)[^()]*\)[\s.;,]*$|[.;]?\s*(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ|(?:cơ quan |đơn vị )?chủ trì)\s*:[^()]*$|[;,]\s*hoàn thành (?:trong|trước)\s+[^;()]*$/iu;

// A bullet that states one of a task's fields: "- Cơ quan chủ trì: Phòng Kinh tế.", "- Thời gian hoàn thành: Quý I/2026."
const FIELD_ITEM = /^(?:(?:đơn vị|cơ quan)\s+)?(?:chủ trì|phối hợp)\s*:|^(?:thời gian(?: thực hiện| hoàn thành)?|thời hạn(?: hoàn thành)?|tiến độ|sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?|(?:nguồn )?kinh phí(?: thực hiện)?|dự toán)\s*:/iu;

const isField = (node: SectionNode) => node.marker !== null && node.marker.style !== 'roman' && node.children.length === 0 && FIELD_ITEM.test(node.heading.text);

interface Fields {
  lead?: string;
  support?: string;
  time?: string;
  output?: string;
}

/** What field bullets state, each its whole value ("Ban quản lý chợ; Agribank chi nhánh Thủy Liên"). */
function fieldsOf(nodes: readonly SectionNode[]): Fields {
  const out: Fields = {};
  for (const n of nodes) {
    const text = [n.heading.text, ...n.content.map((b) => (b.type === 'paragraph' ? b.text.text : ''))].join(' ').trim();
    const colon = text.indexOf(':');
    const label = text.slice(0, colon).toLowerCase();
    const value = text.slice(colon + 1).trim().replace(/[.;,]+$/, '');
    const field = /chủ trì/.test(label) ? 'lead' : /phối hợp/.test(label) ? 'support' : /thời|tiến độ/.test(label) ? 'time' : /sản phẩm|kết quả/.test(label) ? 'output' : null;
    if (field && out[field] === undefined) out[field] = value;
  }
  return out;
}

/**
 * The field bullets that hold for a task: its own; else those under its group; else, for
 * sub-tasks that state none, those under the last of them ("+ …", "+ …", "- Cơ quan chủ trì: …").
 */
function fieldNodes(node: SectionNode, cache: Map<SectionNode, GroupFields>): SectionNode[] {
  if (node.children.length > 0) return node.children;
  const parent = node.parent;
  if (!parent) return [];
  let group = cache.get(parent);
  if (!group) cache.set(parent, (group = groupFields(parent.children)));
  return group.own.length > 0 ? group.own : group.trailing.has(node) ? group.last : [];
}

interface GroupFields {
  /** Field bullets among the group's items. */
  own: SectionNode[];
  /** The fields under the group's last item, and the items before it, with none of their own, that they hold for. */
  last: SectionNode[];
  trailing: Set<SectionNode>;
}

function groupFields(siblings: readonly SectionNode[]): GroupFields {
  const own = siblings.filter(isField);
  const lastItem = siblings[siblings.length - 1];
  const trailing = new Set<SectionNode>();
  if (own.length > 0 || !lastItem || lastItem.children.length === 0 || !lastItem.children.every(isField)) return { own, last: [], trailing };
  for (let k = siblings.length - 2; k >= 0 && siblings[k]!.children.length === 0; k--) trailing.add(siblings[k]!);
  return { own, last: lastItem.children, trailing };
}


/**
 * Tasks in the body: every leaf item (a bullet, or a numbered item with
 * nothing under it but bullets stating its fields) in a tasks or solutions
 * section; a numbered heading over bullets is their group. The heading that
 * names the section is not a task.
 */
export function tasksFromBody(root: SectionNode, tables: (t: ParsedTable) => TaskRecord[]): TaskRecord[] {
  const out: TaskRecord[] = [];
  const groups = new Map<SectionNode, GroupFields>();
  for (const node of walk(root)) {
    if (node.kind !== 'tasks' && node.kind !== 'solutions') continue;
    for (const block of node.content) if (block.type === 'table' && block.table.header.kind === 'tasks') out.push(...tables(block.table));
    // A task is an item with nothing under it but the bullets that state its fields.
    if (!node.marker || isField(node) || !node.children.every(isField) || node.ownKind !== null) continue;
    const stated = STATED.exec(node.heading.text);
    let heading = stated ? node.heading.slice(0, stated.index) : node.heading;
    const fields = fieldsOf(fieldNodes(node, groups));
    const text = [node.heading.text, ...node.content.map((b) => (b.type === 'paragraph' ? b.text.text : ''))].join(' ');
    // Units named in the sentence itself: "Giao Phòng Kinh tế chủ trì, phối hợp với … phát triển …".
    const prose = fields.lead === undefined && !LEAD.test(text) ? proseUnits(heading.text) : null;
    if (prose) heading = heading.slice(prose.nameAt);
    const name = cleanName(heading);
    if (name.length === 0) continue;
    const timeMatch = TIME.exec(text);
    const time = fields.time ?? (timeMatch?.[1] ?? timeMatch?.[2])?.trim().replace(/[.;,]+$/, '');
    out.push({
      numbering: numberingOf(node),
      name,
      group: node.parent?.marker ? headingTitle(node.parent) : null,
      lead: prose ? [prose.lead] : splitUnits(fields.lead ?? unitsStated(LEAD, text), false),
      support: prose ? prose.support : splitUnits(fields.support ?? unitsStated(SUPPORT, text), false),
      output: fields.output ?? OUTPUT.exec(text)?.[1]?.trim().replace(/[.;,]+$/, '') ?? null,
      timeline: time ? readTimeline(time) : null,
      source: 'body',
      span: itemSpan(node),
    });
  }
  return out;
}
