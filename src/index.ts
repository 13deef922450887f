// The public API of plan-extract: re-exports only.
export { parsePlan, DEFAULT_MAX_LENGTH, type ParseOptions } from './parse.js';
export { parsePlanFile, parsePlanInput, parsePlanBytes, readPlanBytes, DEFAULT_MAX_BYTES, type ParseFileOptions } from './input/file.js';
export { pdfToText, isPdf, type PdfText } from './input/pdf.js';
export { decodeText, type DecodedText, type TextEncoding } from './input/text.js';
export { InputError, type InputErrorCode } from './input/errors.js';
export {
  planSchema,
  SCHEMA_VERSION,
  type PlanDocument,
  type Plan,
  type Indicator,
  type Task,
  type Assignment,
  type Diagnostic,
  type Position,
  type Section,
  type Target,
  type Timeline,
  type LegalBasis,
  type DocumentRef,
} from './model/schema.js';
export { planJsonSchema, comparisonJsonSchema } from './model/json-schema.js';
export { comparePlans, DEFAULT_MIN_SIMILARITY, type CompareInput, type CompareOptions } from './compare/compare.js';
export {
  comparisonSchema,
  COMPARISON_VERSION,
  type PlanComparison,
  type ComparedPlan,
  type IndicatorRow,
  type TaskRow,
  type IndicatorEntry,
  type TaskEntry,
} from './model/comparison.js';
export { readTarget, scanTargets, parseNumber } from './extract/targets.js';
export { readTimeline } from './extract/timelines.js';
export { foldTonePlacement } from './normalize/tone.js';
