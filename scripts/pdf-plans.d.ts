/** Lay a plan text out as a PDF with real tables (see pdf-plans.js). */
export function planToPdf(text: string, options?: { ruled?: boolean; title?: string; encode?: (s: string) => string }): Promise<Buffer>;
