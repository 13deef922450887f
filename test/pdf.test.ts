import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanInput } from '../src/input/file.js';
import { InputError } from '../src/input/errors.js';
import { pdfToText } from '../src/input/pdf.js';
import type { PlanDocument } from '../src/model/schema.js';
import { planToPdf } from '../scripts/pdf-plans.js';

/**
 * Each seed laid out as a PDF with real tables (scripts/pdf-plans.js: drawn
 * cells, wrapped within their columns, a running title and a page number on
 * every page, tables that go on across pages under their header printed
 * again, rows split by a page break), ruled and unruled. Read back from the
 * PDF, every indicator and task must match the seed's golden file, as the
 * text does.
 */
const SEEDS = readdirSync(new URL('../seeds/', import.meta.url)).filter((f) => f.endsWith('.txt')).sort();
const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as typeof import('pdfkit');
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

interface Golden {
  indicators: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  assignments: { unit: string | null; duties: number }[];
  plan: Record<string, unknown>;
}

const withoutLine = ({ line: _line, ...r }: Record<string, unknown>) => r;
const record = ({ id: _id, position: _p, ...r }: { id: string; position: unknown }) => r;

describe.each(SEEDS)('%s laid out as a PDF', (seed) => {
  const text = readFileSync(new URL(`../seeds/${seed}`, import.meta.url), 'utf8');
  const golden = JSON.parse(readFileSync(new URL(`../fixtures/${seed.replace(/\.txt$/, '.expected.json')}`, import.meta.url), 'utf8')) as Golden;
  const docs: Record<'ruled' | 'unruled', PlanDocument | null> = { ruled: null, unruled: null };
  beforeAll(async () => {
    for (const style of ['ruled', 'unruled'] as const) {
      const pdf = await planToPdf(text, { ruled: style === 'ruled' });
      docs[style] = await parsePlanInput(pdf, `${seed}.pdf`);
    }
  }, 60_000);

  it.each(['ruled', 'unruled'] as const)('%s: indicators and tasks match the golden file', (style) => {
    const doc = docs[style]!;
    expect(doc.indicators.map(record)).toEqual(golden.indicators.map(withoutLine));
    expect(doc.tasks.map(record)).toEqual(golden.tasks.map(withoutLine));
    expect(doc.assignments.map((a) => ({ unit: a.unit, duties: a.duties.length }))).toEqual(golden.assignments.map((a) => ({ unit: a.unit, duties: a.duties })));
  });

  it('reads the plan metadata as the text does', () => {
    const { legalBases, ...plan } = docs.ruled!.plan;
    const { legalBases: goldenBases, ...goldenPlan } = golden.plan as { legalBases: { refs: unknown[] }[] };
    expect(plan).toEqual(goldenPlan);
    expect(legalBases.map((b) => b.refs)).toEqual(goldenBases.map((b) => b.refs));
  });

  it('says where each record is: a page, and a line of the laid-out text', () => {
    const doc = docs.ruled!;
    expect(doc.source.format).toBe('pdf');
    expect(doc.source.language).toBe('vie');
    expect(doc.source.pages).toBeGreaterThan(1);
    for (const r of [...doc.indicators, ...doc.tasks]) {
      expect(r.position.page).toBeGreaterThanOrEqual(1);
      expect(r.position.page).toBeLessThanOrEqual(doc.source.pages!);
    }
    // No running title or page number got into a record.
    const all = JSON.stringify([doc.indicators, doc.tasks]);
    expect(all).not.toContain('Kế hoạch thực hiện Nghị quyết số 57-NQ/TW');
  });
});

describe('running headers and footers', () => {
  it('leaves out a line repeated at the top or the foot of the pages, not a table header printed again or a page number', async () => {
    const bytes = await pdf({ size: 'A4', margin: 50 }, (d) => {
      d.font(FONT).fontSize(11);
      for (let p = 1; p <= 2; p++) {
        if (p > 1) d.addPage();
        d.text(`UBND phường An Phú - Kế hoạch số 12/KH-UBND`, 50, 30, { lineBreak: false });
        d.text('STT   Chỉ tiêu   Đơn vị tính   Kết quả', 50, 80, { lineBreak: false });
        d.text(`${p}   Tỷ lệ hồ sơ trực tuyến   %   ≥ ${80 + p}`, 50, 100, { lineBreak: false });
        d.text(`Ngày in 0${p}/12/2026 lúc 10:0${p}`, 50, 780, { lineBreak: false });
        d.text(String(p), 290, 800, { lineBreak: false });
      }
    });
    const { text } = await pdfToText(bytes);
    const lines = text.split('\n').map((l) => l.replace(/\f/g, '').trim()).filter(Boolean);
    expect(lines.some((l) => l.includes('Kế hoạch số 12'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Ngày in'))).toBe(false);
    expect(lines.filter((l) => l.startsWith('STT'))).toHaveLength(2);
    expect(lines.filter((l) => /^\d$/.test(l))).toEqual(['1', '2']);
  });
});

/** A PDF drawn with pdfkit. */
function pdf(options: Record<string, unknown>, draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

describe('PDFs that cannot be read', () => {
  const refusal = async (bytes: Buffer) => {
    try {
      await parsePlanInput(bytes, 'x.pdf');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return { code: (err as InputError).code, message: (err as InputError).message };
    }
    throw new Error('no error');
  };

  it('a scan (pages with no text layer): OCR is not supported yet', async () => {
    const scan = await pdf({}, (d) => {
      d.rect(50, 50, 400, 600).fill('#888');
      d.addPage();
      d.rect(50, 50, 400, 600).fill('#444');
    });
    const r = await refusal(scan);
    expect(r.code).toBe('no-text-layer');
    expect(r.message).toMatch(/no text layer.*OCR is not supported yet/);
  });

  it('a PDF with one scanned page among text pages: a warning names the page', async () => {
    const mixed = await pdf({}, (d) => {
      d.font(FONT).text('KẾ HOẠCH chuyển đổi số của xã An Phú năm 2026');
      d.addPage();
      d.rect(50, 50, 400, 600).fill('#888');
    });
    const doc = await parsePlanInput(mixed, 'x.pdf');
    expect(doc.diagnostics.find((d) => d.code === 'pages-without-text')?.message).toMatch(/^page 2 of 2 /);
  });

  it('an encrypted PDF', async () => {
    const enc = await pdf({ userPassword: 'secret', ownerPassword: 'owner' }, (d) => d.font(FONT).text('KẾ HOẠCH'));
    expect((await refusal(enc)).code).toBe('encrypted');
  });

  it('a truncated PDF, and a corrupt one', async () => {
    const good = await pdf({}, (d) => d.font(FONT).text('KẾ HOẠCH chuyển đổi số'));
    expect((await refusal(good.subarray(0, Math.floor(good.length / 3)))).code).toBe('corrupt');
    expect((await refusal(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]))).code).toBe('corrupt');
  });
});
