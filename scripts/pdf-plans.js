// Lay a plan text out as a PDF with real tables, for the tests and the benchmark.
//
// The text's paragraphs become lines of text; each of its tables (as the parser reads them
// from the text, cell by cell) becomes a drawn table: a header row, group rows across the
// table, cells wrapped within their columns, ruled or not. A table that runs past the page
// goes on on the next one under its header printed again, and a row that does not fit is
// split across the break. Every page has a running title at the top and its number at the
// foot. Fonts: DejaVu Sans, which has the Vietnamese letters (dejavu-fonts-ttf).
//
//   node scripts/pdf-plans.js seeds/000_bb2f54c0a58013f3.txt out.pdf [--unruled]
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit');
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const TEXT_SIZE = 10.5;
const TABLE_SIZE = 8.5;
const PAD = 2.5;

// Column labels and shares of the table's width, by role.
const COLUMN = {
  number: ['STT', 0.06],
  name: ['Nội dung', 0.34],
  unit: ['Đơn vị tính', 0.09],
  target: ['Kết quả', 0.1],
  lead: ['Đơn vị chủ trì', 0.15],
  support: ['Đơn vị phối hợp', 0.14],
  output: ['Sản phẩm', 0.12],
  timeline: ['Thời gian hoàn thành', 0.1],
  note: ['Ghi chú', 0.07],
  funding: ['Kinh phí', 0.08],
  other: ['Khác', 0.07],
  group: ['Lĩnh vực', 0.1],
};

/** Words of `text` (as `encode` writes them) wrapped into lines no wider than `width` at the current font. */
function wrap(doc, text, width, encode) {
  const lines = [];
  let line = '';
  for (const word of encode(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * @param {string} text a plan's text
 * @param {{ ruled?: boolean, title?: string, encode?: (s: string) => string }} [options]
 *   encode: how the PDF's font writes the text (a VNI font: "Kế hoạch" as "Keá hoaïch"): the
 *   tables are read from `text` as it is, and the text is wrapped and drawn as `encode`
 *   writes it (each mark a character of its own width, so lines wrap other than in Unicode)
 * @returns {Promise<Buffer>}
 */
export async function planToPdf(text, options = {}) {
  const { readTables } = await import(join(root, 'dist/parse.js'));
  const { normalizeText } = await import(join(root, 'dist/normalize/index.js'));
  const ruled = options.ruled ?? true;
  const encode = options.encode ?? ((s) => s);
  const title = encode(options.title ?? 'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW');
  const tables = readTables(text);
  const inTable = new Map();
  for (const t of tables) for (const l of t.lines) inTable.set(l.index, t);
  const lines = normalizeText(text).lines;

  // Small page margins for pdfkit itself: the page number sits below the text's margin, and
  // text placed past pdfkit's margin would start a page of its own.
  const doc = new PDFDocument({ size: 'A4', margins: { top: 10, bottom: 10, left: 10, right: 10 }, autoFirstPage: false, compress: true, info: { Title: title } });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 20;
  let page = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    page++;
    doc.font('body').fontSize(8).text(title, left, PAGE.margin - 25, { width, align: 'right', lineBreak: false });
    doc.fontSize(9).text(String(page), left, PAGE.height - PAGE.margin + 5, { width, align: 'center', lineBreak: false });
    y = PAGE.margin;
  };
  newPage();

  const textLine = (s) => {
    doc.font('body').fontSize(TEXT_SIZE);
    for (const l of wrap(doc, s, width, encode)) {
      const h = doc.currentLineHeight(true);
      if (y + h > bottom) newPage();
      doc.text(l, left, y, { lineBreak: false });
      y += h;
    }
  };

  const table = (block) => {
    const header = block.table.header;
    const cols = header.columns.map((c) => ({
      role: c.role,
      label: c.role === 'target' && c.year ? `Năm ${c.year}` : c.role === 'name' && header.kind === 'tasks' ? 'Nhiệm vụ' : c.role === 'name' ? 'Chỉ tiêu' : COLUMN[c.role][0],
      share: COLUMN[c.role][1],
      year: c.year,
    }));
    const sum = cols.reduce((n, c) => n + c.share, 0);
    let x = left;
    for (const c of cols) {
      c.x = x;
      c.w = (c.share / sum) * width;
      x += c.w;
    }
    doc.font('body').fontSize(TABLE_SIZE);
    const lh = doc.currentLineHeight(true);
    const cellLines = (cells) => cols.map((c, k) => wrap(doc, cells[k] ?? '', c.w - 2 * PAD, encode));
    /** Draw a row's lines [from, to) at y; spans: one cell across the columns after the number. */
    const drawPart = (lines, from, to, span) => {
      const h = (to - from) * lh + 2 * PAD;
      cols.forEach((c, k) => {
        if (span && k > 1) return;
        const w = span && k === 1 ? width - (c.x - left) : c.w;
        (lines[k] ?? []).slice(from, to).forEach((s, i) => doc.text(s, c.x + PAD, y + PAD + i * lh, { lineBreak: false }));
        if (ruled) doc.rect(c.x, y, w, h).stroke();
      });
      y += h;
    };
    const headerRow = () => {
      doc.font('bold').fontSize(TABLE_SIZE);
      const lines = cellLines(cols.map((c) => c.label));
      drawPart(lines, 0, Math.max(...lines.map((l) => l.length)), false);
      doc.font('body').fontSize(TABLE_SIZE);
    };
    if (y + 3 * lh > bottom) newPage();
    headerRow();
    let last = null;
    for (const e of block.table.entries) {
      // A numbered row with cells of its own is also the group of its sub-rows: drawn once.
      if (e.kind === 'group' && last && last.lines[0] === e.lines[0]) continue;
      last = e;
      let cells;
      let span = false;
      if (e.kind === 'group') {
        cells = [e.numbering ?? '', e.name.text];
        span = true;
      } else {
        let t = 0;
        cells = cols.map((c) => {
          if (c.role === 'number') return e.numbering ?? '';
          if (c.role === 'name') return e.name.text;
          if (c.role === 'target') return e.targets[t++]?.cell.text ?? '';
          return e.cells[c.role]?.text ?? '';
        });
      }
      const lines = span ? [wrap(doc, cells[0], cols[0].w - 2 * PAD, encode), wrap(doc, cells[1], width - cols[0].w - 2 * PAD, encode)] : cellLines(cells);
      const height = Math.max(1, ...lines.map((l) => l.length));
      let from = 0;
      while (from < height) {
        const room = Math.floor((bottom - y - 2 * PAD) / lh);
        if (room < 1) {
          newPage();
          headerRow();
          continue;
        }
        const to = Math.min(height, from + room);
        drawPart(lines, from, to, span);
        from = to;
        if (from < height) {
          newPage();
          headerRow();
        }
      }
    }
    y += lh;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = inTable.get(l.index);
    if (t) {
      if (t.lines[0].index === l.index) table(t);
      continue;
    }
    if (l.role !== 'content') continue;
    textLine(l.text.replace(/\t+/g, '  '));
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!input || !output) {
    console.error('usage: node scripts/pdf-plans.js PLAN.txt OUT.pdf [--unruled]');
    process.exit(2);
  }
  const pdf = await planToPdf(readFileSync(input, 'utf8'), { ruled: !process.argv.includes('--unruled') });
  writeFileSync(output, pdf);
}
