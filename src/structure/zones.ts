import { splitColumns, type Line } from '../normalize/lines.js';
import { isUpperText, looseKey } from '../text/fold.js';
import { CLOSING, RECIPIENTS } from './blocks.js';
import { detectMarker } from './markers.js';

/**
 * The parts of an administrative document (Decree 30/2020/NĐ-CP), top to
 * bottom: issuing body and motto, "KẾ HOẠCH" and its title, the legal bases,
 * the body, the closing sentence, recipients, signature, then annexes.
 * Each zone is a list of lines (blank lines included, so positions stay).
 */
export interface Zones {
  header: Line[];
  /** The "KẾ HOẠCH" line, when there is one. */
  typeLine: Line | null;
  title: Line[];
  preamble: Line[];
  body: Line[];
  closing: Line[];
  recipients: Line[];
  signature: Line[];
  annexes: Line[][];
}

// "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "ĐỀ ÁN" as the type line.
export const DOCUMENT_TYPES: [RegExp, string][] = [
  [/^ke hoach hanh dong\b/, 'ke_hoach'],
  [/^ke hoach\b/, 'ke_hoach'],
  [/^chuong trinh hanh dong\b/, 'chuong_trinh'],
  [/^chuong trinh\b/, 'chuong_trinh'],
  [/^de an\b/, 'de_an'],
  [/^phuong an\b/, 'phuong_an'],
  [/^bao cao\b/, 'bao_cao'],
  [/^quyet dinh\b/, 'quyet_dinh'],
  [/^nghi quyet\b/, 'nghi_quyet'],
  [/^huong dan\b/, 'huong_dan'],
];

export function documentTypeOf(line: Line): string | null {
  const head = line.text.split(/\s+/).slice(0, 3).join(' ');
  if (!isUpperText(head.replace(/[^\p{L}\s]/gu, '')) ) return null;
  for (const [re, type] of DOCUMENT_TYPES) if (re.test(line.key)) return type;
  return null;
}

// Signature titles: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "BÍ THƯ".
const AUTHORITY = /^(?:tm|t\/m|t\.m|kt|k\/t|tl|t\/l|tuq|q)\.?\s+\S/;
const TITLE_WORDS = /^(?:pho )?(?:chu tich|bi thu|truong ban|giam doc|truong phong|chanh van phong|thu truong|truong thon|truong ap|truong khu pho|uy vien|chu nhiem)\b/;

export function isSignatureTitle(line: Line): boolean {
  const words = line.text.split(/\s+/).length;
  if (words > 10 || !isUpperText(line.text.replace(/[^\p{L}\s]/gu, ''))) return false;
  return AUTHORITY.test(line.key) || TITLE_WORDS.test(line.key);
}

function part(line: Line, from: number, to: number): Line {
  const m = line.m.slice(from, to).trim();
  return { ...line, m, text: m.text, key: looseKey(m.text), indent: line.indent + from };
}

/**
 * Recipients and signature run together on one line with single spaces (OCR,
 * text sorted by height): "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- UBND tỉnh (b/c);
 * CHỦ TỊCH", "- Lưu: VT, VHXH. Nguyễn Đình Hoan". Split where the signature's
 * part starts: an authority ("TM.", "KT."), a title in capitals after the
 * recipient's ";", or a person's name after the last recipient's full stop.
 */
function splitRunTogether(line: Line): Line[] {
  const text = line.text;
  const at = (() => {
    const authority = /\s((?:TM|T\/M|KT|K\/T|TL|TUQ)\.\s+\p{Lu})/u.exec(text);
    if (authority && authority.index > 0) return authority.index + 1;
    const title = /[;,]\s+((?:\p{Lu}+\s+){0,4}\p{Lu}+)$/u.exec(text);
    if (title && /^[-–+•]/.test(text) && TITLE_WORDS.test(looseKey(title[1]!))) return title.index + title[0].length - title[1]!.length;
    const name = /\.\s+((?:\p{Lu}\p{Ll}+\s+){1,4}\p{Lu}\p{Ll}+)$/u.exec(text);
    if (name && /^[-–+•]/.test(text)) return name.index + name[0].length - name[1]!.length;
    return -1;
  })();
  if (at <= 0) return [line];
  return [part(line, 0, at), part(line, at, text.length)];
}

// Lines that open the legal bases: "Căn cứ …", "Thực hiện …", "Theo …", "Xét …".
export const BASIS_START = /^(?:can cu|thuc hien|theo de nghi|theo|xet|trien khai thuc hien)\s/;

