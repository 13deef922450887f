import { InputError } from './errors.js';
import { isPageNumber } from '../normalize/page-artifacts.js';
import { looseKey } from '../text/fold.js';

/**
 * PDF → text laid out the way `pdftotext -layout` prints it: each line of a
 * page at its height, each run of text at its place across the page (one
 * character column per average character width), a blank line where the page
 * leaves a gap, a form feed before each page, running headers and footers
 * left out. Table cells keep their columns,
 * so the space-aligned table reader rebuilds rows and columns from where the
 * words stand, wrapped cells and all; positions in the output point into this
 * text, and form feeds give them their page.
 *
 * The words and their places come from pdf.js (pdfjs-dist, the version
 * pdf-parse uses): `getTextContent()` gives each run of text with its
 * transform (x, y from the page's bottom) and width.
 */

export interface PdfText {
  text: string;
  pages: number;
  /** 1-based numbers of the pages that hold no text (scanned pages). */
  emptyPages: number[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Magic bytes "%PDF-". */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  // pdf.js wants DOMMatrix at import time (it comes with its optional canvas package); the
  // text layer does not use it.
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= class DOMMatrix {};
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Read a PDF's text layer as laid-out text. Throws InputError for a PDF that cannot be read. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const lib = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    // A copy: pdf.js takes the buffer over (detaches it).
    doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  } catch (err) {
    throw pdfError(err);
  }
  try {
    const pages: Item[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || it.height || 10 });
      }
      pages.push(items);
      page.cleanup();
    }
    const emptyPages = pages.flatMap((items, i) => (items.length === 0 ? [i + 1] : []));
    if (emptyPages.length === pages.length) {
      throw new InputError('no-text-layer', `the PDF has no text layer (${pages.length === 1 ? 'its page is' : `all ${pages.length} pages are`} images, as in a scan); OCR is not supported yet: run it through OCR first and pass the text`);
    }
    return { text: layOut(pages), pages: pages.length, emptyPages };
  } catch (err) {
    throw err instanceof InputError ? err : pdfError(err);
  } finally {
    await doc.destroy();
  }
}

function pdfError(err: unknown): InputError {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === 'PasswordException') return new InputError('encrypted', 'the PDF is encrypted (password-protected); save an unprotected copy and pass that');
  if (name === 'InvalidPDFException' || name === 'FormatError' || /invalid|corrupt|missing|bad xref|unexpected/i.test(message)) {
    return new InputError('corrupt', `the PDF cannot be read (corrupt or truncated: ${message})`);
  }
  return new InputError('corrupt', `the PDF cannot be read: ${message}`);
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
}

const median = (values: number[]) => quantile(values, 0.5);

/** One line of a page: items at (nearly) the same height, left to right. */
interface TextLine {
  y: number;
  size: number;
  items: Item[];
}

function linesOf(items: Item[]): TextLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    // Same line: baselines within a third of the type size (superscripts, mixed fonts).
    if (last && Math.abs(last.y - it.y) <= Math.min(last.size, it.size) * 0.35) last.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

function layOut(pages: Item[][]): string {
  const all = pages.flat();
  // One character column per narrow character width (so that a run rarely outgrows the
  // space its width gives it); the text starts at the leftmost margin.
  const perChar = quantile(all.filter((i) => i.str.length >= 3).map((i) => i.width / i.str.length), 0.15) || 5;
  const left = Math.min(...all.map((i) => i.x));
  const pageLines = pages.map(linesOf);
  const steps = pageLines.flatMap((lines) => lines.slice(1).map((l, k) => lines[k]!.y - l.y)).filter((d) => d > 0);
  const step = median(steps) || 12;
  const running = runningLines(pageLines, left, perChar);
  const out: string[] = [];
  pageLines.forEach((all, p) => {
    const lines = all.filter((l) => !running.has(l));
    lines.forEach((line, k) => {
      // A gap of more than one and a half lines is a blank line (a paragraph or a table's edge).
      if (k > 0 && lines[k - 1]!.y - line.y > step * 1.6) out.push('');
      let text = renderLine(line, left, perChar);
      if (k === 0 && p > 0) text = `\f${text}`;
      out.push(text);
    });
    if (lines.length === 0 && p > 0) out.push('\f');
  });
  return out.join('\n') + '\n';
}

/**
 * Running headers and footers: the first or the last line of a page (a
 * page number before or after it aside) that comes again, the same but for its digits ("Trang 2/5", "Kế hoạch số
 * 12/KH-UBND"), as the first or last line of other pages, on two pages at
 * least and half of those with text. A table's header printed again at the
 * top of each page stays (the table reader needs its first one): lines
 * opening with a row-number label (STT, TT) are not taken.
 */
function runningLines(pageLines: TextLine[][], left: number, perChar: number): Set<TextLine> {
  const out = new Set<TextLine>();
  const withText = pageLines.filter((l) => l.length > 0).length;
  if (withText < 2) return out;
  const plain = (line: TextLine) => renderLine(line, left, perChar).trim().replace(/\s+/g, ' ');
  const keyOf = (line: TextLine) => plain(line).replace(/\d+/g, '#');
  // Page numbers stay (the text reader knows them, and a table across the break uses them);
  // a footer line above one is still the page's last.
  for (const end of ['first', 'last'] as const) {
    const groups = new Map<string, TextLine[]>();
    for (const lines of pageLines) {
      if (lines.length < 2) continue;
      const order = end === 'first' ? lines : [...lines].reverse();
      const k = order.findIndex((l) => !isPageNumber(looseKey(plain(l))));
      if (k < 0 || k > 1) continue;
      const line = order[k]!;
      const key = keyOf(line);
      if (key.length > 120 || /^(?:stt|tt)\b/i.test(key)) continue;
      const group = groups.get(key) ?? [];
      group.push(line);
      groups.set(key, group);
    }
    for (const group of groups.values()) if (group.length >= 2 && group.length * 2 >= withText) for (const l of group) out.add(l);
  }
  return out;
}

/**
 * A line's items at their columns. Two runs of text closer than a fifth of
 * the type size are one word; a gap up to about a space (0.45 of the type
 * size) is a word gap; anything wider puts the item at its own column, two
 * spaces at least from what comes before (a new cell).
 */
function renderLine(line: TextLine, left: number, perChar: number): string {
  let text = '';
  let end = -Infinity;
  for (const it of line.items) {
    const gap = it.x - end;
    const column = Math.round((it.x - left) / perChar);
    if (text === '') text = ' '.repeat(Math.max(0, column));
    else if (gap <= it.size * 0.2) {
      /* the same word, split into two runs */
    } else if (gap <= it.size * 0.45) {
      if (!text.endsWith(' ')) text += ' ';
    } else text += ' '.repeat(Math.max(2, column - text.length));
    text += it.str;
    end = it.x + it.width;
  }
  return text.replace(/\s+$/, '');
}
