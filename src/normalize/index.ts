import { LineIndex } from '../text/positions.js';
import { splitLines, type Line } from './lines.js';
import { markSignatureTrailers } from './signature-trailer.js';
import { markPageArtifacts } from './page-artifacts.js';
import { markFootnotes } from './footnotes.js';

export interface NormalizedText {
  index: LineIndex;
  lines: Line[];
  trailerLines: number;
}

/**
 * Split the original text into normalized lines and mark the lines that are
 * not content: blank lines, page numbers, running headers, footnotes,
 * decoration and digital-signature stamps. Nothing is deleted: positions stay valid.
 */
export function normalizeText(original: string): NormalizedText {
  const index = new LineIndex(original);
  const lines = splitLines(index);
  const trailerLines = markSignatureTrailers(lines);
  markPageArtifacts(lines);
  markFootnotes(lines);
  return { index, lines, trailerLines };
}

export type { Line, LineRole } from './lines.js';
