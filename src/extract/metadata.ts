import type { Line } from '../normalize/lines.js';
import { joinPieces } from '../normalize/line-joins.js';
import type { Mapped } from '../text/mapped.js';
import type { LineIndex, Position } from '../text/positions.js';
import { isUpperText, looseKey } from '../text/fold.js';
import { breaksBefore } from '../structure/blocks.js';
import type { Layout } from '../structure/layout.js';
import { BASIS_START, documentTypeOf, type Zones } from '../structure/zones.js';
import { PROVINCES, type LocalityLevel } from './localities.js';
import { isoDate, readReferences, type DocumentRef } from './references.js';

export interface LegalBasis {
  text: string;
  refs: DocumentRef[];
  position: Position;
}

export type IssuerKind = 'ubnd' | 'dang_uy' | 'ban_chi_dao' | 'other';

export interface PlanMetadata {
  documentType: string | null;
  title: string | null;
  number: string | null;
  numberTemplate: string | null;
  issuer: { name: string | null; kind: IssuerKind | null };
  locality: { name: string | null; level: LocalityLevel | null };
  province: string | null;
  issuedDate: string | null;
  planYear: number | null;
  signer: { name: string | null; title: string | null; capacity: 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q' | null; onBehalfOf: string | null };
  legalBases: LegalBasis[];
  recipients: string[];
}

const content = (lines: readonly Line[]) => lines.filter((l) => l.role === 'content');
const join = (lines: readonly Line[]): Mapped => joinPieces(lines.map((l) => l.m));

// The motto and the column beside the issuer, as loose keys: cut them out of header lines.
// Web copies and PDF text split it: "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM".
const MOTTO = /cong hoa xa hoi|chu nghia viet nam|dang cong san viet nam|doc lap\s*-|tu do\s*-\s*hanh|hanh phuc/;

// "Số: 92/KH-UBND", "Số:        /KH-UBND", "Số -KH/BCĐ", "Số 10-KH/ĐU".
const NUMBER_LINE = /S[ốổôỗộoóò]\s*[:.]?\s*([0-9]*)\s*([\u2026._\s]*)([-/]\s*\p{Lu}[\p{L}]*(?:[-/]\p{Lu}[\p{L}\p{N}]*)+)/u;
// "Xốp, ngày        tháng 9  năm 2025", "Đồng Phú, ngày 05 tháng 3 năm 2026".
const PLACE_DATE = /(?:^|\s)([\p{Lu}][\p{L}]*(?:\s[\p{Lu}][\p{L}]*){0,4}),\s*ngày\s*([\d]{1,2})?[\s.…_]*tháng\s*([\d]{1,2})?[\s.…_]*năm\s*(\d{4})/u;
// In an annex: "(Kèm theo Kế hoạch số ....../KH-UBND ngày ....../......./2025 của …)".
const ANNEX_NUMBER = /kế hoạch số\s*([0-9]*)\s*[.…_\s]*([-/]\s*\p{Lu}[\p{L}]*(?:[-/]\p{Lu}[\p{L}\p{N}]*)+)/iu;
const ANNEX_DATE_SLASH = /ngày\s*(\d{1,2})?[\s.…_]*\/\s*(\d{1,2})?[\s.…_]*\/\s*(\d{4})/u;
const ANNEX_DATE_WORDS = /ngày\s*(\d{1,2})?[\s.…_]*tháng\s*(\d{1,2})?[\s.…_]*năm\s*(\d{4})/u;

function partialDate(d: string | undefined, m: string | undefined, y: string): string | null {
  if (d && m) return isoDate(d, m, y);
  if (m && Number(m) >= 1 && Number(m) <= 12) return `${y}-${m.padStart(2, '0')}`;
  return /^(?:19|20)\d{2}$/.test(y) ? y : null;
}

function readNumber(text: string): { number: string | null; template: string } | null {
  const m = NUMBER_LINE.exec(text) ?? ANNEX_NUMBER.exec(text);
  if (!m) return null;
  const digits = m[1] ?? '';
  const template = (m[m.length - 1] ?? '').replace(/\s+/g, '');
  return { number: digits ? `${digits}${template}` : null, template };
}

// Organisations that open an issuer block line: "ỦY BAN NHÂN DÂN", "ĐẢNG ỦY …", "BAN CHỈ ĐẠO …".
const ORG_START = /^(?:uy ban|ubnd|dang uy|ban |hoi dong|van phong|phong |so |tinh uy|huyen uy|thanh uy|dang bo|chi bo|mat tran|uy ban mttq)/;

function issuerKind(name: string): IssuerKind {
  const k = looseKey(name);
  if (/ban chi dao|\bbcd\b/.test(k)) return 'ban_chi_dao';
  if (/dang uy|ban thuong vu|dang bo|chi bo|tinh uy|huyen uy|thanh uy|ban chap hanh/.test(k)) return 'dang_uy';
  if (/uy ban nhan dan|\bubnd\b/.test(k)) return 'ubnd';
  return 'other';
}

function issuerFromHeader(header: readonly Line[]): { name: string; parent: string | null } | null {
  const bodies: string[][] = [];
  for (const l of content(header)) {
    let text = l.text;
    const motto = MOTTO.exec(l.key);
    if (motto) text = text.slice(0, motto.index);
    const num = /S[ốổôỗộoóò]\s*[:.]?\s*[0-9]*\s*[.…_\s]*[-/]/u.exec(text);
    if (num) text = text.slice(0, num.index);
    if (PLACE_DATE.test(text)) continue;
    text = text.replace(/[\s*]+$/, '').trim();
    if (!text || !isUpperText(text) || text.length < 3) continue;
    const key = looseKey(text);
    const last = bodies[bodies.length - 1];
    const lastLine = last?.[last.length - 1] ?? '';
    if (!last || (ORG_START.test(key) && !/[,\-–]$/.test(lastLine) && !/\b(?:ve|va|cua)$/.test(looseKey(lastLine)))) bodies.push([text]);
    else last.push(text);
  }
  if (bodies.length === 0) return null;
  // A rule printed under the body's name ("-------") is no part of it.
  const name = bodies[bodies.length - 1]!.join(' ').replace(/\s+/g, ' ').replace(/\s*[-_=*]{3,}$/, '');
  const parent = bodies.length > 1 ? bodies[bodies.length - 2]!.join(' ') : null;
  return { name, parent };
}

// "UBND xã Nha Bích xây dựng kế hoạch …", "…, Ban Thường vụ Đảng ủy ban hành Kế hoạch …".
const ENACTING = /(?:^|[;,]\s+|\)\s*,?\s+)((?:\p{Lu}|UBND|Ủy)[^;]{2,160}?)\s+(?:xây dựng|ban hành|triển khai|tổ chức triển khai|thống nhất ban hành)\s+(?:Kế hoạch|kế hoạch|Chương trình|chương trình)/u;
// "Trên đây là Kế hoạch của Ban Chỉ đạo … xã Tịnh Khê, năm 2025".
const CLOSING_ISSUER = /^Trên đây là (?:Kế hoạch|kế hoạch|Chương trình)[^.]{0,40}? của\s+(.{3,200}?)(?:[,.;]|\s+(?:về|năm|triển khai|thực hiện)\s)/u;

