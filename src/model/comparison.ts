import { z } from 'zod';
import { comparatorSchema, timelineSchema } from './schema.js';

export const COMPARISON_VERSION = '1.0.0';

export const comparedPlanSchema = z
  .object({
    label: z.string().describe('the column name: the locality ("xã Tân Lập"), else the file name; made unique'),
    path: z.string().nullable(),
    locality: z.string().nullable(),
    number: z.string().nullable(),
    issuedDate: z.string().nullable(),
    indicators: z.number().int().min(0),
    tasks: z.number().int().min(0),
  })
  .meta({ id: 'ComparedPlan' });

export const indicatorEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    target: z.string().nullable().describe('the target as written'),
    comparator: comparatorSchema.nullable(),
    value: z.number().nullable(),
    valueMax: z.number().nullable(),
    targetYear: z.number().int().nullable(),
    line: z.number().int().min(1),
    page: z.number().int().min(1).optional(),
  })
  .meta({ id: 'IndicatorEntry' });

export const taskEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    lead: z.array(z.string()),
    timeline: timelineSchema.nullable(),
    line: z.number().int().min(1),
    page: z.number().int().min(1).optional(),
  })
  .meta({ id: 'TaskEntry' });

const agreementSchema = z
  .enum(['same', 'differs', 'partial'])
  .describe('same: every plan has it, and alike (indicators: the same target; tasks: the same lead units); differs: every plan has it, not alike; partial: some plans lack it');

export const indicatorRowSchema = z
  .object({
    name: z.string().describe("the first plan's name for it"),
    agreement: agreementSchema,
    similarity: z.number().min(0).max(1).describe('the lowest name similarity of a match in the row (1 when one plan has it)'),
    entries: z.array(indicatorEntrySchema.nullable()).describe('one per plan, in the order of `plans`; null where the plan has none'),
  })
  .meta({ id: 'IndicatorRow' });

export const taskRowSchema = z
  .object({
    name: z.string(),
    agreement: agreementSchema,
    similarity: z.number().min(0).max(1),
    entries: z.array(taskEntrySchema.nullable()),
  })
  .meta({ id: 'TaskRow' });

export const comparisonSchema = z
  .object({
    comparisonVersion: z.literal(COMPARISON_VERSION),
    minSimilarity: z.number().min(0).max(1),
    plans: z.array(comparedPlanSchema).min(2),
    indicators: z.array(indicatorRowSchema),
    tasks: z.array(taskRowSchema),
  })
  .meta({ id: 'PlanComparison' });

export type ComparedPlan = z.infer<typeof comparedPlanSchema>;
export type IndicatorEntry = z.infer<typeof indicatorEntrySchema>;
export type TaskEntry = z.infer<typeof taskEntrySchema>;
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;
export type TaskRow = z.infer<typeof taskRowSchema>;
export type PlanComparison = z.infer<typeof comparisonSchema>;
