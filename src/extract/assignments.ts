import type { Mapped } from '../text/mapped.js';
import { looseKey } from '../text/fold.js';
import type { SectionNode } from '../structure/tree.js';
import { cleanName, walk } from './common.js';
import { UNIT_HEADS, startsWithPhrase } from './vocabulary.js';

export interface AssignmentRecord {
  unit: string | null;
  duties: string[];
  /** From the item's heading to the end of its duties. */
  first: Mapped;
  node: SectionNode | null;
}

// "Trách nhiệm của …", "Giao …", "Đề nghị …", "Đối với …" introduce the unit.
const PREFIX = /^(?:trach nhiem cua|giao cho|giao|de nghi|doi voi|yeu cau)\s+/;
// Where a unit's name ends and its duty begins: "Phòng Văn hóa - Xã hội chủ trì, phối hợp …".
const DUTY_VERB = /\s(?:chu tri|phoi hop|co trach nhiem|chu dong|thuong xuyen|can cu|thuc hien|trien khai|to chuc thuc hien|theo doi|tham muu cho|xay dung|tiep tuc|huong dan|kiem tra|ra soat|bao cao|dinh ky|lanh dao|chi dao|quan triet|giam sat|phan cong|day manh|tang cuong|tuyen truyen|van dong)\b/g;

/** Where the duty verb starts in `key` (loose key of `text`); "Ban Chỉ đạo", capitalized, is part of a name. */
function dutyVerb(key: string, text: string): number {
  for (const m of key.matchAll(DUTY_VERB)) {
    const first = text[m.index + 1]!;
    if (first === first.toLowerCase()) return m.index;
  }
  return -1;
}

// "Căn cứ Kế hoạch của UBND xã, các phòng chuyên môn, đơn vị chủ động …",
// "Định kỳ hàng năm trước ngày 15/12, các cơ quan, đơn vị rà soát …": the unit is the subject after the opening clause.
const OPENING = /^(?:can cu|dinh ky|tren co so|hang nam|trong qua trinh|theo)\b[^,]{0,120},\s+/;

/** The unit an item of TỔ CHỨC THỰC HIỆN names, and the duty written after it. */
export function readUnit(heading: string, hasChildren: boolean): { unit: string | null; duty: string | null } {
  const read = readNamedUnit(heading, hasChildren);
  // "Đảng ủy giao Ủy ban nhân dân xã: …": the unit is the one given the duties.
  const given = read.unit ? /^(?:\S+\s+){1,6}?giao(?:\s+cho)?\s+(?=\p{Lu})/u.exec(read.unit) : null;
  if (given) return { ...read, unit: read.unit!.slice(given[0].length) };
  return read;
}

function readNamedUnit(heading: string, hasChildren: boolean): { unit: string | null; duty: string | null } {
  const key = looseKey(heading);
  const opening = OPENING.exec(key);
  if (opening) {
    const rest = key.slice(opening[0].length);
    const verb = dutyVerb(rest, heading.slice(opening[0].length));
    if (startsWithPhrase(rest, UNIT_HEADS) && verb > 0 && verb < 80) {
      return { unit: heading.slice(opening[0].length, opening[0].length + verb).replace(/[,\s]+$/, ''), duty: heading };
    }
  }
  const pre = PREFIX.exec(key);
  const start = pre ? pre[0].length : 0;
  const body = heading.slice(start);
  const bodyKey = key.slice(start);
  const colon = body.indexOf(':');
  if (colon > 0 && body.slice(0, colon).split(/\s+/).length <= 25) {
    const unit = body.slice(0, colon).trim();
    const duty = body.slice(colon + 1).trim();
    if (pre || startsWithPhrase(bodyKey.replace(/^cac\s+/, 'cac '), UNIT_HEADS) || unit.split(/\s+/).length <= 8) return { unit, duty: duty || null };
  }
  if (!pre && !startsWithPhrase(bodyKey, UNIT_HEADS)) return { unit: null, duty: heading };
  const verb = dutyVerb(bodyKey, body);
  if (verb > 0) return { unit: body.slice(0, verb).replace(/[,\s]+$/, ''), duty: heading };
  // A short heading over its duties is the unit's name: "3. Phòng Kinh tế".
  if (pre || (hasChildren && body.split(/\s+/).length <= 16) || body.split(/\s+/).length <= 8) return { unit: body.replace(/[.:;\s]+$/, ''), duty: null };
  return { unit: null, duty: heading };
}

function dutiesUnder(node: SectionNode): string[] {
  const out: string[] = [];
  for (const block of node.content) if (block.type === 'paragraph') out.push(cleanName(block.text).text);
  for (const child of node.children) {
    for (const n of walk(child)) {
      const t = cleanName(n.heading).text;
      if (t) out.push(t);
      for (const block of n.content) if (block.type === 'paragraph') out.push(cleanName(block.text).text);
    }
  }
  return out.filter(Boolean);
}

/**
 * TỔ CHỨC THỰC HIỆN: one assignment per item under the section (usually one
 * numbered paragraph per unit), with the unit it names and its duties.
 */
export function assignmentsFrom(root: SectionNode): AssignmentRecord[] {
  const out: AssignmentRecord[] = [];
  const visit = (node: SectionNode) => {
    if (node.ownKind === 'implementation') {
      for (const child of node.children) {
        const { unit, duty } = readUnit(cleanName(child.heading).text, child.children.length > 0 || child.content.length > 0);
        const duties = [...(duty ? [duty] : []), ...dutiesUnder(child)];
        out.push({ unit: unit ? unit.replace(/\s+/g, ' ') : null, duties, first: child.heading, node: child });
      }
      return;
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  return out;
}
