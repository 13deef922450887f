import { distance } from 'fastest-levenshtein';
import { looseKey } from '../text/fold.js';

export type SectionKind =
  | 'purpose_requirements'
  | 'purpose'
  | 'requirements'
  | 'objectives'
  | 'tasks'
  | 'solutions'
  | 'assignment'
  | 'funding'
  | 'implementation'
  | 'annex_indicators'
  | 'annex_tasks'
  | 'annex_other'
  | 'other';

export const SECTION_KINDS: readonly SectionKind[] = [
  'purpose_requirements', 'purpose', 'requirements', 'objectives', 'tasks', 'solutions', 'assignment', 'funding',
  'implementation', 'annex_indicators', 'annex_tasks', 'annex_other', 'other',
];

/**
 * Section titles, as loose keys, in the order they are tried: "PHÂN CÔNG
 * NHIỆM VỤ" is an assignment before it is a task list, "MỤC ĐÍCH, YÊU CẦU"
 * is one section before it is two.
 */
const TITLES: [RegExp, SectionKind][] = [
  [/^to chuc (?:trien khai )?thuc hien\b|^trach nhiem thuc hien\b|^phan cong trach nhiem\b/, 'implementation'],
  [/^phan cong (?:nhiem vu|thuc hien|cong viec)\b|^phan cong\b/, 'assignment'],
  [/^(?:nguon )?kinh phi\b|^kinh phi thuc hien\b|^nguon luc\b/, 'funding'],
  [/^muc dich[ ,\-–va]+yeu cau\b/, 'purpose_requirements'],
  [/^muc dich\b/, 'purpose'],
  [/^(?:cac )?muc tieu\b|^chi tieu\b|^cac chi tieu\b/, 'objectives'],
  [/^yeu cau\b/, 'requirements'],
  [/^(?:cac )?nhiem vu\b|^noi dung nhiem vu\b|^noi dung thuc hien\b|^cac noi dung\b|^noi dung\b/, 'tasks'],
  [/^(?:cac )?giai phap\b/, 'solutions'],
];

// Titles spelled out, for typo-tolerant matching ("THỤC HIỆN" already folds away; "TỔ CHỨC THỰC HIÊN" does too).
const CANONICAL: [string, SectionKind][] = [
  ['to chuc thuc hien', 'implementation'],
  ['phan cong nhiem vu', 'assignment'],
  ['kinh phi thuc hien', 'funding'],
  ['muc dich, yeu cau', 'purpose_requirements'],
  ['muc dich', 'purpose'],
  ['yeu cau', 'requirements'],
  ['muc tieu', 'objectives'],
  ['nhiem vu va giai phap', 'tasks'],
  ['nhiem vu, giai phap', 'tasks'],
  ['nhiem vu', 'tasks'],
  ['giai phap', 'solutions'],
];

export interface KindMatch {
  kind: SectionKind;
  /** The title matched only after allowing for a typo. */
  fuzzy: boolean;
}

/** The kind a heading names, if it names one: "II. NHIỆM VỤ, GIẢI PHÁP" → tasks. */
export function headingKind(heading: string): KindMatch | null {
  const key = looseKey(heading).replace(/^[\s"“*]+/, '').replace(/\s+/g, ' ').trim();
  if (!key) return null;
  for (const [re, kind] of TITLES) if (re.test(key)) return { kind, fuzzy: false };
  // Typos: compare the first words with each title, allowing one edit per six letters.
  const words = key.replace(/[:.]/g, '').split(' ');
  for (const [title, kind] of CANONICAL) {
    const n = title.split(' ').length;
    const head = words.slice(0, n).join(' ');
    if (head.length < 6) continue;
    const allowed = Math.max(1, Math.floor(title.length / 6));
    if (distance(head, title) <= allowed) return { kind, fuzzy: true };
  }
  return null;
}

/** An annex's kind from its title, before its table is read. */
export function annexKindFromTitle(title: string): SectionKind {
  const key = looseKey(title);
  if (/chi tieu|muc tieu/.test(key) && !/nhiem vu/.test(key)) return 'annex_indicators';
  if (/nhiem vu|phan cong|cong viec|giai phap|du an|hoat dong/.test(key)) return 'annex_tasks';
  if (/chi tieu|muc tieu/.test(key)) return 'annex_indicators';
  return 'annex_other';
}

/** Heading words with "VÀ", "CHỦ YẾU", "TRỌNG TÂM" attached: both tasks and solutions. */
export function combinesTasksAndSolutions(heading: string): boolean {
  const key = looseKey(heading);
  return /nhiem vu/.test(key) && /giai phap/.test(key);
}