function issuerFromText(preamble: Mapped[], closing: string): string | null {
  for (let i = preamble.length - 1; i >= 0; i--) {
    const text = preamble[i]!.text;
    const m = ENACTING.exec(text);
    if (m) {
      const subject = m[1]!.trim();
      if (!/^(?:Căn cứ|Thực hiện|Theo)\b/u.test(subject)) return subject;
    }
  }
  const c = CLOSING_ISSUER.exec(closing);
  return c ? c[1]!.trim() : null;
}

// "xã Nha Bích", "phường Trà Câu", "XÃ XỐP", "thị trấn Phố Mới".
const LOCALITY = /(?<![\p{L}])(xã|Xã|XÃ|phường|Phường|PHƯỜNG|thị trấn|Thị trấn|THỊ TRẤN|tỉnh|Tỉnh|TỈNH)\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,3})/gu;

function properCase(name: string, fullText: string, fullKey: string): string {
  if (!isUpperText(name)) return name;
  // Prefer the way the text itself writes the name in mixed case ("Xốp, ngày …").
  const key = looseKey(name);
  let at = fullKey.indexOf(key);
  while (at >= 0) {
    const cand = fullText.slice(at, at + name.length);
    if (!isUpperText(cand) && looseKey(cand) === key && /^\p{Lu}/u.test(cand)) return cand;
    at = fullKey.indexOf(key, at + 1);
  }
  return name
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function readLocality(sources: string[], fullText: string, fullKey: string): { name: string | null; level: LocalityLevel | null } {
  for (const s of sources) {
    const counts = new Map<string, { n: number; level: LocalityLevel; name: string }>();
    LOCALITY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LOCALITY.exec(s))) {
      const level = m[1]!.toLowerCase() as LocalityLevel;
      let name = m[2]!;
      // "xã Xốp về …": stop before a capitalised word that starts a clause.
      name = name.replace(/\s+(?:Về|Và|Năm|Trong|Theo|Ủy|UBND)\b.*$/u, '');
      if (level === 'tỉnh' && !PROVINCES.some((p) => looseKey(p) === looseKey(name))) continue;
      const k = `${level}|${looseKey(name)}`;
      const e = counts.get(k);
      if (e) e.n++;
      else counts.set(k, { n: 1, level, name });
    }
    const best = [...counts.values()].filter((e) => e.level !== 'tỉnh').sort((a, b) => b.n - a.n)[0];
    if (best) return { name: properCase(best.name, fullText, fullKey), level: best.level };
    const prov = [...counts.values()].sort((a, b) => b.n - a.n)[0];
    if (prov) return { name: properCase(prov.name, fullText, fullKey), level: prov.level };
  }
  return { name: null, level: null };
}