function isBodyStart(line: Line): boolean {
  const m = detectMarker(line);
  return m !== null && (m.style === 'roman' || m.style === 'part' || m.style === 'upper' || (m.style === 'decimal' && m.depth === 1));
}

function isBodyEnd(line: Line): boolean {
  if (CLOSING.test(line.key) || RECIPIENTS.test(line.key)) return true;
  if (isSignatureTitle(line)) return true;
  return detectMarker(line)?.style === 'annex';
}

export function findZones(lines: readonly Line[]): Zones {
  const content = (l: Line) => l.role === 'content';
  const zones: Zones = { header: [], typeLine: null, title: [], preamble: [], body: [], closing: [], recipients: [], signature: [], annexes: [] };
  // Annexes: from each annex heading to the next.
  const annexStarts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (content(l) && detectMarker(l)?.style === 'annex') annexStarts.push(i);
  }
  const mainEnd = annexStarts[0] ?? lines.length;
  annexStarts.forEach((s, k) => zones.annexes.push(lines.slice(s, annexStarts[k + 1] ?? lines.length)));

  // The type line ("KẾ HOẠCH") within the first lines, before any part heading.
  let typeIdx = -1;
  let seen = 0;
  for (let i = 0; i < mainEnd && seen < 60; i++) {
    const l = lines[i]!;
    if (!content(l)) continue;
    seen++;
    if (isBodyStart(l) && !/^\d/.test(l.text)) break;
    if (documentTypeOf(l)) {
      typeIdx = i;
      break;
    }
  }
  let cursor = 0;
  if (typeIdx >= 0) {
    zones.header = lines.slice(0, typeIdx);
    zones.typeLine = lines[typeIdx]!;
    // The title runs until the legal bases, the body, or a decoration line.
    let j = typeIdx + 1;
    let titleLines = 0;
    for (; j < mainEnd; j++) {
      const l = lines[j]!;
      if (l.role === 'decoration') {
        if (titleLines > 0) {
          j++;
          break;
        }
        continue;
      }
      if (!content(l)) continue;
      if (BASIS_START.test(l.key) && titleLines > 0) break;
      if (isBodyStart(l) || isBodyEnd(l)) break;
      if (titleLines >= 8) break;
      titleLines++;
    }
    zones.title = lines.slice(typeIdx + 1, j);
    cursor = j;
  }
  // Body: from the first part heading to the closing, recipients or signature.
  let bodyStart = -1;
  for (let i = cursor; i < mainEnd; i++) {
    const l = lines[i]!;
    if (content(l) && isBodyStart(l)) {
      bodyStart = i;
      break;
    }
  }
  if (bodyStart < 0) bodyStart = mainEnd;
  zones.preamble = lines.slice(cursor, bodyStart);
  let bodyEnd = mainEnd;
  for (let i = bodyStart; i < mainEnd; i++) {
    const l = lines[i]!;
    if (content(l) && isBodyEnd(l)) {
      bodyEnd = i;
      break;
    }
  }
  zones.body = lines.slice(bodyStart, bodyEnd);
  // The tail: closing sentence, recipients, signature (side by side in PDF text).
  const tail = lines.slice(bodyEnd, mainEnd).flatMap((l) => (l.role === 'content' ? splitColumns(l).flatMap(splitRunTogether) : [l]));
  let i = 0;
  for (; i < tail.length; i++) {
    const l = tail[i]!;
    if (content(l) && (RECIPIENTS.test(l.key) || isSignatureTitle(l))) break;
  }
  zones.closing = tail.slice(0, i);
  let inRecipients = false;
  let lastWasItem = false;
  for (; i < tail.length; i++) {
    const l = tail[i]!;
    if (!content(l)) continue;
    if (RECIPIENTS.test(l.key)) {
      inRecipients = true;
      zones.recipients.push(l);
      lastWasItem = false;
      continue;
    }
    if (isSignatureTitle(l)) {
      zones.signature.push(l);
      continue;
    }
    if (inRecipients && /^[-–+•]/.test(l.text)) {
      zones.recipients.push(l);
      lastWasItem = !/[;.]$/.test(l.text);
      continue;
    }
    // "  Chủ nhiệm UBKT Tỉnh ủy (b/c)," continues the recipient above it; a name does not.
    if (inRecipients && lastWasItem && /[,;.)]$/.test(l.text) && !/^(?:\p{Lu}\p{Ll}*\s+){1,5}\p{Lu}\p{Ll}*$/u.test(l.text)) {
      zones.recipients.push(l);
      lastWasItem = !/[;.]$/.test(l.text);
      continue;
    }
    zones.signature.push(l);
  }
  return zones;
}
