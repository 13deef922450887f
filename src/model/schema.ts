import { z } from 'zod';
import { SECTION_KINDS } from '../structure/kinds.js';

export const SCHEMA_VERSION = '1.0.0';

export const pointSchema = z
  .object({
    line: z.number().int().min(1).describe('1-based line in the original input'),
    column: z.number().int().min(1).describe('1-based column, in UTF-16 code units like a JavaScript string index'),
    offset: z.number().int().min(0).describe('0-based offset into the decoded input, in UTF-16 code units'),
  })
  .meta({ id: 'Point' });

export const positionSchema = z
  .object({
    start: pointSchema,
    end: pointSchema.describe('exclusive'),
    page: z.number().int().min(1).optional().describe('1-based page where the span starts, when the input marks pages: PDF input, or text with form feeds (pdftotext)'),
  })
  .meta({ id: 'Position' });

export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=', 'range', 'rank', 'text']);

export const targetSchema = z
  .object({
    raw: z.string().describe('the target as written, e.g. "≥ 20%", "Tốp 25 của tỉnh"'),
    comparator: comparatorSchema,
    value: z.number().nullable().describe('the number; for a range its lower end; for a rank the rank'),
    valueMax: z.number().nullable().describe('upper end of a range'),
    unit: z.string().nullable(),
  })
  .meta({ id: 'Target' });

export const timelineSchema = z
  .object({
    raw: z.string(),
    from: z.number().int().nullable(),
    to: z.number().int().nullable(),
    recurrence: z.enum(['annual', 'quarterly', 'monthly', 'ongoing', 'conditional']).nullable(),
  })
  .meta({ id: 'Timeline' });

export const indicatorSchema = z
  .object({
    id: z.string(),
    numbering: z.string().nullable().describe('the row or item number as written: "12", "(3)", "-"'),
    name: z.string().min(1),
    group: z.string().nullable(),
    unit: z.string().nullable(),
    target: targetSchema.nullable(),
    targetYear: z.number().int().nullable(),
    lead: z.string().nullable(),
    source: z.enum(['annex', 'body']),
    position: positionSchema,
  })
  .meta({ id: 'Indicator' });

export const taskSchema = z
  .object({
    id: z.string(),
    numbering: z.string().nullable(),
    name: z.string().min(1),
    group: z.string().nullable(),
    lead: z.array(z.string()),
    support: z.array(z.string()),
    output: z.string().nullable(),
    timeline: timelineSchema.nullable(),
    source: z.enum(['annex', 'body']),
    position: positionSchema,
  })
  .meta({ id: 'Task' });

export const assignmentSchema = z
  .object({
    unit: z.string().nullable().describe('null when the item names no unit'),
    duties: z.array(z.string()),
    position: positionSchema,
  })
  .meta({ id: 'Assignment' });

export const diagnosticSchema = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string(),
    message: z.string(),
    position: positionSchema,
  })
  .meta({ id: 'Diagnostic' });

export interface Section {
  numbering: string | null;
  heading: string;
  kind: (typeof SECTION_KINDS)[number];
  position: z.infer<typeof positionSchema>;
  children: Section[];
}

export const sectionSchema: z.ZodType<Section> = z
  .object({
    numbering: z.string().nullable(),
    heading: z.string(),
    kind: z.enum(SECTION_KINDS as [string, ...string[]]) as unknown as z.ZodType<Section['kind']>,
    position: positionSchema,
    get children() {
      return z.array(sectionSchema);
    },
  })
  .meta({ id: 'Section' }) as unknown as z.ZodType<Section>;

export const documentRefSchema = z
  .object({
    number: z.string().describe('e.g. "57-NQ/TW", "71/NQ-CP"'),
    type: z.string().nullable().describe('e.g. "nghị quyết", "kế hoạch"'),
    date: z.string().nullable().describe('ISO date'),
    issuer: z.string().nullable(),
  })
  .meta({ id: 'DocumentRef' });

export const legalBasisSchema = z
  .object({
    text: z.string(),
    refs: z.array(documentRefSchema),
    position: positionSchema,
  })
  .meta({ id: 'LegalBasis' });

export const planSchemaPart = z
  .object({
    documentType: z.string().nullable().describe('"ke_hoach", "chuong_trinh", …'),
    title: z.string().nullable(),
    number: z.string().nullable().describe('"92/KH-UBND"; null when left blank'),
    numberTemplate: z.string().nullable().describe('"/KH-UBND", "-KH/ĐU"'),
    issuer: z.object({
      name: z.string().nullable(),
      kind: z.enum(['ubnd', 'dang_uy', 'ban_chi_dao', 'other']).nullable(),
    }),
    locality: z.object({
      name: z.string().nullable(),
      level: z.enum(['xã', 'phường', 'thị trấn', 'tỉnh']).nullable(),
    }),
    province: z.string().nullable(),
    issuedDate: z.string().nullable().describe('YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is blank'),
    planYear: z.number().int().nullable().describe('for a one-year plan'),
    signer: z.object({
      name: z.string().nullable(),
      title: z.string().nullable(),
      capacity: z.enum(['TM', 'KT', 'TL', 'TUQ', 'Q']).nullable().describe('signing on behalf of (TM), for (KT), …'),
      onBehalfOf: z.string().nullable(),
    }),
    legalBases: z.array(legalBasisSchema),
    recipients: z.array(z.string()),
  })
  .meta({ id: 'Plan' });

export const planSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.object({
      path: z.string().nullable(),
      format: z.enum(['text', 'markdown', 'pdf']),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      language: z.string().nullable().describe('ISO 639-3 code of the text\'s language as franc reads it ("vie"); null when there is too little text to tell'),
      pages: z.number().int().min(1).nullable().describe('number of pages, for PDF input'),
      parser: z.string().describe('the plan-extract version that read it, e.g. "0.1.0"'),
    }),
    plan: planSchemaPart,
    sections: z.array(sectionSchema),
    indicators: z.array(indicatorSchema),
    tasks: z.array(taskSchema),
    assignments: z.array(assignmentSchema),
    diagnostics: z.array(diagnosticSchema),
  })
  .meta({ id: 'PlanDocument', title: 'plan-extract document' });

export type PlanDocument = z.infer<typeof planSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type DocumentRef = z.infer<typeof documentRefSchema>;
export type Plan = z.infer<typeof planSchemaPart>;