// "tỉnh Quảng Trị", "Tỉnh ủy Lâm Đồng", "UBND tỉnh …", "thành phố Hà Nội": one pattern for all
// the provinces, built once; the loose key of each name leads back to the name.
const PROVINCE_BY_KEY = new Map<string, string>();
let provincePattern: RegExp | null = null;
function provinceRegExp(): RegExp {
  if (!provincePattern) {
    for (const p of PROVINCES) PROVINCE_BY_KEY.set(looseKey(p).replace(/[-–]/g, '-').replace(/\s+/g, ' '), p);
    const names = [...PROVINCE_BY_KEY.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/-/g, '[-–]').replace(/ /g, '\\s+'));
    provincePattern = new RegExp(`(?:tinh|tinh uy|ubnd tinh|uy ban nhan dan tinh|thanh pho|tp\\.?)\\s+(${names.join('|')})(?![\\p{L}])`, 'gu');
  }
  provincePattern.lastIndex = 0;
  return provincePattern;
}

function readProvince(fullText: string, fullKey: string): string | null {
  const counts = new Map<string, number>();
  for (const m of fullKey.matchAll(provinceRegExp())) {
    const p = PROVINCE_BY_KEY.get(m[1]!.replace(/[-–]/g, '-').replace(/\s+/g, ' '));
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  return properCase(best[0], fullText, fullKey);
}

// "… xã Tịnh Khê năm 2025", "… thực hiện năm 2026": a one-year plan.
function readPlanYear(title: string): number | null {
  let t = looseKey(title);
  t = t.replace(/ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}/g, ' ');
  t = t.replace(/\d{1,2}[/-]\d{1,2}[/-]\d{4}/g, ' ');
  if (/giai doan|\d{4}\s*[-–]\s*\d{4}/.test(t)) return null;
  // "… năm 2025 và đến năm 2030": a plan for the year and the years after it.
  if (/\bva\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}/.test(t)) return null;
  t = t.replace(/(?:den|toi|tam nhin)\s+(?:het\s+|cuoi\s+)?nam\s+\d{4}/g, ' ');
  const years = new Set([...t.matchAll(/nam\s+((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

const AUTHORITY = /^(TM|T\/M|T\.M|KT|K\/T|TL|T\/L|TUQ|Q)\.?\s+(.+)$/u;
const SIGNER_TITLE = /^(?:pho )?(?:chu tich|bi thu|truong ban|giam doc|truong phong|chanh van phong|thu truong|truong thon|truong ap|uy vien|chu nhiem)\b/;
const NAME_LINE = /^(?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,5}$|^(?:\p{Lu}+)(?:\s+\p{Lu}+){1,5}$/u;

/**
 * A signature block run onto one line (text copied from a web page): "KT. CHỦ TỊCH PHÓ CHỦ
 * TỊCH (Đã ký) Lâm Thị Ngọc Hân" → "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Thị Ngọc Hân". A
 * line of its own comes back as it is.
 */
function signerPieces(line: string): string[] {
  const out: string[] = [];
  for (const part of line.split(/\s*\((?:đã ký|đã kí|ký|kí)[^)]*\)\s*/iu)) {
    if (!part) continue;
    // Capitals, then a name in mixed case.
    const named = NAME_LINE.test(part) ? null : /^(.*\S)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,5})$/u.exec(part);
    const upper = named && isUpperText(named[1]!) ? named[1]! : part;
    // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "TM. ĐẢNG ỦY BÍ THƯ": the capacity's object, then the title.
    const a = AUTHORITY.exec(upper);
    let split = false;
    if (a && isUpperText(a[2]!)) {
      const object = a[2]!;
      const key = looseKey(object);
      for (let i = 1; i < key.length; i++) {
        if (key[i - 1] !== ' ' || !SIGNER_TITLE.test(key.slice(i))) continue;
        out.push(upper.slice(0, upper.length - object.length + i).trim(), object.slice(i).trim());
        split = true;
        break;
      }
    }
    if (!split) out.push(upper);
    if (named && upper !== part) out.push(named[2]!);
  }
  return out;
}

function readSigner(lines: readonly Line[]): PlanMetadata['signer'] {
  const signer: PlanMetadata['signer'] = { name: null, title: null, capacity: null, onBehalfOf: null };
  const titles: string[] = [];
  let connector = false;
  for (const text of content(lines).flatMap((l) => signerPieces(l.text.replace(/\s+/g, ' ')))) {
    const a = AUTHORITY.exec(text);
    if (a && isUpperText(a[2]!)) {
      // "TM. ỦY BAN NHÂN DÂN": on behalf of a body. "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the deputy
      // signs for the head; the signer's own title is the line below, and KT is the closer capacity.
      const cap = a[1]!.replace(/[/.]/g, '').toUpperCase();
      if (cap === 'TM' || cap === 'Q') {
        signer.capacity ??= cap;
        signer.onBehalfOf ??= a[2]!.trim();
      } else if (cap === 'KT' || cap === 'TL' || cap === 'TUQ') signer.capacity = cap;
      continue;
    }
    if (/^kiêm$/iu.test(text)) {
      connector = true;
      continue;
    }
    if (isUpperText(text) && (!NAME_LINE.test(text) || SIGNER_TITLE.test(looseKey(text)))) {
      if (connector && titles.length > 0) titles[titles.length - 1] += ` kiêm ${text}`;
      else titles.push(text);
      connector = false;
      continue;
    }
    if (NAME_LINE.test(text) && text.split(' ').length >= 2) {
      // A capitalised title ("CHỦ TỊCH") has already been taken; an all-caps name only if nothing else.
      if (!isUpperText(text) || !signer.name) signer.name = text;
      continue;
    }
  }
  // An all-capitals line may be a title or a name: "CHỦ TỊCH" is a title.
  if (titles.length > 0) signer.title = titles.join(', ');
  return signer;
}

function readRecipients(lines: readonly Line[]): string[] {
  const items: string[] = [];
  for (const l of content(lines)) {
    let text = l.text;
    if (/^nơi nhận/iu.test(text)) {
      text = text.replace(/^nơi nhận\s*:?\s*/iu, '');
      if (!text) continue;
    }
    // Entries run onto one line: "- UBND tỉnh (b/c); - Sở …; - Lưu: VT."
    for (const piece of text.split(/(?<=[;.])\s+(?=[-–+•]\s)/)) {
      if (/^[-–+•]/.test(piece) || items.length === 0) items.push(piece.replace(/^[-–+•]\s*/, ''));
      else items[items.length - 1] += ` ${piece}`;
    }
  }
  return items.map((s) => s.replace(/\s+/g, ' ').replace(/[;,.\s]+$/, '').trim()).filter(Boolean);
}

function readLegalBases(preamble: readonly Line[], layout: Layout, index: LineIndex): { bases: LegalBasis[]; paragraphs: Mapped[] } {
  const paragraphs: Line[][] = [];
  for (const l of content(preamble)) {
    const cur = paragraphs[paragraphs.length - 1];
    const prev = cur?.[cur.length - 1];
    if (!cur || (BASIS_START.test(l.key) && /^\p{Lu}/u.test(l.text)) || breaksBefore(prev!, l, layout)) paragraphs.push([l]);
    else cur.push(l);
  }
  const bases: LegalBasis[] = [];
  const joined = paragraphs.map((p) => join(p));
  paragraphs.forEach((p, i) => {
    if (!BASIS_START.test(p[0]!.key) || !/^\p{Lu}/u.test(p[0]!.text)) return;
    const m = joined[i]!;
    bases.push({ text: m.text, refs: readReferences(m.text), position: index.ofMapped(m) });
  });
  return { bases, paragraphs: joined };
}

export function readMetadata(zones: Zones, layout: Layout, index: LineIndex, lines: readonly Line[]): PlanMetadata {
  // The normalized text (NFC, spaces, Markdown): the original may be NFD or full of NBSP.
  const fullText = lines
    .filter((l) => l.role === 'content')
    .map((l) => l.text.replace(/\t/g, ' '))
    .join('\n');
  const fullKey = looseKey(fullText);
  const headerText = content(zones.header).map((l) => l.text).join('\n');
  const annexHead = zones.annexes.map((a) => content(a).slice(0, 8).map((l) => l.text).join(' ')).join('\n');
  const closing = join(content(zones.closing)).text;
  const { bases, paragraphs } = readLegalBases(zones.preamble, layout, index);

  let documentType = zones.typeLine ? documentTypeOf(zones.typeLine) : null;
  let titleText: string | null = null;
  if (zones.typeLine) {
    const inline = zones.typeLine.text.replace(/^\S+\s+\S+\s*/, '');
    const rest = content(zones.title);
    const t = join(rest).text;
    titleText = [inline && !isUpperText(inline) ? inline : '', t].filter(Boolean).join(' ').trim() || null;
  }
  const preambleText = paragraphs.map((p) => p.text).join(' ');
  if (!documentType && /(?:ban hành|xây dựng|triển khai)\s+Kế hoạch|kèm theo Kế hoạch/iu.test(preambleText + ' ' + annexHead)) documentType = 'ke_hoach';

  const num = readNumber(headerText) ?? readNumber(annexHead);
  let issuedDate: string | null = null;
  const pd = PLACE_DATE.exec(headerText);
  if (pd) issuedDate = partialDate(pd[2], pd[3], pd[4]!);
  else {
    const ad = ANNEX_DATE_SLASH.exec(annexHead) ?? ANNEX_DATE_WORDS.exec(annexHead);
    if (ad) issuedDate = partialDate(ad[1], ad[2], ad[3]!);
  }

  const fromHeader = issuerFromHeader(zones.header);
  const issuerName = fromHeader?.name ?? issuerFromText(paragraphs, closing);
  let kind: IssuerKind | null = issuerName ? issuerKind(issuerName) : null;
  const signer = readSigner(zones.signature);
  if (!kind || kind === 'other') {
    const hint = [signer.onBehalfOf, num?.template].filter(Boolean).join(' ');
    if (/ỦY BAN NHÂN DÂN|UBND/u.test(hint)) kind = 'ubnd';
    else if (/BAN THƯỜNG VỤ|ĐẢNG ỦY|\/ĐU|ĐU\b/u.test(hint)) kind = 'dang_uy';
    else if (/BCĐ|BAN CHỈ ĐẠO/u.test(hint)) kind = 'ban_chi_dao';
  }

  const localitySources = [fromHeader?.name ?? '', fromHeader?.parent ?? '', issuerName ?? '', titleText ?? '', preambleText, closing, annexHead, fullText].filter(Boolean);
  const locality = readLocality(localitySources, fullText, fullKey);

  return {
    documentType,
    title: titleText,
    number: num?.number ?? null,
    numberTemplate: num?.template ?? null,
    issuer: { name: issuerName, kind },
    locality,
    province: readProvince(fullText, fullKey),
    issuedDate,
    planYear: titleText ? readPlanYear(titleText) : null,
    signer,
    legalBases: bases,
    recipients: readRecipients(zones.recipients),
  };
}
